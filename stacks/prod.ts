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
import { EcsPlatform, FargateService, ScheduledJob, type PolicyStatement, type TaskArgs } from "../infra/aws/ecs";
import { ImageRepository } from "../infra/aws/image-repository";
import { LoadBalancer } from "../infra/aws/load-balancer";
import { ManagedMonitoring } from "../infra/aws/managed-monitoring";
import { Network } from "../infra/aws/network";
import { PlatformKey } from "../infra/aws/platform-key";
import { SecretStore } from "../infra/aws/secret-store";
import { SecurityGroups } from "../infra/aws/security-groups";
import { REPO_ROOT } from "../infra/docker/images";
import { CLOUDWATCH_METRICS, OTLP_HTTP_PORT, renderCollectorConfig } from "../infra/render/collector";

/** The private DNS zone tasks register in: oracle.nps.internal, api.nps.internal, ... */
export const SERVICE_NAMESPACE = "nps.internal";
/** The metrics collector's image (AWS Distro for OpenTelemetry). */
export const COLLECTOR_IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.41.1";

/**
 * Stack prod: AWS. Managed PostgreSQL and Redis in data subnets, the services on ECS Fargate in
 * app subnets, one Application Load Balancer in the public subnets as the only thing the
 * internet reaches, backups in S3, alarms to the alerter, managed Prometheus and Grafana.
 */
