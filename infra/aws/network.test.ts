import { expect } from "chai";
import { planComponent } from "./testing/component-plan";
import { Network } from "./network";

describe("component Network (mocks)", () => {
  it("routes public subnets to the internet, app subnets through NAT in their zone, data subnets nowhere", async () => {
    const plan = await planComponent((opts) => new Network("n", { cidr: "10.40.0.0/16", zones: 2, natGateways: "per-zone" }, opts));
    expect(plan.ofType("aws:ec2/subnet:Subnet").map((s) => (s.inputs.tags as { tier: string }).tier).sort()).to.deep.equal(["app", "app", "data", "data", "public", "public"]);
    const routes = plan.ofType("aws:ec2/route:Route");
    expect(routes.filter((r) => r.inputs.gatewayId)).to.have.length(1);
    expect(routes.map((r) => r.inputs.natGatewayId).filter(Boolean)).to.deep.equal(["n-nat-1-id", "n-nat-2-id"]);
    expect(routes.filter((r) => String(r.inputs.routeTableId).startsWith("n-data"))).to.be.empty;
    for (const nat of plan.ofType("aws:ec2/natGateway:NatGateway")) expect(nat.dependsOn).to.deep.equal(["n-igw"]);
  });

  it("shares one NAT gateway when told to", async () => {
    const plan = await planComponent((opts) => new Network("n", { cidr: "10.40.0.0/16", zones: 3, natGateways: "one" }, opts));
    expect(plan.ofType("aws:ec2/natGateway:NatGateway")).to.have.length(1);
    expect(new Set(plan.ofType("aws:ec2/route:Route").map((r) => r.inputs.natGatewayId).filter(Boolean))).to.deep.equal(new Set(["n-nat-1-id"]));
  });
});
