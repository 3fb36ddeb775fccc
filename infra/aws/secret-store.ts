import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * The application's secrets in Secrets Manager, one JSON document encrypted with the platform
 * key. Task definitions name single keys of it (`<arn>:KEY::`), so ECS injects each as an
 * environment variable and no value ever appears in a task definition.
 */
export class SecretStore extends pulumi.ComponentResource {
  readonly secret: aws.secretsmanager.Secret;
  readonly keys: readonly string[];

  constructor(
    name: string,
    args: { kmsKeyArn: pulumi.Input<string>; values: Readonly<Record<string, pulumi.Output<string>>>; namePrefix: string; description: string },
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("nps:aws:SecretStore", name, {}, opts);
    this.secret = new aws.secretsmanager.Secret(
      name,
      // A generated name: a deleted secret keeps its name for the recovery window, so a fixed
      // one would block the stack's re-creation (and collide with a second stack).
      { namePrefix: `${args.namePrefix}-`, description: args.description, kmsKeyId: args.kmsKeyArn, recoveryWindowInDays: 7 },
      { parent: this },
    );
    this.keys = Object.keys(args.values).sort();
    new aws.secretsmanager.SecretVersion(
      `${name}-version`,
      { secretId: this.secret.id, secretString: pulumi.secret(pulumi.jsonStringify(args.values)) },
      { parent: this },
    );
    this.registerOutputs({ arn: this.secret.arn });
  }

  /** The ECS valueFrom of one key. */
  ref(key: string): pulumi.Output<string> {
    if (!this.keys.includes(key)) throw new Error(`secret store ${key}: not stored`);
    return pulumi.interpolate`${this.secret.arn}:${key}::`;
  }
}
