import { PORTS } from "../services/lib/ports";
import { HEALTH_PATHS } from "../services/lib/health-paths";
import { API_NODE_OPTIONS } from "../services/api/node-options";
import { SERVICE_NAMES, type ServiceName } from "../services/lib/service-names";
import type { EnvName } from "../services/lib/config/env-spec";
import { DATA_PARTS, SERVICE_USES, type PlatformPart } from "../services/lib/service-uses";
import { DATABASE, EnvBuilder, partEnv, type ServiceEnv, type Wiring } from "./catalog-env";
export { EnvBuilder } from "./catalog-env";

export { DATABASE } from "./catalog-env";
export type { EnvValue, ServiceEnv, Wiring } from "./catalog-env";

/**
 * Every part of the platform, declared once: command, ports, health check, CPU and memory,
 * replicas and scaling bounds, dependencies, what it talks to, its environment, and how each
 * stack runs it. The dev stack (Docker), the prod stack (AWS), the monitoring renderers and the
 * systemd units all read this file; none of them repeats a port, a path, a limit, an env name or
 * a per-service switch. Adding a service is adding one entry here.
 */

/** The parts built from this repository: the six `nps start --only` services and the web page. */
export type WorkloadName = ServiceName | "web";
/** The parts that run stock images beside them (dev stack) or become managed services (prod). */
export type SupportName = "postgres" | "redis" | "nginx" | "pgbouncer" | "prometheus" | "alertmanager" | "grafana";

export interface PortSpec {
  readonly name: string;
  readonly port: number;
  readonly protocol: "http" | "grpc" | "tcp";
}

/** How an orchestrator asks a container whether it is healthy. */
export type HealthCheck =
  | { readonly kind: "http"; readonly port: number; readonly path: string }
  | { readonly kind: "command"; readonly command: readonly string[] };

/** Seconds, as in the seed guide's health check table (section 8.2). */
export interface HealthTiming {
  readonly intervalS: number;
  readonly timeoutS: number;
  readonly startPeriodS: number;
  readonly retries: number;
}

/** Limits of one container: CPUs (1 = one core) and memory in MiB (seed section 10.6). */
export interface Resources {
  readonly cpu: number;
  readonly memoryMb: number;
}

export interface Dependency {
  readonly on: WorkloadName | SupportName;
  /** "healthy": start only after the dependency's health check passes. */
  readonly condition: "healthy" | "started";
}

export interface Replicas {
  /** Containers in the dev stack unless its config says otherwise. */
  readonly default: number;
  /** Whether the prod stack scales it horizontally (api, oracle, web) within configured bounds. */
  readonly scalable: boolean;
}

interface EntryBase {
  readonly summary: string;
  readonly ports: readonly PortSpec[];
  readonly health: HealthCheck;
  readonly healthTiming: HealthTiming;
  readonly resources: Resources;
  readonly dependsOn: readonly Dependency[];
  /** Where Prometheus scrapes it, when it exports metrics. */
  readonly metrics?: { readonly port: number; readonly path: string };
}

/** A named volume (nps-<name> in the dev stack) mounted at a path. */
export interface VolumeMount {
  readonly name: string;
  readonly path: string;
  /** Data the platform cannot rebuild (the database, the backups): protected from `pulumi destroy`. */
  readonly keep?: boolean;
}

/** What a prod task may touch beyond its own logs and secrets. */
export type ProdGrant = "alert-queue" | "backup-bucket";

/** How the prod stack runs a workload. */
export type ProdRun =
  | {
      readonly kind: "service";
      /** What target tracking scales it on, beside CPU and memory (scalable entries only). */
      readonly scaleOn?: "requests" | "oracle-calls";
      readonly grants?: readonly ProdGrant[];
    }
  | {
      /** One-off tasks on a schedule instead of a long-running service. */
      readonly kind: "jobs";
      readonly jobs: readonly { readonly name: string; readonly command: readonly string[]; readonly schedule: string }[];
      readonly grants?: readonly ProdGrant[];
    };

