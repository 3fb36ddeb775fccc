import { expect } from "chai";
import { planComponent } from "./testing/component-plan";
import { LoadBalancer, RESPONSE_HEADERS } from "./load-balancer";

describe("component LoadBalancer (mocks)", () => {
  const build = (deletionProtection: boolean) =>
    planComponent((opts) => new LoadBalancer("lb", { domain: "nps.example.com", hostedZone: "example.com", vpcId: "vpc", subnetIds: ["s-1", "s-2"], securityGroupId: "sg", deletionProtection }, opts));

  it("offers the HTTPS listener and the API rule as what services must wait for; adds HSTS and security headers", async () => {
    const plan = await build(true);
    expect(plan.component.ready.length).to.equal(2);
    const https = plan.one("aws:lb/listener:Listener", "lb-https").inputs;
    expect(https).to.include(RESPONSE_HEADERS);
    expect(https.certificateArn).to.match(/certificate\/lb-cert/);
    expect(plan.one("aws:lb/loadBalancer:LoadBalancer", "lb").inputs.enableDeletionProtection).to.equal(true);
  });

  it("lifts the deletion protection when the setting says so", async () => {
    expect((await build(false)).one("aws:lb/loadBalancer:LoadBalancer", "lb").inputs.enableDeletionProtection).to.equal(false);
  });
});
