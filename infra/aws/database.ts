import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PORTS } from "../../services/lib/ports";
import { DATABASE, POSTGRES_VERSION } from "../catalog";

export interface DatabaseArgs {
  readonly subnetIds: pulumi.Input<string>[];
  readonly databaseSecurityGroupId: pulumi.Input<string>;
  readonly proxySecurityGroupId: pulumi.Input<string>;
  readonly kmsKeyArn: pulumi.Input<string>;
  readonly instanceClass: string;
  readonly allocatedStorageGb: number;
  readonly maxAllocatedStorageGb: number;
  readonly backupRetentionDays: number;
}

/** Server settings of the managed PostgreSQL: TLS is mandatory, slow statements are logged. */
export const RDS_PARAMETERS: ReadonlyArray<{ name: string; value: string; applyMethod?: string }> = [
  { name: "rds.force_ssl", value: "1" },
  { name: "log_min_duration_statement", value: "1000" },
  { name: "random_page_cost", value: "1.1" },
  { name: "work_mem", value: "16384" },
];

/**
 * PostgreSQL 15 on RDS: multi-AZ, encrypted with the platform key, daily backups kept for the
 * configured days, deletion protection and a final snapshot, TLS forced by its parameter group,
 * the master password generated and rotated by RDS in Secrets Manager. The tasks reach it only
 * through an RDS Proxy that requires TLS and reads the same managed secret.
 */
export class Database extends pulumi.ComponentResource {
  readonly instance: aws.rds.Instance;
  readonly proxy: aws.rds.Proxy;
  /** The RDS-managed secret ({"username","password"}) of the master user. */
  readonly masterSecretArn: pulumi.Output<string>;

  constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:Database", name, {}, opts);
    const parent = { parent: this };
    const subnets = new aws.rds.SubnetGroup(`${name}-subnets`, { subnetIds: args.subnetIds, description: "NPS data subnets" }, parent);
    const params = new aws.rds.ParameterGroup(
      `${name}-params`,
      { family: `postgres${POSTGRES_VERSION}`, description: "NPS PostgreSQL: TLS required", parameters: RDS_PARAMETERS.map((p) => ({ ...p })) },
      parent,
    );
    this.instance = new aws.rds.Instance(
      name,
      {
        engine: "postgres",
        engineVersion: POSTGRES_VERSION,
        instanceClass: args.instanceClass,
        allocatedStorage: args.allocatedStorageGb,
        maxAllocatedStorage: args.maxAllocatedStorageGb,
        storageType: "gp3",
        storageEncrypted: true,
        kmsKeyId: args.kmsKeyArn,
        dbName: DATABASE.name,
        username: DATABASE.user,
        manageMasterUserPassword: true,
        masterUserSecretKmsKeyId: args.kmsKeyArn,
        multiAz: true,
        dbSubnetGroupName: subnets.name,
        vpcSecurityGroupIds: [args.databaseSecurityGroupId],
        publiclyAccessible: false,
        port: PORTS.postgres,
        parameterGroupName: params.name,
        backupRetentionPeriod: args.backupRetentionDays,
        backupWindow: "01:00-02:00",
        maintenanceWindow: "sun:04:00-sun:05:00",
        copyTagsToSnapshot: true,
        deletionProtection: true,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: `${name}-final`,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: args.kmsKeyArn,
        enabledCloudwatchLogsExports: ["postgresql"],
        autoMinorVersionUpgrade: true,
      },
      { parent: this, protect: true },
    );
    this.masterSecretArn = this.instance.masterUserSecrets.apply((s) => s?.[0]?.secretArn ?? "");

    const proxyRole = new aws.iam.Role(
      `${name}-proxy-role`,
      {
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "rds.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
      },
      parent,
    );
    new aws.iam.RolePolicy(
      `${name}-proxy-secret`,
      {
        role: proxyRole.id,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: this.masterSecretArn },
            { Effect: "Allow", Action: ["kms:Decrypt"], Resource: args.kmsKeyArn },
          ],
        }),
      },
      parent,
    );
    this.proxy = new aws.rds.Proxy(
      `${name}-proxy`,
      {
        engineFamily: "POSTGRESQL",
        requireTls: true,
        roleArn: proxyRole.arn,
        vpcSubnetIds: args.subnetIds,
        vpcSecurityGroupIds: [args.proxySecurityGroupId],
        idleClientTimeout: 1800,
        auths: [{ authScheme: "SECRETS", secretArn: this.masterSecretArn, iamAuth: "DISABLED", clientPasswordAuthType: "POSTGRES_SCRAM_SHA_256" }],
      },
      parent,
    );
    const targetGroup = new aws.rds.ProxyDefaultTargetGroup(
      `${name}-proxy-targets`,
      { dbProxyName: this.proxy.name, connectionPoolConfig: { maxConnectionsPercent: 90, connectionBorrowTimeout: 120 } },
      parent,
    );
    new aws.rds.ProxyTarget(
      `${name}-proxy-target`,
      { dbProxyName: this.proxy.name, targetGroupName: targetGroup.name, dbInstanceIdentifier: this.instance.identifier },
      parent,
    );
    this.registerOutputs({ endpoint: this.proxy.endpoint });
  }
}
