import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * The platform's KMS key: the database, cache, backups, secrets and alert topic are encrypted
 * with it. Its policy lets CloudWatch alarms and Amazon Managed Prometheus publish to the
 * encrypted SNS topic; everything else goes through IAM in the account.
 */
export class PlatformKey extends pulumi.ComponentResource {
  readonly key: aws.kms.Key;

  constructor(name: string, args: { accountId: pulumi.Input<string> }, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:PlatformKey", name, {}, opts);
    this.key = new aws.kms.Key(
      name,
      {
        description: "NPS data at rest: database, cache, backups, secrets, alerts",
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            { Sid: "Account", Effect: "Allow", Principal: { AWS: pulumi.interpolate`arn:aws:iam::${args.accountId}:root` }, Action: "kms:*", Resource: "*" },
            {
              Sid: "AlarmPublishers",
              Effect: "Allow",
              Principal: { Service: ["cloudwatch.amazonaws.com", "aps.amazonaws.com", "events.amazonaws.com"] },
              Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
              Resource: "*",
            },
          ],
        }),
      },
      { parent: this },
    );
    new aws.kms.Alias(`${name}-alias`, { name: `alias/${name}`, targetKeyId: this.key.keyId }, { parent: this });
    this.registerOutputs({ keyArn: this.key.arn });
  }
}
