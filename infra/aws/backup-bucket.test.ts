import { expect } from "chai";
import { planComponent, TEST_KEY_ARN } from "./testing/component-plan";
import { BackupBucket } from "./backup-bucket";

describe("component BackupBucket (mocks)", () => {
  it("outlives the stack, encrypts with the platform key, refuses plain HTTP and the public", async () => {
    const plan = await planComponent((opts) => new BackupBucket("bk", { kmsKeyArn: TEST_KEY_ARN }, opts));
    const bucket = plan.one("aws:s3/bucket:Bucket", "bk");
    expect([bucket.retainOnDelete, bucket.inputs.forceDestroy]).to.deep.equal([true, false]);
    const policy = plan.json<{ Statement: Array<{ Effect: string; Condition: unknown }> }>("aws:s3/bucketPolicy:BucketPolicy", "bk-tls-only", "policy");
    expect(policy.Statement[0]).to.deep.include({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
    expect(plan.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "bk-lifecycle").dependsOn).to.include("bk-versioning");
    const block = plan.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "bk-public-access").inputs;
    expect(Object.values(block).filter((v) => v === true)).to.have.length(4);
  });
});
