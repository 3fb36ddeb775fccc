import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";

/** Images kept in ECR beyond the ones running: enough to roll back several releases. */
export const KEEP_IMAGES = 20;

/** Build the checkout under its release tag, or deploy images ECR already holds under a tag. */
export type Release = { readonly build: { readonly context: string; readonly tag: string } } | { readonly existing: string };

export interface ImageRepositoryArgs {
  readonly release: Release;
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Repository names start with it (nps-prod/app), so stacks never share one. */
  readonly namePrefix: string;
}

/** One of the two NPS images, as tasks run it: pinned by digest. */
export interface PinnedImage {
  readonly repository: aws.ecr.Repository;
  /** repository@sha256:...: a re-pushed tag can never change a running service behind Pulumi's back. */
  readonly ref: pulumi.Output<string>;
}

/**
 * The build context as Pulumi keeps it: relative to the program's directory (the project), so
 * state written on one machine does not show a change of context on another.
 */
export function relativeContext(dir: string, cwd = process.cwd()): string {
  return path.relative(cwd, dir) || ".";
}

/**
 * ECR repositories for the two NPS images (scan on push, immutable tags, KMS-encrypted, old
 * images expired) and the images. A build pushes this checkout under its release tag (the
 * commit; see release-tag.ts), so each tag names one content. A rollback names an earlier tag:
 * nothing is built, and the digest ECR holds under that tag is what the tasks run; a tag ECR
 * does not hold fails the preview, before anything changes.
 */
export class ImageRepository extends pulumi.ComponentResource {
  readonly app: PinnedImage;
  readonly web: PinnedImage;
  readonly tag: string;

  constructor(name: string, args: ImageRepositoryArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:ImageRepository", name, {}, opts);
    const release = args.release;
    this.tag = "build" in release ? release.build.tag : release.existing;
    const image = (target: "app" | "web"): PinnedImage => {
      const repository = new aws.ecr.Repository(
        `${name}-${target}`,
        {
          name: `${args.namePrefix}/${target}`,
          imageTagMutability: "IMMUTABLE",
          imageScanningConfiguration: { scanOnPush: true },
          encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.kmsKeyArn }],
        },
        { parent: this },
      );
      new aws.ecr.LifecyclePolicy(
        `${name}-${target}-lifecycle`,
        {
          repository: repository.name,
          policy: JSON.stringify({
            rules: [
              { rulePriority: 1, description: `keep the last ${KEEP_IMAGES} images`, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: KEEP_IMAGES }, action: { type: "expire" } },
            ],
          }),
        },
        { parent: this },
      );
      if ("existing" in release) {
        const held = aws.ecr.getImageOutput({ repositoryName: repository.name, imageTag: release.existing }, { parent: this });
        return { repository, ref: pulumi.interpolate`${repository.repositoryUrl}@${held.imageDigest}` };
      }
      const auth = aws.ecr.getAuthorizationTokenOutput({ registryId: repository.registryId }, { parent: this });
      const built = new docker.Image(
        `${name}-${target}-image`,
        {
          imageName: pulumi.interpolate`${repository.repositoryUrl}:${release.build.tag}`,
          build: { context: release.build.context, dockerfile: path.posix.join(release.build.context, "Dockerfile"), target, platform: "linux/amd64" },
          registry: { server: repository.repositoryUrl, username: auth.userName, password: pulumi.secret(auth.password) },
        },
        { parent: this },
      );
      return { repository, ref: built.repoDigest };
    };
    this.app = image("app");
    this.web = image("web");
    this.registerOutputs({});
  }
}