export interface WorkloadEntry extends EntryBase {
  readonly name: WorkloadName;
  /** Which stage of the Dockerfile builds its image. */
  readonly image: "app" | "web";
  /** The container's command; undefined keeps the image's own (the web page's server). */
  readonly command?: readonly string[];
  readonly replicas: Replicas;
  /** Whether the load balancer (nginx in dev, the ALB in prod) routes public traffic to it. */
  readonly public: boolean;
  /** Named volumes it keeps data in. */
  readonly volumes?: readonly VolumeMount[];
  /** What it talks to: decides the shared part of its environment and its networks. */
  readonly uses: readonly PlatformPart[];
  /** Its own environment beyond what `uses` brings. */
  readonly env?: <S, P>(w: Wiring<S, P>, e: EnvBuilder<S, P>) => void;
  readonly prod: ProdRun;
}

/** How the dev stack runs a support service's stock image. */
export interface DockerRun {
  /** The network it joins: "data" is the internal one of PostgreSQL and Redis. */
  readonly network: "app" | "data";
  /** Arguments to the image's entry point, or its command. */
  readonly command?: readonly string[];
  readonly volumes?: readonly VolumeMount[];
  /** Publishes its ports: on 127.0.0.1 of the host ("host") or on every address ("public"). */
  readonly publish?: "host" | "public";
  readonly shmSizeMb?: number;
}

export interface SupportEntry extends EntryBase {
  readonly name: SupportName;
  /** The stock image of the dev stack. */
  readonly image: string;
  readonly docker: DockerRun;
}

const NODE_PROBE = (port: number, path: string): readonly string[] => [
  "CMD",
  "node",
  "-e",
  `fetch('http://127.0.0.1:${port}${path}').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`,
];

/** The container health check command for a catalog health check (Docker's HEALTHCHECK form). */
export function healthCommand(check: HealthCheck): readonly string[] {
  return check.kind === "http" ? NODE_PROBE(check.port, check.path) : check.command;
}

const npsStart = (name: ServiceName): readonly string[] => ["nps", "start", "--only", name];

const sideHealth = (port: number): HealthCheck => ({ kind: "http", port, path: HEALTH_PATHS.live });
/** For images without node: wget (busybox in every image we run) fetching a local URL. */
const wgetProbe = (port: number, path: string): HealthCheck => ({
  kind: "command",
  command: ["CMD", "wget", "-q", "--spider", `http://127.0.0.1:${port}${path}`],
});
const sideMetrics = (port: number) => ({ port, path: HEALTH_PATHS.metrics });
const single: Replicas = { default: 1, scalable: false };

/** Backups: what each kind holds, when it runs (UTC cron), how long it is kept, where it lands in S3, its command. */
import { BACKUP_KINDS } from "../services/lib/backup-kinds";
export { BACKUP_KINDS };
export type { BackupKind } from "../services/lib/backup-kinds";

/**
 * Where backups live in the dev stack: one named volume, mounted read-write at the same path by
 * the backup service (which writes them on its schedule) and the API (whose admin routes list
 * them, take one now and show the last verification). BACKUP_DIR names this path in both.
 */
export const BACKUP_VOLUME: VolumeMount = { name: "backups", path: "/var/lib/nps/backups", keep: true };

/**
 * The backup store's share of an environment, for every entry that reads or writes backups:
 * the directory, the retention of each kind (the bucket's lifecycle rules say the same), and in
 * prod the bucket and the key uploads are encrypted with.
 */
function backupStoreEnv<S, P>(w: Wiring<S, P>, e: EnvBuilder<S, P>): void {
  const [oracle, full] = BACKUP_KINDS;
  e.plain("BACKUP_DIR", w.backup.dir)
    .plain("NPS_BACKUP_ORACLE_RETENTION_DAYS", oracle.retentionDays)
    .plain("NPS_BACKUP_FULL_RETENTION_DAYS", full.retentionDays)
    .late("NPS_BACKUP_S3_BUCKET", w.backup.s3Bucket)
    .late("NPS_BACKUP_KMS_KEY_ID", w.backup.kmsKeyId);
}

