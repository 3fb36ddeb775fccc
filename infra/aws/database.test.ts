import { expect } from "chai";
import { planComponent, TEST_KEY_ARN } from "./testing/component-plan";
import { Database, type DatabaseArgs } from "./database";

const ARGS: DatabaseArgs = {
  subnetIds: ["s-1", "s-2"],
  databaseSecurityGroupId: "sg-db",
  proxySecurityGroupId: "sg-proxy",
  kmsKeyArn: TEST_KEY_ARN,
  instanceClass: "db.t4g.medium",
  allocatedStorageGb: 20,
  maxAllocatedStorageGb: 40,
  backupRetentionDays: 7,
  deletionProtection: true,
  appUser: "nps_app",
  namePrefix: "nps-test",
  accountId: "111122223333",
};

describe("component Database (mocks)", () => {
  it("gives the services their own never-rotated login beside the master's, both through the proxy", async () => {
    const plan = await planComponent((opts) => new Database("db", ARGS, opts));
    const auths = plan.one("aws:rds/proxy:Proxy", "db-proxy").inputs.auths as Array<{ secretArn: string }>;
    expect(auths.map((a) => a.secretArn)).to.have.members(["arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-db", "arn:aws:secretsmanager:eu-west-1:123456789012:db-app"]);
    const policy = plan.json<{ Statement: Array<{ Resource: string[] | string }> }>("aws:iam/rolePolicy:RolePolicy", "db-proxy-secret", "policy");
    expect(policy.Statement[0].Resource).to.have.length(2);
    expect(plan.one("aws:secretsmanager/secret:Secret", "db-app").inputs).to.include({ namePrefix: "nps-test-db-app-", kmsKeyId: TEST_KEY_ARN });
    expect(plan.one("aws:secretsmanager/secretVersion:SecretVersion", "db-app-version").inputs.secretString).to.equal("[secret]");
    expect(plan.ofType("aws:rds/instance:Instance")).to.have.length(1);
    const trust = plan.json<{ Statement: Array<{ Condition: { StringEquals: Record<string, string> } }> }>("aws:iam/role:Role", "db-proxy-role", "assumeRolePolicy");
    expect(trust.Statement[0].Condition.StringEquals["aws:SourceAccount"]).to.equal("111122223333");
  });

  it("protects the instance by setting, and names its final snapshot uniquely per stack", async () => {
    const on = await planComponent((opts) => new Database("db", ARGS, opts));
    const db = on.one("aws:rds/instance:Instance", "db");
    expect([db.protect, db.inputs.deletionProtection]).to.deep.equal([true, true]);
    expect(db.inputs.finalSnapshotIdentifier).to.match(/^nps-test-db-final-[0-9a-f]{8}$/);
    const off = (await planComponent((opts) => new Database("db", { ...ARGS, deletionProtection: false }, opts))).one("aws:rds/instance:Instance", "db");
    expect([off.protect, off.inputs.deletionProtection]).to.deep.equal([false, false]);
  });

  it("restores from a snapshot or the latest moment into a new instance the proxy serves", async () => {
    const snap = await planComponent((opts) => new Database("db", { ...ARGS, restore: { snapshot: "nightly-1" } }, opts));
    const restored = snap.one("aws:rds/instance:Instance", "db-restored").inputs;
    expect(restored.snapshotIdentifier).to.equal("nightly-1");
    expect([restored.username, restored.dbName]).to.deep.equal([undefined, undefined]);
    expect(snap.one("aws:rds/proxyTarget:ProxyTarget", "db-proxy-target").inputs.dbInstanceIdentifier).to.equal("db-restored");
    const latest = await planComponent((opts) => new Database("db", { ...ARGS, restore: { latest: true } }, opts));
    expect(latest.one("aws:rds/instance:Instance", "db-restored").inputs.restoreToPointInTime).to.deep.equal({ sourceDbInstanceIdentifier: "db", useLatestRestorableTime: true });
  });
});
