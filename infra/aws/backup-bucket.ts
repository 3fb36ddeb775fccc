import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BACKUP_KINDS } from "../catalog";

/** Days an aborted multipart upload may linger before S3 removes its parts. */
export const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

/**
 * The backup bucket: versioned, encrypted with the platform key, closed to the public and to
 * plain HTTP. Each backup kind expires after its retention (oracle/ after 30 days, full/ after
 * 60), old versions a week later, and unfinished uploads are cleaned up.
 */
export class BackupBucket extends pulumi.ComponentResource {
  readonly bucket: aws.s3.Bucket;

  constructor(name: string, args: { kmsKeyArn: pulumi.Input<string> }, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:BackupBucket", name, {}, opts);
    const parent = { parent: this };
    // The backups outlive the stack: `pulumi destroy` leaves the bucket (and its objects) in S3.
    this.bucket = new aws.s3.Bucket(name, { forceDestroy: false }, { parent: this, retainOnDelete: true });
    const bucket = this.bucket.id;
    new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } }, parent);
    new aws.s3.BucketPublicAccessBlock(
      `${name}-public-access`,
      { bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
      parent,
    );
    const versioning = new aws.s3.BucketVersioning(`${name}-versioning`, { bucket, versioningConfiguration: { status: "Enabled" } }, parent);
    new aws.s3.BucketServerSideEncryptionConfiguration(
      `${name}-encryption`,
      { bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn }, bucketKeyEnabled: true }] },
      parent,
    );
    new aws.s3.BucketLifecycleConfiguration(
      `${name}-lifecycle`,
      {
        bucket,
        rules: [
          ...BACKUP_KINDS.map((b) => ({
            id: `${b.kind}-retention`,
            status: "Enabled",
            filter: { prefix: b.prefix },
            expiration: { days: b.retentionDays },
            noncurrentVersionExpiration: { noncurrentDays: 7 },
          })),
          { id: "abort-incomplete-uploads", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOAD_DAYS } },
        ],
      },
      { parent: this, dependsOn: [versioning] },
    );
    new aws.s3.BucketPolicy(
      `${name}-tls-only`,
      {
        bucket,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "DenyPlainHttp",
              Effect: "Deny",
              Principal: "*",
              Action: "s3:*",
              Resource: [this.bucket.arn, pulumi.interpolate`${this.bucket.arn}/*`],
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
          ],
        }),
      },
      parent,
    );
    this.registerOutputs({ bucket: this.bucket.bucket });
  }
}