/**
 * The daily readings. The dev stack runs the scheduler service, which fires at this hour and
 * minute itself; the prod stack runs the one-pass command on a cloud schedule instead.
 */
export const DAILY_READINGS_JOB = { schedule: "5 0 * * *", command: ["nps", "daily-readings"] } as const;

export const WORKLOADS: Readonly<Record<WorkloadName, WorkloadEntry>> = {
  api: {
    name: "api",
    summary: "Express REST API and /ws",
    image: "app",
    command: npsStart("api"),
    ports: [{ name: "http", port: PORTS.api, protocol: "http" }],
    health: { kind: "http", port: PORTS.api, path: HEALTH_PATHS.apiLive },
    healthTiming: { intervalS: 30, timeoutS: 5, startPeriodS: 15, retries: 3 },
    resources: { cpu: 1, memoryMb: 1024 },
    replicas: { default: 2, scalable: true },
    public: true,
    metrics: { port: PORTS.api, path: HEALTH_PATHS.metrics },
    dependsOn: [
      { on: "postgres", condition: "healthy" },
      { on: "redis", condition: "healthy" },
      { on: "oracle", condition: "healthy" },
    ],
    uses: SERVICE_USES.api,
    // The admin backup routes (services/api/admin/backup-routes.ts) read and write the backups.
    volumes: [BACKUP_VOLUME],
    env: (w, e) => {
      e.plain("API_HOST", "0.0.0.0")
        .plain("API_PORT", PORTS.api)
        .plain("API_CORS_ORIGINS", w.publicUrl)
        .plain("PRODUCTION_DOMAIN", w.domain)
        .plain("FORCE_HTTPS", true)
        .plain("SWAGGER_ENABLED", false)
        .plain("DEBUG", false)
        .plain("NPS_MIGRATE_ON_START", w.migrateOnStart ?? true)
        // The scheduler service runs the daily readings; one place, not once per API replica.
        .plain("NPS_DAILY_SCHEDULER_ENABLED", false)
        .plain("NODE_OPTIONS", API_NODE_OPTIONS);
      backupStoreEnv(w, e);
      // Where the stack gives it one, a backup it is asked for runs as the backup task (as the schema's owner).
      e.late("NPS_BACKUP_TASK_CLUSTER", w.backupTask?.cluster)
        .late("NPS_BACKUP_TASK_DEFINITION", w.backupTask?.taskDefinition)
        .late("NPS_BACKUP_TASK_CONTAINER", w.backupTask?.container)
        .late("NPS_BACKUP_TASK_SUBNETS", w.backupTask?.subnets)
        .late("NPS_BACKUP_TASK_SECURITY_GROUPS", w.backupTask?.securityGroups);
    },
    prod: { kind: "service", scaleOn: "requests", grants: ["backup-bucket"] },
  },
  oracle: {
    name: "oracle",
    summary: "Oracle gRPC service",
    image: "app",
    command: npsStart("oracle"),
    ports: [
      { name: "grpc", port: PORTS.oracleGrpc, protocol: "grpc" },
      { name: "metrics", port: PORTS.oracleMetrics, protocol: "http" },
    ],
    health: sideHealth(PORTS.oracleMetrics),
    healthTiming: { intervalS: 30, timeoutS: 5, startPeriodS: 30, retries: 3 },
    resources: { cpu: 1, memoryMb: 1024 },
    replicas: { default: 2, scalable: true },
    public: false,
    metrics: sideMetrics(PORTS.oracleMetrics),
    dependsOn: [{ on: "redis", condition: "healthy" }],
    uses: SERVICE_USES.oracle,
    env: (_w, e) => e.plain("ORACLE_GRPC_PORT", PORTS.oracleGrpc).plain("ORACLE_METRICS_PORT", PORTS.oracleMetrics),
    prod: { kind: "service", scaleOn: "oracle-calls" },
  },
  "telegram-bot": {
    name: "telegram-bot",
    summary: "Telegram bot (talks to the API)",
    image: "app",
    command: npsStart("telegram-bot"),
    ports: [{ name: "metrics", port: PORTS.telegramBotMetrics, protocol: "http" }],
    health: sideHealth(PORTS.telegramBotMetrics),
    healthTiming: { intervalS: 30, timeoutS: 5, startPeriodS: 15, retries: 3 },
    resources: { cpu: 0.25, memoryMb: 128 },
    replicas: single,
    public: false,
    metrics: sideMetrics(PORTS.telegramBotMetrics),
    dependsOn: [{ on: "api", condition: "healthy" }],
    uses: SERVICE_USES["telegram-bot"],
    env: (w, e) => e.plain("TELEGRAM_BOT_API_URL", w.apiUrl).plain("TELEGRAM_FRONTEND_URL", w.publicUrl),
    prod: { kind: "service" },
  },
  alerter: {
    name: "alerter",
    summary: "Alert delivery to Telegram (Alertmanager webhook, cloud alarms)",
    image: "app",
    command: npsStart("alerter"),
    ports: [{ name: "http", port: PORTS.alerterHttp, protocol: "http" }],
    health: sideHealth(PORTS.alerterHttp),
    healthTiming: { intervalS: 60, timeoutS: 5, startPeriodS: 10, retries: 3 },
    // Measured, not the seed's 64 MiB: `nps start --only alerter` compiled, as its container runs it,
    // idles at 81 MiB RSS (95 MiB with the SQS poller of the prod stack loaded) and peaked at 151 MiB
    // while telling 1,500 alerts from 300 webhooks in a few seconds; 192 MiB leaves a quarter over that.
    resources: { cpu: 0.1, memoryMb: 192 },
    replicas: single,
    public: false,
    metrics: sideMetrics(PORTS.alerterHttp),
    dependsOn: [],
    uses: SERVICE_USES.alerter,
    env: (w, e) =>
      e
        .plain("ORACLE_HTTP_URL", `http://${w.oracleHost}:${PORTS.oracleMetrics}`)
        .plain("NPS_ALERT_API_URL", w.apiUrl.replace(/\/api$/, ""))
        .late("NPS_ALERT_QUEUE_URL", w.alertQueueUrl),
    prod: { kind: "service", grants: ["alert-queue"] },
  },
  scheduler: {
    name: "scheduler",
    summary: "Daily readings, generated once a day",
    image: "app",
    command: npsStart("scheduler"),
    ports: [{ name: "metrics", port: PORTS.schedulerMetrics, protocol: "http" }],
    health: sideHealth(PORTS.schedulerMetrics),
    healthTiming: { intervalS: 30, timeoutS: 5, startPeriodS: 15, retries: 3 },
    resources: { cpu: 0.25, memoryMb: 256 },
    replicas: single,
    public: false,
    metrics: sideMetrics(PORTS.schedulerMetrics),
    dependsOn: [
      { on: "postgres", condition: "healthy" },
      { on: "oracle", condition: "healthy" },
    ],
    uses: SERVICE_USES.scheduler,
    env: (w, e) => {
      const [minute, hour] = DAILY_READINGS_JOB.schedule.split(" ");
      e.plain("NPS_DAILY_SCHEDULER_ENABLED", true).plain("NPS_DAILY_SCHEDULER_HOUR", hour).plain("NPS_DAILY_SCHEDULER_MINUTE", minute);
      if (w.metricsPushUrl) e.plain("NPS_METRICS_PUSH_URL", w.metricsPushUrl);
    },
    // The prod stack runs the one-pass command on a cloud schedule instead of the service.
    prod: { kind: "jobs", jobs: [{ name: "daily-readings", command: DAILY_READINGS_JOB.command, schedule: DAILY_READINGS_JOB.schedule }] },
  },
  backup: {
    name: "backup",
    summary: "Scheduled database backups",
    image: "app",
    command: npsStart("backup"),
    ports: [{ name: "metrics", port: PORTS.backupMetrics, protocol: "http" }],
    health: sideHealth(PORTS.backupMetrics),
    healthTiming: { intervalS: 60, timeoutS: 5, startPeriodS: 10, retries: 3 },
    resources: { cpu: 0.25, memoryMb: 256 },
    replicas: single,
    public: false,
    metrics: sideMetrics(PORTS.backupMetrics),
    volumes: [BACKUP_VOLUME],
    dependsOn: [{ on: "postgres", condition: "healthy" }],
    uses: SERVICE_USES.backup,
    env: (w, e) => {
      const [oracle, full] = BACKUP_KINDS;
      e.plain("NPS_BACKUP_ORACLE_SCHEDULE", oracle.schedule).plain("NPS_BACKUP_FULL_SCHEDULE", full.schedule);
      backupStoreEnv(w, e);
      if (w.metricsPushUrl) e.plain("NPS_METRICS_PUSH_URL", w.metricsPushUrl);
    },
    prod: { kind: "jobs", jobs: BACKUP_KINDS.map((b) => ({ name: `backup-${b.kind}`, command: b.command, schedule: b.schedule })), grants: ["backup-bucket"] },
  },
  web: {
    name: "web",
    summary: "The web page (static files)",
    image: "web",
    ports: [{ name: "http", port: PORTS.web, protocol: "http" }],
    health: wgetProbe(PORTS.web, HEALTH_PATHS.live),
    healthTiming: { intervalS: 30, timeoutS: 5, startPeriodS: 15, retries: 3 },
    resources: { cpu: 0.5, memoryMb: 256 },
    replicas: { default: 1, scalable: true },
    public: true,
    dependsOn: [],
    uses: [],
    prod: { kind: "service", scaleOn: "requests" },
  },
};

