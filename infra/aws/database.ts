import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { PORTS } from "../../services/lib/ports";
import { generatedPassword } from "../app-secrets";
import { DATABASE, POSTGRES_VERSION } from "../catalog";
import { assumedBy } from "./trust";

/** Where a restored instance comes from: a moment within the backup retention, the latest one, or a snapshot. */
export type DatabaseRestore = { readonly time: string } | { readonly latest: true } | { readonly snapshot: string };

export interface DatabaseArgs {
  readonly subnetIds: pulumi.Input<string>[];
  readonly databaseSecurityGroupId: pulumi.Input<string>;
  readonly proxySecurityGroupId: pulumi.Input<string>;
  readonly kmsKeyArn: pulumi.Input<string>;
  readonly instanceClass: string;
  readonly allocatedStorageGb: number;
  readonly maxAllocatedStorageGb: number;
  readonly backupRetentionDays: number;
  /** RDS deletion protection and Pulumi's protect on the instances. */
  readonly deletionProtection: boolean;
  /** When set, a second instance restored from the first, and the proxy points at it. */
  readonly restore?: DatabaseRestore;
  /** The application's login role (created by the migrations task; see services/lib/db/app-role.ts). */
  readonly appUser: string;
  readonly namePrefix: string;
  readonly accountId: pulumi.Input<string>;
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
 * through an RDS Proxy that requires TLS.
 *
 * Two logins, two secrets: the master user's (RDS rotates it every 7 days) serves only one-off
 * tasks (migrations, restores), which read it when they start. The services log in as their own
 * role, whose password Pulumi generates and keeps in a secret nothing rotates, so a rotation
 * never leaves a running task with a stale password. The proxy authenticates both from their
 * secrets (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy-secrets-arns.html).
 *
 * A restore (config `restore`) creates a new instance from the first one's backups or a
 * snapshot and moves the proxy to it; the services keep their address, and the first instance
 * stays until it is removed on purpose.
 */
export class Database extends pulumi.ComponentResource {
  readonly instance: aws.rds.Instance;
  readonly proxy: aws.rds.Proxy;
  /** The instance the proxy serves: the restored one when there is one. */
  readonly active: aws.rds.Instance;
  /** The RDS-managed secret ({"username","password"}) of the active instance's master user. */
  readonly masterSecretArn: pulumi.Output<string>;
  /** The application role's secret ({"username","password"}): generated once, never rotated. */
  readonly appSecret: aws.secretsmanager.Secret;

  constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:Database", name, {}, opts);
    const parent = { parent: this };
    const subnets = new aws.rds.SubnetGroup(`${name}-subnets`, { subnetIds: args.subnetIds, description: "NPS data subnets" }, parent);
    const params = new aws.rds.ParameterGroup(
      `${name}-params`,
      { family: `postgres${POSTGRES_VERSION}`, description: "NPS PostgreSQL: TLS required", parameters: RDS_PARAMETERS.map((p) => ({ ...p })) },
      parent,
    );
    const finalSnapshot = new random.RandomId(`${name}-final-snapshot`, { byteLength: 4 }, parent);
    const protection = { protect: args.deletionProtection };
    const common = {
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
      deletionProtection: args.deletionProtection,
      skipFinalSnapshot: false,
      performanceInsightsEnabled: true,
      performanceInsightsKmsKeyId: args.kmsKeyArn,
      enabledCloudwatchLogsExports: ["postgresql"],
      autoMinorVersionUpgrade: true,
    } satisfies aws.rds.InstanceArgs;
    // Unique per instance and stack: a fixed name would collide with the snapshot a previous
    // destroy left behind.
    const finalName = (which: string) => pulumi.interpolate`${args.namePrefix}-${which}-final-${finalSnapshot.hex}`;
    this.instance = new aws.rds.Instance(name, { ...common, finalSnapshotIdentifier: finalName("db") }, { parent: this, ...protection });
    const r = args.restore;
    this.active = r
      ? new aws.rds.Instance(
          `${name}-restored`,
          {
            // The database, its owner and its roles come from the source.
            ...{ ...common, dbName: undefined, username: undefined },
            finalSnapshotIdentifier: finalName("restored"),
            ...("snapshot" in r
              ? { snapshotIdentifier: r.snapshot }
              : {
                  restoreToPointInTime: {
                    sourceDbInstanceIdentifier: this.instance.identifier,
                    ...("time" in r ? { restoreTime: r.time } : { useLatestRestorableTime: true }),
                  },
                }),
          },
          { parent: this, ...protection },
        )
      : this.instance;
    this.masterSecretArn = this.active.masterUserSecrets.apply((secrets) => {
      const arn = secrets?.[0]?.secretArn;
      // RDS creates it with the instance (manageMasterUserPassword); without it nothing could log in.
      if (!arn) throw new Error("database: RDS returned no managed master secret");
      return arn;
    });

    this.appSecret = new aws.secretsmanager.Secret(
      `${name}-app`,
      { namePrefix: `${args.namePrefix}-db-app-`, description: "NPS services' database login (not rotated)", kmsKeyId: args.kmsKeyArn, recoveryWindowInDays: 7 },
      parent,
    );
    const appPassword = generatedPassword(`${name}-app-password`, 32, this);
    new aws.secretsmanager.SecretVersion(
      `${name}-app-version`,
      { secretId: this.appSecret.id, secretString: pulumi.secret(pulumi.jsonStringify({ username: args.appUser, password: appPassword })) },
      parent,
    );

    const proxyRole = new aws.iam.Role(
      `${name}-proxy-role`,
      {
        assumeRolePolicy: assumedBy("rds.amazonaws.com", args.accountId),
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
            { Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [this.masterSecretArn, this.appSecret.arn] },
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
        auths: [this.masterSecretArn, this.appSecret.arn].map((secretArn) => ({
          authScheme: "SECRETS",
          secretArn,
          iamAuth: "DISABLED",
          clientPasswordAuthType: "POSTGRES_SCRAM_SHA_256",
        })),
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
      { dbProxyName: this.proxy.name, targetGroupName: targetGroup.name, dbInstanceIdentifier: this.active.identifier },
      parent,
    );
    this.registerOutputs({ endpoint: this.proxy.endpoint });
  }
}
