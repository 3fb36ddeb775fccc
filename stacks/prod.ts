import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PORTS } from "../services/lib/ports";
import { DATABASE, WORKLOADS, serviceEnv, type AppSecretName, type ProdGrant, type WorkloadName, type Wiring } from "../infra/catalog";
import { AppSecrets } from "../infra/app-secrets";
import type { ProdSettings, ScaledSize, ServiceSize } from "../infra/config/stack-config";
import { Alarms } from "../infra/aws/alarms";
import { ServiceScaling } from "../infra/aws/autoscaling";
import { BackupBucket } from "../infra/aws/backup-bucket";
import { Cache } from "../infra/aws/cache";
import { Database } from "../infra/aws/database";
import { EcsPlatform, FargateService, OneOffTask, ScheduledJob, runTaskGrant, type PolicyStatement, type TaskArgs } from "../infra/aws/ecs";
import { ImageRepository, relativeContext, type Release } from "../infra/aws/image-repository";
import { LoadBalancer } from "../infra/aws/load-balancer";
import { ManagedMonitoring } from "../infra/aws/managed-monitoring";
import { Network } from "../infra/aws/network";
import { PlatformKey } from "../infra/aws/platform-key";
import { SecretStore } from "../infra/aws/secret-store";
import { SecurityGroups } from "../infra/aws/security-groups";
import { checkoutReleaseTag } from "../infra/aws/release-tag";
import { generatedPassword } from "../infra/app-secrets";
import { REPO_ROOT } from "../infra/docker/images";
import { CLOUDWATCH_METRICS, OTLP_HTTP_PORT, renderCollectorConfig } from "../infra/render/collector";
import { scrapeJobs } from "../infra/render/scrape-jobs";

/** The private DNS zone tasks register in: oracle.nps.internal, api.nps.internal, ... */
export const SERVICE_NAMESPACE = "nps.internal";
/** The metrics collector's image (AWS Distro for OpenTelemetry). */
export const COLLECTOR_IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.41.1";
/** The services' own database login (never the master user, whose password RDS rotates). */
export const APP_DATABASE_USER = "nps_app";
/** The one-off task's container: `aws ecs run-task --overrides` names it. */
export const ONE_OFF_TASK = "task";
/** What the one-off task runs before each deployment. */
export const DEPLOY_MIGRATION = ["nps", "migrate", "up"] as const;

/**
 * Stack prod: AWS. Managed PostgreSQL and Redis in data subnets, the services on ECS Fargate in
 * app subnets, one Application Load Balancer in the public subnets as the only thing the
 * internet reaches, backups in S3, alarms to the alerter, managed Prometheus and Grafana.
 */
