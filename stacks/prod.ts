import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PORTS } from "../services/lib/ports";
import {
  BACKUP_KINDS,
  DAILY_READINGS_JOB,
  DATABASE,
  WORKLOADS,
  serviceEnv,
  type AppSecretName,
  type WorkloadName,
  type Wiring,
} from "../infra/catalog";
import { AppSecrets } from "../infra/app-secrets";
import type { ProdSettings, ScaledSize, ServiceSize } from "../infra/config/stack-config";
import { Alarms } from "../infra/aws/alarms";
import { ServiceScaling } from "../infra/aws/autoscaling";
import { BackupBucket } from "../infra/aws/backup-bucket";
import { Cache } from "../infra/aws/cache";
import { Database } from "../infra/aws/database";
import { EcsPlatform, FargateService, OneOffTask, ScheduledJob, type PolicyStatement, type TaskArgs } from "../infra/aws/ecs";
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
    backup: { dir: "/tmp/nps-backups" },
    alertQueueUrl: undefined,
    metricsPushUrl: `http://collector.${SERVICE_NAMESPACE}:${OTLP_HTTP_PORT}/v1/metrics`,
    // The one-off task below migrates before each deployment; a service never does.
    migrateOnStart: false,
  };
  /** One-off tasks log in as the owner of the schema: the master user, read fresh at each start. */
  const asOwner: Partial<Wiring<Out, Out>> = {
    database: { ...wiring.database, user: DATABASE.user, password: pulumi.interpolate`${database.masterSecretArn}:password::` },
  };

  const common = { platform, logRetentionDays: s.logRetentionDays, region: s.region, subnetIds: network.appSubnetIds, securityGroupIds: [groups.tasks.id] };

  /** A catalog service's task: image, command, ports, health check, env split into plain and secret. */
  const taskOf = (
    name: WorkloadName,
    size: ServiceSize,
    extra: Partial<Wiring<Out, Out>> = {},
    permissions: PolicyStatement[] = [],
    more: { secrets?: Record<string, pulumi.Output<string>>; envOf?: WorkloadName[] } = {},
  ): TaskArgs & typeof common => {
    const w = WORKLOADS[name];
    const environment: Record<string, pulumi.Input<string>> = {};
    const secretRefs: Record<string, pulumi.Output<string>> = { ...more.secrets };
    for (const n of [name, ...(more.envOf ?? [])]) {
      for (const [k, v] of Object.entries(serviceEnv(n, { ...wiring, ...extra }))) {
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

  const backupPermissions: PolicyStatement[] = [
    { Effect: "Allow", Action: ["s3:PutObject", "s3:GetObject", "s3:ListBucket"], Resource: [backups.bucket.arn, pulumi.interpolate`${backups.bucket.arn}/*`] },
    { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: kmsKeyArn },
  ];
  const backupWiring: Partial<Wiring<Out, Out>> = { backup: { dir: "/tmp/nps-backups", s3Bucket: backups.bucket.bucket } };

  // `nps` commands in a one-off task: migrations (before every deployment), restores,
  // `nps migrate down`. It logs in as the schema's owner and keeps the services' role in step.
  const oneOffArgs = taskOf("backup", s.services.jobs, { ...backupWiring, ...asOwner }, backupPermissions, {
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

  const service = (
    name: WorkloadName,
    size: ServiceSize,
    desiredCount: number,
    opts: { targetGroup?: aws.lb.TargetGroup; permissions?: PolicyStatement[]; extra?: Partial<Wiring<Out, Out>>; secrets?: Record<string, pulumi.Output<string>> } = {},
  ) =>
    new FargateService(name, {
      ...taskOf(name, size, opts.extra, opts.permissions, { secrets: opts.secrets }),
      desiredCount,
      discoveryName: name,
      targetGroups: opts.targetGroup ? [{ arn: opts.targetGroup.arn, port: WORKLOADS[name].ports[0].port }] : [],
      // New code starts only on the schema it was migrated for, and behind a ready listener.
      dependsOn: [oneOff.deployStep, ...(opts.targetGroup ? lb.ready : [])],
    });

  const oracle = service("oracle", s.services.oracle, s.services.oracle.min);
  const api = service("api", s.services.api, s.services.api.min, { targetGroup: lb.api, secrets: { NPS_ADMIN_PASSWORD: admin.ref("NPS_ADMIN_PASSWORD") } });
  const web = service("web", s.services.web, s.services.web.min, { targetGroup: lb.web });
  const bot = service("telegram-bot", s.services["telegram-bot"], 1);
  const alerter = service("alerter", s.services.alerter, 1, {
    extra: { alertQueueUrl: alarms.queue.url },
    permissions: [
      { Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], Resource: alarms.queue.arn },
      { Effect: "Allow", Action: ["kms:Decrypt"], Resource: kmsKeyArn },
    ],
  });

  const jobFamilies: string[] = [];
  for (const b of BACKUP_KINDS) {
    const job = new ScheduledJob(`backup-${b.kind}`, {
      ...taskOf("backup", s.services.jobs, { ...backupWiring, ...asOwner }, backupPermissions),
      command: b.command,
      health: undefined,
      ports: [],
      schedule: b.schedule,
    });
    jobFamilies.push(job.family);
  }
  const daily = new ScheduledJob("daily-readings", {
    ...taskOf("scheduler", s.services.jobs),
    command: DAILY_READINGS_JOB.command,
    health: undefined,
    ports: [],
    schedule: DAILY_READINGS_JOB.schedule,
  });
  jobFamilies.push(daily.family);

  const monitoring = new ManagedMonitoring("nps-monitoring", {
    region: s.region,
    alertTopicArn: alarms.topic.arn,
    kmsKeyArn,
    grafanaAdmins: s.grafanaAdmins,
    allowAlerts: (workspaceArn) => alarms.allowPublishers("nps-alerts-publishers", workspaceArn),
    namePrefix: prefix,
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
          skipJobs: ["prometheus", "alertmanager", "scheduler", "backup"],
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

  const scale = (name: "api" | "oracle" | "web", svc: FargateService, size: ScaledSize, requests: ConstructorParameters<typeof ServiceScaling>[1]["requests"]) =>
    new ServiceScaling(`${name}-scaling`, {
      clusterName: platform.cluster.name,
      serviceName: svc.service.name,
      min: size.min,
      max: size.max,
      ...s.scaling,
      requests,
    });
  scale("api", api, s.services.api, { kind: "alb", resourceLabel: pulumi.interpolate`${lb.alb.arnSuffix}/${lb.api.arnSuffix}` });
  scale("web", web, s.services.web, { kind: "alb", resourceLabel: pulumi.interpolate`${lb.alb.arnSuffix}/${lb.web.arnSuffix}` });
  scale("oracle", oracle, s.services.oracle, {
    kind: "metric",
    namespace: CLOUDWATCH_METRICS.namespace,
    metricName: CLOUDWATCH_METRICS.oracleCalls,
    dimensions: { [CLOUDWATCH_METRICS.dimension]: "oracle" },
  });

  alarms.loadBalancer5xx("nps-alb-5xx", lb.alb.arnSuffix);
  alarms.unhealthyTargets("nps-api-unhealthy", lb.alb.arnSuffix, lb.api.arnSuffix);
  alarms.unhealthyTargets("nps-web-unhealthy", lb.alb.arnSuffix, lb.web.arnSuffix);
  for (const [name, svc] of [["api", api], ["oracle", oracle], ["web", web], ["telegram-bot", bot], ["alerter", alerter]] as const) {
    alarms.serviceCpu(`nps-${name}-cpu`, platform.cluster.name, svc.service.name);
    // A dead alerter cannot deliver its own alarm: that one goes to the operators' e-mail.
    alarms.noRunningTasks(`nps-${name}-down`, platform.cluster.name, svc.service.name, name === "alerter" ? "operators" : "alerts");
  }
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
