import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PORTS } from "../../services/lib/ports";

/**
 * Who may talk to whom. The load balancer takes 80 and 443 from anywhere; tasks take traffic
 * from the load balancer and from each other; the database proxy from the tasks; the database
 * from the proxy; the cache from the tasks. Nothing else accepts a connection from outside.
 */
export class SecurityGroups extends pulumi.ComponentResource {
  readonly loadBalancer: aws.ec2.SecurityGroup;
  readonly tasks: aws.ec2.SecurityGroup;
  readonly proxy: aws.ec2.SecurityGroup;
  readonly database: aws.ec2.SecurityGroup;
  readonly cache: aws.ec2.SecurityGroup;

  constructor(name: string, args: { vpcId: pulumi.Input<string>; publicPorts: readonly number[] }, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:SecurityGroups", name, {}, opts);
    const parent = { parent: this };
    const group = (role: string, description: string) =>
      new aws.ec2.SecurityGroup(`${name}-${role}`, { vpcId: args.vpcId, description, tags: { Name: `${name}-${role}` } }, parent);
    this.loadBalancer = group("alb", "NPS load balancer: HTTP and HTTPS from the internet");
    this.tasks = group("tasks", "NPS ECS tasks");
    this.proxy = group("db-proxy", "NPS RDS Proxy");
    this.database = group("db", "NPS PostgreSQL");
    this.cache = group("cache", "NPS Redis");

    const ingress = (id: string, sg: aws.ec2.SecurityGroup, port: number, from: { cidr: string } | { group: aws.ec2.SecurityGroup }, toPort = port) =>
      new aws.vpc.SecurityGroupIngressRule(
        `${name}-${id}`,
        {
          securityGroupId: sg.id,
          ipProtocol: "tcp",
          fromPort: port,
          toPort,
          ...("cidr" in from
            ? from.cidr.includes(":")
              ? { cidrIpv6: from.cidr }
              : { cidrIpv4: from.cidr }
            : { referencedSecurityGroupId: from.group.id }),
        },
        parent,
      );
    const egressAll = (id: string, sg: aws.ec2.SecurityGroup) =>
      new aws.vpc.SecurityGroupEgressRule(`${name}-${id}-egress`, { securityGroupId: sg.id, ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }, parent);

    for (const port of args.publicPorts) {
      ingress(`alb-${port}-ipv4`, this.loadBalancer, port, { cidr: "0.0.0.0/0" });
      ingress(`alb-${port}-ipv6`, this.loadBalancer, port, { cidr: "::/0" });
    }
    new aws.vpc.SecurityGroupEgressRule(
      `${name}-alb-to-tasks`,
      { securityGroupId: this.loadBalancer.id, ipProtocol: "tcp", fromPort: 0, toPort: 65535, referencedSecurityGroupId: this.tasks.id },
      parent,
    );
    ingress("tasks-from-alb-api", this.tasks, PORTS.api, { group: this.loadBalancer });
    ingress("tasks-from-alb-web", this.tasks, PORTS.web, { group: this.loadBalancer });
    // Service to service inside the VPC: the API calls the Oracle, the collector scrapes metrics.
    ingress("tasks-from-tasks", this.tasks, 0, { group: this.tasks }, 65535);
    egressAll("tasks", this.tasks);
    ingress("proxy-from-tasks", this.proxy, PORTS.postgres, { group: this.tasks });
    new aws.vpc.SecurityGroupEgressRule(
      `${name}-proxy-to-db`,
      { securityGroupId: this.proxy.id, ipProtocol: "tcp", fromPort: PORTS.postgres, toPort: PORTS.postgres, referencedSecurityGroupId: this.database.id },
      parent,
    );
    ingress("db-from-proxy", this.database, PORTS.postgres, { group: this.proxy });
    ingress("cache-from-tasks", this.cache, PORTS.redis, { group: this.tasks });
    this.registerOutputs({});
  }
}