export function deployProd(s: ProdSettings) {
  // Physical names start with it, so a second stack (staging) never collides with this one.
  const prefix = `nps-${pulumi.getStack()}`;
  const accountId = aws.getCallerIdentityOutput().accountId;
  const key = new PlatformKey("nps", { accountId, region: s.region, alias: prefix });
  const kmsKeyArn = key.key.arn;

  const network = new Network("nps", s.network);
  const groups = new SecurityGroups("nps", { vpcId: network.vpc.id, publicPorts: [PORTS.nginxHttp, PORTS.nginxHttps] });

  const database = new Database("nps-db", {
    subnetIds: network.dataSubnetIds,
    databaseSecurityGroupId: groups.database.id,
    proxySecurityGroupId: groups.proxy.id,
    kmsKeyArn,
    ...s.database,
    deletionProtection: s.deletionProtection,
    appUser: APP_DATABASE_USER,
    namePrefix: prefix,
    accountId,
  });
  const cache = new Cache("nps-cache", { subnetIds: network.dataSubnetIds, securityGroupId: groups.cache.id, kmsKeyArn, ...s.cache });
  const backups = new BackupBucket("nps-backups", { kmsKeyArn });
  const alarms = new Alarms("nps-alerts", { kmsKeyArn, accountId, region: s.region, operatorEmail: s.operatorEmail });

  const secrets = new AppSecrets("nps", { settings: s });
  const stored: Record<string, pulumi.Output<string>> = { REDIS_URL: cache.url };
  for (const [k, value] of Object.entries(secrets.values)) if (value) stored[k] = value;
  const store = new SecretStore("nps-app", { kmsKeyArn, values: stored, namePrefix: `${prefix}-app`, description: "NPS application secrets" });
  // The first administrator's password: generated here, a Pulumi secret, handed to the API and
  // to the operator through Secrets Manager only (the API never prints a password it is given).
  const admin = new SecretStore("nps-admin", {
    kmsKeyArn,
    values: { NPS_ADMIN_PASSWORD: generatedPassword("nps-admin-password", 24, key) },
    namePrefix: `${prefix}-admin`,
    description: "NPS first administrator's password (read it once, then change it after signing in)",
  });

  const platform = new EcsPlatform("nps", {
    vpcId: network.vpc.id,
    secretArns: [store.secret.arn, admin.secret.arn, database.masterSecretArn, database.appSecret.arn],
    kmsKeyArn,
    namespace: SERVICE_NAMESPACE,
    namePrefix: prefix,
    accountId,
    region: s.region,
  });
  const release: Release = s.imageTag ? { existing: s.imageTag } : { build: { context: relativeContext(REPO_ROOT), tag: checkoutReleaseTag(REPO_ROOT) } };
  const images = new ImageRepository("nps", { release, kmsKeyArn, namePrefix: prefix });
  const lb = new LoadBalancer("nps", {
    domain: s.domain,
    hostedZone: s.hostedZone,
    vpcId: network.vpc.id,
    subnetIds: network.publicSubnetIds,
    securityGroupId: groups.loadBalancer.id,
    deletionProtection: s.deletionProtection,
  });

  const inside = (name: string) => `${name}.${SERVICE_NAMESPACE}`;
  type Out = pulumi.Output<string>;
  const wiring: Wiring<Out, Out> = {
    database: { host: database.proxy.endpoint, port: PORTS.postgres, user: APP_DATABASE_USER, password: pulumi.interpolate`${database.appSecret.arn}:password::`, sslMode: "require" },
    redis: { url: store.ref("REDIS_URL") },
    oracleHost: inside("oracle"),
    publicUrl: `https://${s.domain}`,
    domain: s.domain,
    apiUrl: `http://${inside("api")}:${PORTS.api}/api`,
    logLevel: s.logLevel,
    secret: (name: AppSecretName) => (name in stored ? store.ref(name) : undefined),
    telegram: s.telegram,
    backup: { dir: "/tmp/nps-backups", s3Bucket: backups.bucket.bucket, kmsKeyId: kmsKeyArn },
    alertQueueUrl: alarms.queue.url,
    metricsPushUrl: `http://collector.${SERVICE_NAMESPACE}:${OTLP_HTTP_PORT}/v1/metrics`,
    // The one-off task below migrates before each deployment; a service never does.
    migrateOnStart: false,
  };
  /** One-off tasks and backups log in as the schema's owner: the master user, read at each start. */
  const asOwner: Wiring<Out, Out> = {
    ...wiring,
    database: { ...wiring.database, user: DATABASE.user, password: pulumi.interpolate`${database.masterSecretArn}:password::` },
  };

  const common = { platform, logRetentionDays: s.logRetentionDays, region: s.region, subnetIds: network.appSubnetIds, securityGroupIds: [groups.tasks.id] };

  /**
   * A catalog service's task: image, command, ports, health check, env split into plain and
   * secret; `more.envOf` adds other entries' environment, `more.secrets` secrets of its own.
   */
  const taskOf = (
    name: WorkloadName,
    size: ServiceSize,
    permissions: PolicyStatement[],
    more: { wiring?: Wiring<Out, Out>; envOf?: WorkloadName[]; secrets?: Record<string, Out> } = {},
  ): TaskArgs & typeof common => {
    const w = WORKLOADS[name];
    const environment: Record<string, pulumi.Input<string>> = {};
    const secretRefs: Record<string, pulumi.Output<string>> = { ...more.secrets };
    for (const n of [name, ...(more.envOf ?? [])]) {
      for (const [k, v] of Object.entries(serviceEnv(n, more.wiring ?? wiring))) {
        if (!v) continue;
        if ("secret" in v) secretRefs[k] = v.secret;
        else environment[k] = v.value;
      }
    }
    return {
      ...common,
      image: (w.image === "web" ? images.web : images.app).ref,
      command: w.command,
      ports: w.ports,
      environment,
      secrets: secretRefs,
      health: { check: w.health, timing: w.healthTiming },
      cpu: size.cpu,
      memoryMb: size.memoryMb,
      permissions,
    };
  };

  /** What each grant of a catalog entry allows its task. */
  const grants: Record<ProdGrant, PolicyStatement[]> = {
    "alert-queue": [
      { Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], Resource: alarms.queue.arn },
      { Effect: "Allow", Action: ["kms:Decrypt"], Resource: kmsKeyArn },
    ],
    "backup-bucket": [
      // DeleteObject: retention runs in the backup job as well as in the bucket's lifecycle rules.
      { Effect: "Allow", Action: ["s3:PutObject", "s3:GetObject", "s3:ListBucket", "s3:DeleteObject"], Resource: [backups.bucket.arn, pulumi.interpolate`${backups.bucket.arn}/*`] },
      { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: kmsKeyArn },
    ],
  };
  /** The load balancer's target group of each public entry. */
  const targetGroups: Partial<Record<WorkloadName, aws.lb.TargetGroup>> = { api: lb.api, web: lb.web };
  const sizeOf = (name: string): ServiceSize | ScaledSize => {
    const size = (s.services as Record<string, ServiceSize | ScaledSize | undefined>)[name];
    if (!size) throw new Error(`stack prod: nps:services has no size for ${name}`);
    return size;
  };

  // `nps` commands in a one-off task: migrations (before every deployment), restores,
  // `nps migrate down`. It logs in as the schema's owner and keeps the services' role in step.
  const oneOffArgs = taskOf("backup", s.services.jobs, grants["backup-bucket"], {
    wiring: asOwner,
    envOf: ["scheduler"],
    secrets: { NPS_DB_APP_PASSWORD: pulumi.interpolate`${database.appSecret.arn}:password::` },
  });
  const oneOff = new OneOffTask(ONE_OFF_TASK, {
    ...oneOffArgs,
    environment: { ...oneOffArgs.environment, NPS_DB_APP_USER: APP_DATABASE_USER },
    onDeploy: DEPLOY_MIGRATION,
    health: undefined,
    ports: [],
  });
  /** Secrets a service gets beside its catalog environment. */
  const ownSecrets: Partial<Record<WorkloadName, Record<string, Out>>> = { api: { NPS_ADMIN_PASSWORD: admin.ref("NPS_ADMIN_PASSWORD") } };

  // The scheduled jobs first: the API starts the backup task itself when an administrator asks for a backup.
  const jobs = new Map<string, ScheduledJob>();
  for (const w of Object.values(WORKLOADS)) {
    const run = w.prod;
    if (run.kind !== "jobs") continue;
    const permissions = (run.grants ?? []).flatMap((g) => grants[g]);
    for (const job of run.jobs) {
      const scheduled = new ScheduledJob(job.name, {
        // Backups dump and restore the whole schema, as its owner; other jobs use the services' role.
        ...taskOf(w.name, s.services.jobs, permissions, { wiring: w.name === "backup" ? asOwner : wiring }),
        command: job.command,
        health: undefined,
        ports: [],
        schedule: job.schedule,
      });
      jobs.set(job.name, scheduled);
    }
  }
  const jobFamilies = [...jobs.values()].map((j) => j.family);

  // An administrator's backup (POST /api/admin/backups) runs in the first backup kind's scheduled
  // task: the API's own role cannot create the scratch database the verification restores into,
  // the task's owner login can. The kinds' tasks differ only in their command, which the API sets
  // to the asked kind's.
  const backupRun = WORKLOADS.backup.prod;
  const adminBackup = backupRun.kind === "jobs" ? jobs.get(backupRun.jobs[0].name) : undefined;
  if (!adminBackup) throw new Error("stack prod: the backup entry has no scheduled task for the admin API to start");
  const joined = (ids: pulumi.Input<string>[]) => pulumi.all(ids).apply((all) => all.join(","));
  const serviceWiring: Wiring<Out, Out> = {
    ...wiring,
    backupTask: {
      cluster: adminBackup.placement.cluster,
      taskDefinition: adminBackup.task.definition.arn,
      container: adminBackup.task.container,
      subnets: joined(adminBackup.placement.subnetIds),
      securityGroups: joined(adminBackup.placement.securityGroupIds),
    },
  };
  /** Permissions a service gets beside its catalog grants. */
  const ownPermissions: Partial<Record<WorkloadName, PolicyStatement[]>> = { api: runTaskGrant(adminBackup) };

  const services = new Map<WorkloadName, FargateService>();
  for (const w of Object.values(WORKLOADS)) {
    const run = w.prod;
    if (run.kind !== "service") continue;
    const permissions = [...(run.grants ?? []).flatMap((g) => grants[g]), ...(ownPermissions[w.name] ?? [])];
    const size = sizeOf(w.name);
    const targetGroup = w.public ? targetGroups[w.name] : undefined;
    services.set(
      w.name,
      new FargateService(w.name, {
        ...taskOf(w.name, size, permissions, { wiring: serviceWiring, secrets: ownSecrets[w.name] }),
        desiredCount: w.replicas.scalable && "min" in size ? size.min : 1,
        discoveryName: w.name,
        targetGroups: targetGroup ? [{ arn: targetGroup.arn, port: w.ports[0].port }] : [],
        // New code starts only on the schema it was migrated for, and behind a ready listener.
        dependsOn: [oneOff.deployStep, ...(targetGroup ? lb.ready : [])],
      }),
    );
  }

  const monitoring = new ManagedMonitoring("nps-monitoring", {
    region: s.region,
    alertTopicArn: alarms.topic.arn,
    kmsKeyArn,
    grafanaAdmins: s.grafanaAdmins,
    allowAlerts: (workspaceArn) => alarms.allowPublishers("nps-alerts-publishers", workspaceArn),
    namePrefix: prefix,
    accountId,
  });
  new FargateService("collector", {
    ...common,
    image: COLLECTOR_IMAGE,
    ports: [{ name: "otlp", port: OTLP_HTTP_PORT, protocol: "http" }],
    discoveryName: "collector",
    environment: {
      // The collector reads its whole configuration from this variable.
      AOT_CONFIG_CONTENT: monitoring.remoteWriteUrl.apply((remoteWriteUrl) =>
        renderCollectorConfig({
          region: s.region,
          remoteWriteUrl,
          scrapeIntervalS: 30,
          dnsName: (job) => inside(job),
          // Only what runs as a service in prod is there to scrape.
          skipJobs: scrapeJobs()
            .map((j) => j.job)
            .filter((job) => !(job in WORKLOADS && WORKLOADS[job as WorkloadName].prod.kind === "service")),
        }),
      ),
    },
    secrets: {},
    cpu: 256,
    memoryMb: 512,
    desiredCount: 1,
    permissions: [
      { Effect: "Allow", Action: ["aps:RemoteWrite"], Resource: monitoring.workspace.arn },
      { Effect: "Allow", Action: ["logs:PutLogEvents", "logs:CreateLogStream", "logs:CreateLogGroup", "logs:DescribeLogStreams"], Resource: "*" },
    ],
  });

  for (const w of Object.values(WORKLOADS)) {
    const svc = services.get(w.name);
    if (!svc || w.prod.kind !== "service") continue;
    alarms.serviceCpu(`nps-${w.name}-cpu`, platform.cluster.name, svc.service.name);
    // A dead alerter cannot deliver its own alarm: that one goes to the operators' e-mail.
    alarms.noRunningTasks(`nps-${w.name}-down`, platform.cluster.name, svc.service.name, w.name === "alerter" ? "operators" : "alerts");
    const size = sizeOf(w.name);
    if (!w.replicas.scalable || !("min" in size) || !w.prod.scaleOn) continue;
    const targetGroup = targetGroups[w.name];
    const requests: ConstructorParameters<typeof ServiceScaling>[1]["requests"] =
      w.prod.scaleOn === "requests" && targetGroup
        ? { kind: "alb", resourceLabel: pulumi.interpolate`${lb.alb.arnSuffix}/${targetGroup.arnSuffix}` }
        : {
            kind: "metric",
            namespace: CLOUDWATCH_METRICS.namespace,
            metricName: CLOUDWATCH_METRICS.oracleCalls,
            dimensions: { [CLOUDWATCH_METRICS.dimension]: w.name },
          };
    new ServiceScaling(`${w.name}-scaling`, {
      clusterName: platform.cluster.name,
      serviceName: svc.service.name,
      min: size.min,
      max: size.max,
      ...s.scaling,
      requests,
    });
  }
  alarms.loadBalancer5xx("nps-alb-5xx", lb.alb.arnSuffix);
  for (const [name, tg] of Object.entries(targetGroups)) alarms.unhealthyTargets(`nps-${name}-unhealthy`, lb.alb.arnSuffix, tg.arnSuffix);
  alarms.database("nps-db", database.active.identifier);
  alarms.failedJobs("nps-jobs-failed", platform.cluster.arn, jobFamilies, platform.scheduleGroup.name);

  return {
    url: `https://${s.domain}`,
    loadBalancer: lb.alb.dnsName,
    grafanaUrl: pulumi.interpolate`https://${monitoring.grafana.endpoint}`,
    prometheusWorkspace: monitoring.workspace.prometheusEndpoint,
    backupBucket: backups.bucket.bucket,
    databaseProxy: database.proxy.endpoint,
    database: DATABASE.name,
    databaseInstance: database.active.identifier,
    appImage: images.app.ref,
    /** What `nps:imageTag` takes to come back to this release. */
    appImageTag: images.tag,
    /** `aws secretsmanager get-secret-value --secret-id <this>`: the first administrator's password. */
    adminPasswordSecret: admin.secret.arn,
    cluster: platform.cluster.name,
    oneOffTaskDefinition: oneOff.task.definition.family,
  };
}
