import { PORTS } from "../services/lib/ports";
import { HEALTH_PATHS } from "../services/lib/health-paths";
import { SERVICE_NAMES, type ServiceName } from "../services/lib/service-names";
import type { EnvName } from "../services/lib/config/env-spec";

/**
 * Every part of the platform, declared once: command, ports, health check, CPU and memory,
 * replicas and scaling bounds, dependencies and environment. The dev stack (Docker), the prod
 * stack (AWS), the monitoring renderers and the systemd units all read this file; none of them
 * repeats a port, a path, a limit or an env name.
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
  readonly volumes?: readonly { readonly name: string; readonly path: string }[];
}

export interface SupportEntry extends EntryBase {
  readonly name: SupportName;
  /** The stock image of the dev stack. */
  readonly image: string;
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
  },
  alerter: {
    name: "alerter",
    summary: "Alert delivery to Telegram (Alertmanager webhook, cloud alarms)",
    image: "app",
    command: npsStart("alerter"),
    ports: [{ name: "http", port: PORTS.alerterHttp, protocol: "http" }],
    health: sideHealth(PORTS.alerterHttp),
    healthTiming: { intervalS: 60, timeoutS: 5, startPeriodS: 10, retries: 3 },
    resources: { cpu: 0.1, memoryMb: 64 },
    replicas: single,
    public: false,
    metrics: sideMetrics(PORTS.alerterHttp),
    dependsOn: [],
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
    volumes: [{ name: "backups", path: "/var/lib/nps/backups" }],
    dependsOn: [{ on: "postgres", condition: "healthy" }],
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

/** The database every service uses and its owner (the manual path's names, seed section 4.1). */
export const DATABASE = { name: "nps", user: "nps" } as const;

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
  },
};

/** Backups: what each kind holds, when it runs (UTC cron), how long it is kept, where it lands in S3. */
export const BACKUP_KINDS = [
  { kind: "oracle", schedule: "0 0 * * *", retentionDays: 30, prefix: "oracle/", command: ["nps", "backup", "--kind", "oracle"] },
  { kind: "full", schedule: "0 3 * * 0", retentionDays: 60, prefix: "full/", command: ["nps", "backup", "--kind", "full"] },
] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number]["kind"];

/**
 * The daily readings. The dev stack runs the scheduler service, which fires at this hour and
 * minute itself; the prod stack runs the one-pass command on a cloud schedule instead.
 */
export const DAILY_READINGS_JOB = { schedule: "5 0 * * *", command: ["nps", "daily-readings"] } as const;

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

// ---------------------------------------------------------------------------------------------
// Environment: names from services/lib/config/env-spec.ts, values wired per target.

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

/**
 * A value in a container's environment: plain, or a reference the target resolves to a secret.
 * P is how a target passes plain values it learns only at deploy time (a database endpoint).
 */
export type EnvValue<S, P = string> = { readonly value: string | P } | { readonly secret: S };

/** What a target hands the catalog so it can write each service's environment. */
export interface Wiring<S, P = string> {
  readonly database: {
    readonly host: string | P;
    readonly port: number;
    readonly password: S;
    /** "require" where the server forces TLS. */
    readonly sslMode?: "require";
  };
  readonly redis: { readonly host: string; readonly port: number } | { readonly url: S };
  readonly oracleHost: string;
  /** https://domain: CORS origin, links in Telegram messages. */
  readonly publicUrl: string;
  readonly domain: string;
  /** The API as the bot reaches it inside the platform. */
  readonly apiUrl: string;
  readonly logLevel: string;
  /** A generated or configured app secret; undefined when an optional one is not configured. */
  secret(name: AppSecretName): S | undefined;
  readonly telegram: { readonly chatId: string; readonly adminChatId: string };
  readonly backup: { readonly dir: string; readonly s3Bucket?: string | P };
  readonly alertQueueUrl?: string | P;
  /** Where short-lived jobs push their metrics, where nothing scrapes them in time. */
  readonly metricsPushUrl?: string;
}

export type ServiceEnv<S, P = string> = Partial<Record<EnvName, EnvValue<S, P>>>;

const v = (value: string | number | boolean) => ({ value: String(value) });