export function deployProd(s: ProdSettings) {
  const caller = aws.getCallerIdentityOutput();
  const key = new PlatformKey("nps", { accountId: caller.accountId });
  const kmsKeyArn = key.key.arn;

  const network = new Network("nps", s.network);
  const groups = new SecurityGroups("nps", { vpcId: network.vpc.id, publicPorts: [PORTS.nginxHttp, PORTS.nginxHttps] });

  const database = new Database("nps-db", {
    subnetIds: network.dataSubnetIds,
    databaseSecurityGroupId: groups.database.id,
    proxySecurityGroupId: groups.proxy.id,
    kmsKeyArn,
    ...s.database,
  });
  const cache = new Cache("nps-cache", { subnetIds: network.dataSubnetIds, securityGroupId: groups.cache.id, kmsKeyArn, ...s.cache });
  const backups = new BackupBucket("nps-backups", { kmsKeyArn });
  const alarms = new Alarms("nps-alerts", { kmsKeyArn });

  const secrets = new AppSecrets("nps", { settings: s });
  const stored: Record<string, pulumi.Output<string>> = { REDIS_URL: cache.url };
  for (const [k, value] of Object.entries(secrets.values)) if (value) stored[k] = value;
  const store = new SecretStore("nps-app", { kmsKeyArn, values: stored });

  const platform = new EcsPlatform("nps", {
    vpcId: network.vpc.id,
    secretArns: [store.secret.arn, database.masterSecretArn],
    kmsKeyArn,
    namespace: SERVICE_NAMESPACE,
  });
  const images = new ImageRepository("nps", { tag: s.imageTag, kmsKeyArn, context: REPO_ROOT });
  const lb = new LoadBalancer("nps", {
    domain: s.domain,
    hostedZone: s.hostedZone,
    vpcId: network.vpc.id,
    subnetIds: network.publicSubnetIds,
    securityGroupId: groups.loadBalancer.id,
  });

  const inside = (name: string) => `${name}.${SERVICE_NAMESPACE}`;
  type Out = pulumi.Output<string>;
  const wiring: Wiring<Out, Out> = {
    database: { host: database.proxy.endpoint, port: PORTS.postgres, password: pulumi.interpolate`${database.masterSecretArn}:password::`, sslMode: "require" },
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
  };

  const common = { platform, logRetentionDays: s.logRetentionDays, region: s.region, subnetIds: network.appSubnetIds, securityGroupIds: [groups.tasks.id] };

  /** A catalog service's task: image, command, ports, health check, env split into plain and secret. */
  const taskOf = (name: WorkloadName, size: ServiceSize, extra: Partial<Wiring<Out, Out>> = {}, permissions: PolicyStatement[] = []): TaskArgs & typeof common => {
    const w = WORKLOADS[name];
    const environment: Record<string, pulumi.Input<string>> = {};
    const secretRefs: Record<string, pulumi.Output<string>> = {};
    for (const [k, v] of Object.entries(serviceEnv(name, { ...wiring, ...extra }))) {
      if (!v) continue;
      if ("secret" in v) secretRefs[k] = v.secret;
      else environment[k] = v.value;
    }
    return {
      ...common,
      image: (w.image === "web" ? images.web : images.app).repoDigest,
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

  const service = (name: WorkloadName, size: ServiceSize, desiredCount: number, opts: { targetGroup?: aws.lb.TargetGroup; permissions?: PolicyStatement[]; extra?: Partial<Wiring<Out, Out>> } = {}) =>
    new FargateService(name, {
      ...taskOf(name, size, opts.extra, opts.permissions),
      desiredCount,
      discoveryName: name,
      targetGroups: opts.targetGroup ? [{ arn: opts.targetGroup.arn, port: WORKLOADS[name].ports[0].port }] : [],
    });

  const oracle = service("oracle", s.services.oracle, s.services.oracle.min);
  const api = service("api", s.services.api, s.services.api.min, { targetGroup: lb.api });
  const web = service("web", s.services.web, s.services.web.min, { targetGroup: lb.web });
  const bot = service("telegram-bot", s.services["telegram-bot"], 1);
  const alerter = service("alerter", s.services.alerter, 1, {
    extra: { alertQueueUrl: alarms.queue.url },
    permissions: [
      { Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], Resource: alarms.queue.arn },
      { Effect: "Allow", Action: ["kms:Decrypt"], Resource: kmsKeyArn },
    ],
  });

  const backupPermissions: PolicyStatement[] = [
    // DeleteObject: retention runs in the job as well as in the bucket's lifecycle rules.
    { Effect: "Allow", Action: ["s3:PutObject", "s3:GetObject", "s3:ListBucket", "s3:DeleteObject"], Resource: [backups.bucket.arn, pulumi.interpolate`${backups.bucket.arn}/*`] },
    { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: kmsKeyArn },
  ];
  const jobFamilies: string[] = [];
  for (const b of BACKUP_KINDS) {
    jobFamilies.push(`nps-backup-${b.kind}`);
    new ScheduledJob(`backup-${b.kind}`, {
      ...taskOf("backup", s.services.jobs, { backup: { dir: "/tmp/nps-backups", s3Bucket: backups.bucket.bucket, kmsKeyId: kmsKeyArn } }, backupPermissions),
      command: b.command,
      health: undefined,
      ports: [],
      schedule: b.schedule,
    });
  }
  jobFamilies.push("nps-daily-readings");
  new ScheduledJob("daily-readings", {
    ...taskOf("scheduler", s.services.jobs),
    command: DAILY_READINGS_JOB.command,
    health: undefined,
    ports: [],
    schedule: DAILY_READINGS_JOB.schedule,
  });

  const monitoring = new ManagedMonitoring("nps-monitoring", { region: s.region, alertTopicArn: alarms.topic.arn, kmsKeyArn });
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
  }
  alarms.database("nps-db", database.instance.identifier);
  alarms.failedJobs("nps-jobs-failed", platform.cluster.arn, jobFamilies);

  return {
    url: `https://${s.domain}`,
    loadBalancer: lb.alb.dnsName,
    grafanaUrl: pulumi.interpolate`https://${monitoring.grafana.endpoint}`,
    prometheusWorkspace: monitoring.workspace.prometheusEndpoint,
    backupBucket: backups.bucket.bucket,
    databaseProxy: database.proxy.endpoint,
    database: DATABASE.name,
    appImage: images.app.repoDigest,
  };
}
