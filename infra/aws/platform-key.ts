import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * The AWS services that write into the platform's encrypted alert path, and the ARN pattern of
 * what may call on their behalf. Each grant on the key carries both confused-deputy conditions
 * (aws:SourceAccount and aws:SourceArn), so another account's alarm, rule, workspace or topic
 * can never borrow the service's access:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 *
 * - CloudWatch alarms and EventBridge rules publish to the KMS-encrypted SNS topics
 *   (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services);
 * - Amazon Managed Prometheus publishes its alerts there too
 *   (https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-alertmanager-receiver-AMPpermission.html);
 * - SNS itself needs the key to deliver into the KMS-encrypted SQS queue the alerter reads
 *   (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html;
 *   the SourceArn condition on SNS's key grant is what aws/aws-cdk#20339 added for the same reason).
 */
export function keyPublishers(region: string, accountId: string) {
  const arn = (service: string, resource: string) => `arn:aws:${service}:${region}:${accountId}:${resource}`;
  return [
    { sid: "CloudWatchAlarmsPublish", service: "cloudwatch.amazonaws.com", sourceArn: arn("cloudwatch", "alarm:*") },
    { sid: "EventBridgeRulesPublish", service: "events.amazonaws.com", sourceArn: arn("events", "rule/*") },
    { sid: "ManagedPrometheusPublish", service: "aps.amazonaws.com", sourceArn: arn("aps", "workspace/*") },
    { sid: "TopicsDeliverToQueues", service: "sns.amazonaws.com", sourceArn: arn("sns", "*") },
  ] as const;
}

/** The key policy: the account administers the key through IAM; the alert path's services may use it. */
export function platformKeyPolicy(region: string, accountId: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Sid: "Account", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" },
      ...keyPublishers(region, accountId).map((p) => ({
        Sid: p.sid,
        Effect: "Allow",
        Principal: { Service: p.service },
        Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": accountId }, ArnLike: { "aws:SourceArn": p.sourceArn } },
      })),
    ],
  });
}

/**
 * The platform's KMS key: the database, cache, backups, secrets and alert topics are encrypted
 * with it. It outlives the stack (retainOnDelete): backups and final snapshots encrypted with it
 * stay readable after `pulumi destroy`; delete it by hand in KMS when they are no longer wanted.
 */
export class PlatformKey extends pulumi.ComponentResource {
  readonly key: aws.kms.Key;

  constructor(name: string, args: { accountId: pulumi.Input<string>; region: string; alias: string }, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:PlatformKey", name, {}, opts);
    this.key = new aws.kms.Key(
      name,
      {
        description: "NPS data at rest: database, cache, backups, secrets, alerts",
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: pulumi.output(args.accountId).apply((account) => platformKeyPolicy(args.region, account)),
      },
      { parent: this, retainOnDelete: true },
    );
    new aws.kms.Alias(`${name}-alias`, { name: `alias/${args.alias}`, targetKeyId: this.key.keyId }, { parent: this });
    this.registerOutputs({ keyArn: this.key.arn });
  }
}
