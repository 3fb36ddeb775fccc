import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { planComponent, TEST_KEY_ARN } from "./testing/component-plan";
import { SecretStore } from "./secret-store";

describe("component SecretStore (mocks)", () => {
  it("keeps the values in one KMS-encrypted secret with a generated name, and hands out ECS references to single keys", async () => {
    const plan = await planComponent((opts) => new SecretStore("st", { kmsKeyArn: TEST_KEY_ARN, values: { A_KEY: pulumi.secret("x") }, namePrefix: "nps-test-app", description: "d" }, opts));
    const s = plan.one("aws:secretsmanager/secret:Secret", "st").inputs;
    expect(s).to.include({ namePrefix: "nps-test-app-", kmsKeyId: TEST_KEY_ARN });
    expect(s.name).to.equal(undefined);
    expect(plan.one("aws:secretsmanager/secretVersion:SecretVersion", "st-version").inputs.secretString).to.equal("[secret]");
    const ref = await new Promise((resolve) => plan.component.ref("A_KEY").apply(resolve));
    expect(ref).to.match(/:A_KEY::$/);
    expect(() => plan.component.ref("OTHER")).to.throw(/not stored/);
  });
});