/** Tuning of the dev stack's PostgreSQL (seed section 7.1) and its shared memory. */
export const POSTGRES_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: "256MB",
  work_mem: "16MB",
  effective_cache_size: "512MB",
  random_page_cost: "1.1",
  effective_io_concurrency: "200",
  max_connections: "100",
};
export const POSTGRES_SHM_MB = 256;
export const POSTGRES_VERSION = "15";

/** Redis as the seed runs it: append-only, bounded memory, least-recently-used eviction. */
export const REDIS_SETTINGS = {
  appendonly: "yes",
  maxmemory: "256mb",
  "maxmemory-policy": "allkeys-lru",
  save: ["900 1", "300 10"],
} as const;


export const SUPPORT: Readonly<Record<SupportName, SupportEntry>> = {
  postgres: {
    name: "postgres",
    summary: `PostgreSQL ${POSTGRES_VERSION}`,
    image: "postgres:15-alpine",
    ports: [{ name: "postgres", port: PORTS.postgres, protocol: "tcp" }],
    health: { kind: "command", command: ["CMD", "pg_isready", "-U", DATABASE.user, "-d", DATABASE.name] },
    healthTiming: { intervalS: 10, timeoutS: 5, startPeriodS: 15, retries: 5 },
    resources: { cpu: 1, memoryMb: 1024 },
    dependsOn: [],
    docker: {
      network: "data",
      command: ["postgres", ...Object.entries(POSTGRES_SETTINGS).flatMap(([k, v]) => ["-c", `${k}=${v}`])],
      volumes: [{ name: "pgdata", path: "/var/lib/postgresql/data", keep: true }],
      shmSizeMb: POSTGRES_SHM_MB,
    },
  },
  redis: {
    name: "redis",
    summary: "Redis 7",
    image: "redis:7-alpine",
    ports: [{ name: "redis", port: PORTS.redis, protocol: "tcp" }],
    health: { kind: "command", command: ["CMD", "redis-cli", "ping"] },
    healthTiming: { intervalS: 10, timeoutS: 5, startPeriodS: 10, retries: 5 },
    resources: { cpu: 0.5, memoryMb: 512 },
    dependsOn: [],
    docker: {
      network: "data",
      command: [
        "redis-server",
        "--appendonly", REDIS_SETTINGS.appendonly,
        "--maxmemory", REDIS_SETTINGS.maxmemory,
        "--maxmemory-policy", REDIS_SETTINGS["maxmemory-policy"],
        ...REDIS_SETTINGS.save.flatMap((rule) => ["--save", ...rule.split(" ")]),
      ],
      volumes: [{ name: "redisdata", path: "/data" }],
    },
  },
  pgbouncer: {
    name: "pgbouncer",
    summary: "PgBouncer connection pool (optional, seed section 10.3)",
    image: "edoburu/pgbouncer:1.21.0",
    ports: [{ name: "postgres", port: PORTS.pgbouncer, protocol: "tcp" }],
    health: { kind: "command", command: ["CMD", "pg_isready", "-h", "127.0.0.1", "-p", String(PORTS.pgbouncer)] },
    healthTiming: { intervalS: 10, timeoutS: 5, startPeriodS: 10, retries: 5 },
    resources: { cpu: 0.25, memoryMb: 128 },
    dependsOn: [{ on: "postgres", condition: "healthy" }],
    docker: { network: "data" },
  },
  nginx: {
    name: "nginx",
    summary: "Reverse proxy and TLS",
    image: "nginx:1.25-alpine",
    ports: [
      { name: "http", port: PORTS.nginxHttp, protocol: "http" },
      { name: "https", port: PORTS.nginxHttps, protocol: "http" },
    ],
    health: wgetProbe(PORTS.nginxHttp, HEALTH_PATHS.nginx),
    healthTiming: { intervalS: 30, timeoutS: 5, startPeriodS: 15, retries: 3 },
    resources: { cpu: 0.25, memoryMb: 128 },
    dependsOn: [
      { on: "api", condition: "healthy" },
      { on: "web", condition: "healthy" },
    ],
    docker: { network: "app", publish: "public" },
  },
  prometheus: {
    name: "prometheus",
    summary: "Prometheus (scrapes every service, evaluates the alert rules)",
    image: "prom/prometheus:v2.53.2",
    ports: [{ name: "http", port: PORTS.prometheus, protocol: "http" }],
    health: wgetProbe(PORTS.prometheus, "/-/healthy"),
    healthTiming: { intervalS: 30, timeoutS: 5, startPeriodS: 15, retries: 3 },
    resources: { cpu: 0.5, memoryMb: 512 },
    metrics: { port: PORTS.prometheus, path: HEALTH_PATHS.metrics },
    dependsOn: [{ on: "alertmanager", condition: "healthy" }],
    docker: {
      network: "app",
      command: [
        "--config.file=/etc/prometheus/prometheus.yml",
        "--storage.tsdb.path=/prometheus",
        "--storage.tsdb.retention.time=15d",
        `--web.listen-address=:${PORTS.prometheus}`,
      ],
      volumes: [{ name: "prometheus", path: "/prometheus" }],
      publish: "host",
    },
  },
  alertmanager: {
    name: "alertmanager",
    summary: "Alertmanager (routes alerts to the alerter)",
    image: "prom/alertmanager:v0.27.0",
    ports: [{ name: "http", port: PORTS.alertmanager, protocol: "http" }],
    health: wgetProbe(PORTS.alertmanager, "/-/healthy"),
    healthTiming: { intervalS: 30, timeoutS: 5, startPeriodS: 10, retries: 3 },
    resources: { cpu: 0.1, memoryMb: 128 },
    metrics: { port: PORTS.alertmanager, path: HEALTH_PATHS.metrics },
    dependsOn: [{ on: "alerter", condition: "started" }],
    docker: {
      network: "app",
      command: [
        "--config.file=/etc/alertmanager/alertmanager.yml",
        "--storage.path=/alertmanager",
        `--web.listen-address=:${PORTS.alertmanager}`,
        "--cluster.listen-address=",
      ],
      volumes: [{ name: "alertmanager", path: "/alertmanager" }],
      publish: "host",
    },
  },
  grafana: {
    name: "grafana",
    summary: "Grafana with the NPS dashboards",
    image: "grafana/grafana:11.2.0",
    ports: [{ name: "http", port: PORTS.grafana, protocol: "http" }],
    health: wgetProbe(PORTS.grafana, "/api/health"),
    healthTiming: { intervalS: 30, timeoutS: 5, startPeriodS: 30, retries: 3 },
    resources: { cpu: 0.25, memoryMb: 256 },
    dependsOn: [{ on: "prometheus", condition: "healthy" }],
    docker: { network: "app", volumes: [{ name: "grafana", path: "/var/lib/grafana" }], publish: "host" },
  },
};

