import * as path from "node:path";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { SUPPORT, type SupportName } from "../catalog";

/** The repository root: the Docker build context of the NPS images. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/**
 * The images of the dev stack: NPS's own two (the `app` and `web` stages of the Dockerfile),
 * built on the Docker host and never pushed, and the stock images of the support services.
 */
export class DevImages extends pulumi.ComponentResource {
  readonly app: docker.Image;
  readonly web: docker.Image;
  private readonly stock = new Map<SupportName, docker.RemoteImage>();

  constructor(name: string, args: { tag: string; baseImage?: string }, opts?: pulumi.ComponentResourceOptions) {
    super("nps:docker:DevImages", name, {}, opts);
    const build = (target: "app" | "web") =>
      new docker.Image(
        `${name}-${target}`,
        {
          imageName: `nps-${target}:${args.tag}`,
          build: {
            context: REPO_ROOT,
            dockerfile: path.join(REPO_ROOT, "Dockerfile"),
            target,
            platform: "linux/amd64",
            // A local base (nps images build --local) where no registry is reachable.
            ...(args.baseImage ? { args: { BASE: args.baseImage } } : {}),
          },
          skipPush: true,
        },
        { parent: this },
      );
    this.app = build("app");
    this.web = build("web");
    this.registerOutputs({});
  }

  /** The pulled image of a support service (pulled once, kept on the host). */
  support(name: SupportName): pulumi.Output<string> {
    let image = this.stock.get(name);
    if (!image) {
      image = new docker.RemoteImage(`nps-image-${name}`, { name: SUPPORT[name].image, keepLocally: true }, { parent: this });
      this.stock.set(name, image);
    }
    return image.imageId;
  }
}
