import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { planSubnets } from "./sizing";

export interface NetworkArgs {
  readonly cidr: string;
  readonly zones: number;
  /** One NAT gateway for the VPC, or one per zone (no zone depends on another's). */
  readonly natGateways: "one" | "per-zone";
}

/**
 * The VPC over two or more zones: public subnets for the load balancer and NAT gateways, app
 * subnets for the tasks (out through NAT, never addressable from outside), and data subnets
 * for the database and cache with no route out of the VPC at all.
 */
export class Network extends pulumi.ComponentResource {
  readonly vpc: aws.ec2.Vpc;
  readonly publicSubnetIds: pulumi.Output<string>[];
  readonly appSubnetIds: pulumi.Output<string>[];
  readonly dataSubnetIds: pulumi.Output<string>[];

  constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:Network", name, {}, opts);
    const parent = { parent: this };
    const plan = planSubnets(args.cidr, args.zones);
    const zones = aws.getAvailabilityZonesOutput({ state: "available" }, parent).names;

    this.vpc = new aws.ec2.Vpc(name, { cidrBlock: args.cidr, enableDnsHostnames: true, enableDnsSupport: true, tags: { Name: name } }, parent);
    const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: this.vpc.id, tags: { Name: `${name}-igw` } }, parent);

    const publicRoutes = new aws.ec2.RouteTable(`${name}-public`, { vpcId: this.vpc.id, tags: { Name: `${name}-public` } }, parent);
    new aws.ec2.Route(`${name}-public-internet`, { routeTableId: publicRoutes.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id }, parent);

    const subnet = (tier: "public" | "app" | "data", i: number, cidr: string) =>
      new aws.ec2.Subnet(
        `${name}-${tier}-${i + 1}`,
        {
          vpcId: this.vpc.id,
          cidrBlock: cidr,
          availabilityZone: zones[i],
          mapPublicIpOnLaunch: false,
          tags: { Name: `${name}-${tier}-${i + 1}`, tier },
        },
        parent,
      );
    const publics = plan.public.map((c, i) => subnet("public", i, c));
    publics.forEach((s, i) => new aws.ec2.RouteTableAssociation(`${name}-public-${i + 1}`, { subnetId: s.id, routeTableId: publicRoutes.id }, parent));

    const natCount = args.natGateways === "one" ? 1 : args.zones;
    const nats = Array.from({ length: natCount }, (_, i) => {
      const eip = new aws.ec2.Eip(`${name}-nat-${i + 1}`, { domain: "vpc", tags: { Name: `${name}-nat-${i + 1}` } }, parent);
      return new aws.ec2.NatGateway(
        `${name}-nat-${i + 1}`,
        { allocationId: eip.id, subnetId: publics[i].id, tags: { Name: `${name}-nat-${i + 1}` } },
        { parent: this, dependsOn: [igw] },
      );
    });

    const apps = plan.app.map((c, i) => {
      const s = subnet("app", i, c);
      const rt = new aws.ec2.RouteTable(`${name}-app-${i + 1}`, { vpcId: this.vpc.id, tags: { Name: `${name}-app-${i + 1}` } }, parent);
      new aws.ec2.Route(`${name}-app-${i + 1}-nat`, { routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nats[i % natCount].id }, parent);
      new aws.ec2.RouteTableAssociation(`${name}-app-${i + 1}`, { subnetId: s.id, routeTableId: rt.id }, parent);
      return s;
    });

    // Data subnets keep only the VPC's local route.
    const dataRoutes = new aws.ec2.RouteTable(`${name}-data`, { vpcId: this.vpc.id, tags: { Name: `${name}-data` } }, parent);
    const datas = plan.data.map((c, i) => {
      const s = subnet("data", i, c);
      new aws.ec2.RouteTableAssociation(`${name}-data-${i + 1}`, { subnetId: s.id, routeTableId: dataRoutes.id }, parent);
      return s;
    });

    this.publicSubnetIds = publics.map((s) => s.id);
    this.appSubnetIds = apps.map((s) => s.id);
    this.dataSubnetIds = datas.map((s) => s.id);
    this.registerOutputs({ vpcId: this.vpc.id });
  }
}