/** Prometheus alerting: the "no successful backup" threshold (a daily backup plus two hours' slack). */
export const BACKUP_MAX_AGE_HOURS = 26;

/** Dependency order: every entry after the ones it depends on. Throws on a cycle or an unknown name. */
export function startOrder(): Array<WorkloadName | SupportName> {
  const all = new Map<string, EntryBase>([...Object.entries(WORKLOADS), ...Object.entries(SUPPORT)]);
  const done: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string): void => {
    if (done.includes(name)) return;
    const entry = all.get(name);
    if (!entry) throw new Error(`catalog: unknown dependency ${name}`);
    if (visiting.has(name)) throw new Error(`catalog: dependency cycle through ${name}`);
    visiting.add(name);
    for (const d of entry.dependsOn) visit(d.on);
    visiting.delete(name);
    done.push(name);
  };
  for (const name of all.keys()) visit(name);
  return done as Array<WorkloadName | SupportName>;
}

export const NPS_SERVICES: readonly ServiceName[] = SERVICE_NAMES;

/** Secrets the platform generates or takes from stack config; never plain text in any config. */
export const APP_SECRETS = {
  API_SECRET_KEY: { generate: { bytes: 32 } },
  NPS_ENCRYPTION_KEY: { generate: { bytes: 32 } },
  NPS_ENCRYPTION_SALT: { generate: { bytes: 16 } },
  TELEGRAM_BOT_SERVICE_KEY: { generate: { bytes: 32 } },
  NPS_BOT_TOKEN: { config: "telegramBotToken" },
  ANTHROPIC_API_KEY: { config: "anthropicApiKey" },
} as const satisfies Partial<Record<EnvName, { generate: { bytes: number } } | { config: string }>>;
export type AppSecretName = keyof typeof APP_SECRETS;
export type ConfigSecretKey = Extract<(typeof APP_SECRETS)[AppSecretName], { config: string }>["config"];


/** The environment of one service's containers, by env-spec name: its parts' share, then its own. */
export function serviceEnv<S, P = string>(name: WorkloadName, w: Wiring<S, P>): ServiceEnv<S, P> {
  const entry = WORKLOADS[name];
  if (entry.image === "web") return {};
  // NPS_BIND_HOST: services listen on loopback unless told; in a container the port mapping decides who reaches them.
  const e = new EnvBuilder<S, P>().plain("NODE_ENV", "production").plain("LOG_LEVEL", w.logLevel).plain("LOG_FORMAT", "json").plain("NPS_BIND_HOST", "0.0.0.0");
  for (const part of entry.uses) partEnv(part, w, e);
  entry.env?.(w, e);
  return e.env;
}

/** Whether a workload reaches a data store, and so joins the data network. */
export function usesData(entry: WorkloadEntry): boolean {
  return entry.uses.some((p) => DATA_PARTS.includes(p));
}