/** The environment of one service's containers, by env-spec name. */
export function serviceEnv<S, P = string>(name: WorkloadName, w: Wiring<S, P>): ServiceEnv<S, P> {
  if (name === "web") return {};
  const env: ServiceEnv<S, P> = {
    NODE_ENV: v("production"),
    LOG_LEVEL: v(w.logLevel),
    LOG_FORMAT: v("json"),
    // Services listen on loopback unless told; in a container the port mapping decides who reaches them.
    NPS_BIND_HOST: v("0.0.0.0"),
  };
  const put = (k: EnvName, s: S | undefined) => {
    if (s !== undefined) env[k] = { secret: s };
  };
  const database = () => {
    env.POSTGRES_HOST = { value: w.database.host };
    env.POSTGRES_PORT = v(w.database.port);
    env.POSTGRES_DB = v(DATABASE.name);
    env.POSTGRES_USER = v(DATABASE.user);
    put("POSTGRES_PASSWORD", w.database.password);
    if (w.database.sslMode) env.PGSSLMODE = v(w.database.sslMode);
  };
  const redis = () => {
    if ("url" in w.redis) put("REDIS_URL", w.redis.url);
    else {
      env.REDIS_HOST = v(w.redis.host);
      env.REDIS_PORT = v(w.redis.port);
    }
  };
  const encryption = () => {
    env.ENCRYPTION_ENABLED = v(true);
    put("NPS_ENCRYPTION_KEY", w.secret("NPS_ENCRYPTION_KEY"));
    put("NPS_ENCRYPTION_SALT", w.secret("NPS_ENCRYPTION_SALT"));
  };
  const oracleClient = () => {
    env.ORACLE_GRPC_HOST = v(w.oracleHost);
    env.ORACLE_GRPC_PORT = v(PORTS.oracleGrpc);
  };
  const ai = () => put("ANTHROPIC_API_KEY", w.secret("ANTHROPIC_API_KEY"));
  const telegram = () => {
    const token = w.secret("NPS_BOT_TOKEN");
    env.TELEGRAM_ENABLED = v(token !== undefined);
    put("NPS_BOT_TOKEN", token);
    env.NPS_CHAT_ID = v(w.telegram.chatId);
    env.NPS_ADMIN_CHAT_ID = v(w.telegram.adminChatId);
  };

  switch (name) {
    case "api":
      database();
      redis();
      encryption();
      oracleClient();
      ai();
      env.API_HOST = v("0.0.0.0");
      env.API_PORT = v(PORTS.api);
      put("API_SECRET_KEY", w.secret("API_SECRET_KEY"));
      put("TELEGRAM_BOT_SERVICE_KEY", w.secret("TELEGRAM_BOT_SERVICE_KEY"));
      env.API_CORS_ORIGINS = v(w.publicUrl);
      env.PRODUCTION_DOMAIN = v(w.domain);
      env.FORCE_HTTPS = v(true);
      env.SWAGGER_ENABLED = v(false);
      env.DEBUG = v(false);
      env.NPS_MIGRATE_ON_START = v(true);
      // The scheduler service runs the daily readings; one place, not once per API replica.
      env.NPS_DAILY_SCHEDULER_ENABLED = v(false);
      break;
    case "oracle":
      redis();
      ai();
      env.ORACLE_GRPC_PORT = v(PORTS.oracleGrpc);
      env.ORACLE_METRICS_PORT = v(PORTS.oracleMetrics);
      break;
    case "telegram-bot":
      telegram();
      env.TELEGRAM_BOT_API_URL = v(w.apiUrl);
      put("TELEGRAM_BOT_SERVICE_KEY", w.secret("TELEGRAM_BOT_SERVICE_KEY"));
      env.TELEGRAM_FRONTEND_URL = v(w.publicUrl);
      break;
    case "alerter":
      telegram();
      if (w.alertQueueUrl !== undefined) env.NPS_ALERT_QUEUE_URL = { value: w.alertQueueUrl };
      break;
    case "scheduler":
      database();
      redis();
      encryption();
      oracleClient();
      ai();
      env.NPS_DAILY_SCHEDULER_ENABLED = v(true);
      env.NPS_DAILY_SCHEDULER_HOUR = v(DAILY_READINGS_JOB.schedule.split(" ")[1]);
      env.NPS_DAILY_SCHEDULER_MINUTE = v(DAILY_READINGS_JOB.schedule.split(" ")[0]);
      if (w.metricsPushUrl) env.NPS_METRICS_PUSH_URL = v(w.metricsPushUrl);
      break;
    case "backup": {
      database();
      const [oracle, full] = BACKUP_KINDS;
      env.BACKUP_DIR = v(w.backup.dir);
      env.NPS_BACKUP_ORACLE_SCHEDULE = v(oracle.schedule);
      env.NPS_BACKUP_FULL_SCHEDULE = v(full.schedule);
      env.NPS_BACKUP_ORACLE_RETENTION_DAYS = v(oracle.retentionDays);
      env.NPS_BACKUP_FULL_RETENTION_DAYS = v(full.retentionDays);
      if (w.backup.s3Bucket !== undefined) env.NPS_BACKUP_S3_BUCKET = { value: w.backup.s3Bucket };
      if (w.metricsPushUrl) env.NPS_METRICS_PUSH_URL = v(w.metricsPushUrl);
      break;
    }
  }
  return env;
}
