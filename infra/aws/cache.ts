import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PORTS } from "../../services/lib/ports";
import { REDIS_SETTINGS } from "../catalog";
import { generatedPassword } from "../app-secrets";

export interface CacheArgs {
  readonly subnetIds: pulumi.Input<string>[];
  readonly securityGroupId: pulumi.Input<string>;
  readonly kmsKeyArn: pulumi.Input<string>;
  readonly nodeType: string;
  readonly nodes: number;
}

/**
 * Redis 7 on ElastiCache: a replication group with automatic failover across zones, encrypted
 * in transit and at rest, an AUTH token generated here, the seed's eviction policy. The tasks
 * receive REDIS_URL (rediss://, with the token) as a secret.
 */
export class Cache extends pulumi.ComponentResource {
  readonly group: aws.elasticache.ReplicationGroup;
  readonly url: pulumi.Output<string>;

  constructor(name: string, args: CacheArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:Cache", name, {}, opts);
    const parent = { parent: this };
    const subnets = new aws.elasticache.SubnetGroup(`${name}-subnets`, { subnetIds: args.subnetIds, description: "NPS data subnets" }, parent);
    const params = new aws.elasticache.ParameterGroup(
      `${name}-params`,
      { family: "redis7", description: "NPS Redis", parameters: [{ name: "maxmemory-policy", value: REDIS_SETTINGS["maxmemory-policy"] }] },
      parent,
    );
    const authToken = generatedPassword(`${name}-auth-token`, 48, this);
    this.group = new aws.elasticache.ReplicationGroup(
      name,
      {
        description: "NPS cache and rate limits",
        engine: "redis",
        engineVersion: "7.1",
        nodeType: args.nodeType,
        numCacheClusters: args.nodes,
        port: PORTS.redis,
        automaticFailoverEnabled: true,
        multiAzEnabled: true,
        atRestEncryptionEnabled: true,
        kmsKeyId: args.kmsKeyArn,
        transitEncryptionEnabled: true,
        authToken,
        parameterGroupName: params.name,
        subnetGroupName: subnets.name,
        securityGroupIds: [args.securityGroupId],
        snapshotRetentionLimit: 7,
        snapshotWindow: "02:00-03:00",
        autoMinorVersionUpgrade: true,
        applyImmediately: false,
      },
      parent,
    );
    this.url = pulumi.secret(pulumi.interpolate`rediss://:${authToken}@${this.group.primaryEndpointAddress}:${PORTS.redis}`);
    this.registerOutputs({ endpoint: this.group.primaryEndpointAddress });
  }
}
