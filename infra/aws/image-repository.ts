import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";

/** Images kept in ECR beyond the ones running: enough to roll back several releases. */
export const KEEP_IMAGES = 20;

/**
 * ECR repositories for the two NPS images (scan on push, immutable tags, KMS-encrypted, old
 * images expired) and the images themselves, built from the Dockerfile and pushed with the
 * configured tag. Tasks run them by digest, so a re-pushed tag can never change a running
 * service behind Pulumi's back.
 */
export class ImageRepository extends pulumi.ComponentResource {
  readonly app: docker.Image;
  readonly web: docker.Image;

  constructor(name: string, args: { tag: string; kmsKeyArn: pulumi.Input<string>; context: string }, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:ImageRepository", name, {}, opts);
    const image = (target: "app" | "web") => {
      const repo = new aws.ecr.Repository(
        `${name}-${target}`,
        {
          name: `nps/${target}`,
          imageTagMutability: "IMMUTABLE",
          imageScanningConfiguration: { scanOnPush: true },
          encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.kmsKeyArn }],
        },
        { parent: this },
      );
      new aws.ecr.LifecyclePolicy(
        `${name}-${target}-lifecycle`,
        {
          repository: repo.name,
          policy: JSON.stringify({
            rules: [
              { rulePriority: 1, description: `keep the last ${KEEP_IMAGES} images`, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: KEEP_IMAGES }, action: { type: "expire" } },
            ],
          }),
        },
        { parent: this },
      );
      const auth = aws.ecr.getAuthorizationTokenOutput({ registryId: repo.registryId }, { parent: this });
      return new docker.Image(
        `${name}-${target}-image`,
        {
          imageName: pulumi.interpolate`${repo.repositoryUrl}:${args.tag}`,
          build: { context: args.context, dockerfile: path.join(args.context, "Dockerfile"), target, platform: "linux/amd64" },
          registry: { server: repo.repositoryUrl, username: auth.userName, password: pulumi.secret(auth.password) },
        },
        { parent: this },
      );
    };
    this.app = image("app");
    this.web = image("web");
    this.registerOutputs({});
  }
}
