import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { planComponent, TEST_KEY_ARN } from "./testing/component-plan";
import { Cache } from "./cache";

describe("component Cache (mocks)", () => {
  it("runs Redis with failover, TLS and an auth token, and hands out a rediss:// URL as a secret", async () => {
    const plan = await planComponent((opts) => new Cache("c", { subnetIds: ["s-1", "s-2"], securityGroupId: "sg", kmsKeyArn: TEST_KEY_ARN, nodeType: "cache.t4g.small", nodes: 2 }, opts));
    const rg = plan.one("aws:elasticache/replicationGroup:ReplicationGroup", "c").inputs;
    expect(rg).to.include({ automaticFailoverEnabled: true, transitEncryptionEnabled: true, atRestEncryptionEnabled: true, numCacheClusters: 2 });
    expect(rg.authToken).to.equal("[secret]");
    const url = await new Promise<string>((resolve) => plan.component.url.apply(resolve));
    expect(url).to.match(/^rediss:\/\/:.+@.+:6379$/);
    expect(await pulumi.isSecret(plan.component.url)).to.equal(true);
  });
});

