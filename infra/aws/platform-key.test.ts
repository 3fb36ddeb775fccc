import { expect } from "chai";
import { planComponent } from "./testing/component-plan";
import { PlatformKey, keyPublishers } from "./platform-key";

describe("component PlatformKey (mocks)", () => {
  type Statement = { Sid: string; Principal: { Service?: string; AWS?: string }; Action: string[] | string; Condition?: Record<string, Record<string, string>> };

  it("lets the alert path's services use the key, each only for this account and its own kind of caller", async () => {
    const plan = await planComponent((opts) => new PlatformKey("k", { accountId: "111122223333", region: "eu-west-1", alias: "nps-test" }, opts));
    const policy = plan.json<{ Statement: Statement[] }>("aws:kms/key:Key", "k", "policy");
    const services = policy.Statement.filter((s) => s.Principal.Service);
    expect(services.map((s) => s.Principal.Service)).to.have.members(["cloudwatch.amazonaws.com", "events.amazonaws.com", "aps.amazonaws.com", "sns.amazonaws.com"]);
    for (const s of services) {
      expect(s.Action, s.Sid).to.have.members(["kms:Decrypt", "kms:GenerateDataKey*"]);
      expect(s.Condition?.StringEquals["aws:SourceAccount"], s.Sid).to.equal("111122223333");
      expect(s.Condition?.ArnLike["aws:SourceArn"], s.Sid).to.match(/^arn:aws:[a-z]+:eu-west-1:111122223333:/);
    }
    expect(policy.Statement.find((s) => s.Sid === "Account")?.Principal.AWS).to.equal("arn:aws:iam::111122223333:root");
    const key = plan.one("aws:kms/key:Key", "k");
    expect([key.inputs.enableKeyRotation, key.retainOnDelete]).to.deep.equal([true, true]);
    expect(plan.one("aws:kms/alias:Alias", "k-alias").inputs.name).to.equal("alias/nps-test");
    expect(keyPublishers("eu-west-1", "1").find((p) => p.service === "sns.amazonaws.com")?.sourceArn).to.equal("arn:aws:sns:eu-west-1:1:*");
  });
});
