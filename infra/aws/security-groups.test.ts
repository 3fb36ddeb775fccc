import { expect } from "chai";
import { planComponent } from "./testing/component-plan";
import { SecurityGroups } from "./security-groups";

describe("component SecurityGroups (mocks)", () => {
  it("opens only the public ports to the internet, on the load balancer; the database only to the proxy", async () => {
    const plan = await planComponent((opts) => new SecurityGroups("sg", { vpcId: "vpc", publicPorts: [80, 443] }, opts));
    const ingress = plan.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => r.inputs);
    const open = ingress.filter((r) => r.cidrIpv4 || r.cidrIpv6);
    expect(open.map((r) => [r.securityGroupId, r.fromPort])).to.deep.equal([["sg-alb-id", 80], ["sg-alb-id", 80], ["sg-alb-id", 443], ["sg-alb-id", 443]]);
    expect(ingress.filter((r) => r.securityGroupId === "sg-db-id").map((r) => r.referencedSecurityGroupId)).to.deep.equal(["sg-db-proxy-id"]);
    expect(ingress.filter((r) => r.securityGroupId === "sg-cache-id").map((r) => r.referencedSecurityGroupId)).to.deep.equal(["sg-tasks-id"]);
  });
});
