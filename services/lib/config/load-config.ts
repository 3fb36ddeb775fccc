import path from "node:path";
import { z } from "zod";
import { ENV_VARS, type EnvName } from "./env-spec";
import type { ServiceName } from "../service-names";
import type { BackupType } from "../backup-kinds";
import { Cron } from "croner";
import { SERVICE_USES, partSecrets } from "../service-uses";

/**
 * Parses the environment once, at start. A bad or missing value stops the service with one
 * message that names every problem; in production a secret the service uses that is empty or
 * still "changeme" stops it too.
 */

export type LogLevel = "debug" | "info" | "warn" | "error";

export type DatabaseTarget =
  | { kind: "embedded"; dataDir: string }
  | { kind: "postgres"; url: string; source: "DATABASE_URL" | "POSTGRES_HOST" };

export type RedisTarget = { kind: "memory" } | { kind: "redis"; url: string; source: "REDIS_URL" | "REDIS_HOST" };

export interface Config {
  readonly production: boolean;
  readonly nodeEnv: string;
  readonly debug: boolean;
  readonly dataDir: string;
  readonly database: DatabaseTarget;
  readonly redis: RedisTarget;
  readonly migrateOnStart: boolean;
  /** Where the Oracle's and the side ports listen (NPS_BIND_HOST); the API has API_HOST. */
  readonly bindHost: string;
  /** How long SIGTERM waits for work in flight (NPS_DRAIN_TIMEOUT). */
  readonly drainMs: number;
  readonly api: {
    readonly host: string;
    readonly port: number;
    readonly secretKey: string;
    readonly corsOrigins: readonly string[];
    readonly jwtAlgorithm: "HS256" | "HS384" | "HS512";
    readonly jwtExpireMinutes: number;
    readonly swaggerEnabled: boolean;
    readonly forceHttps: boolean;
    readonly productionDomain: string;
  };
  readonly oracle: { readonly grpcHost: string; readonly grpcPort: number; readonly metricsPort: number };
  readonly telegram: {
    readonly botToken: string;
    readonly chatId: string;
    readonly adminChatId: string;
    readonly enabled: boolean;
    readonly notifyError: boolean;
    readonly notifyDaily: boolean;
    readonly botApiUrl: string;
    readonly serviceKey: string;
    readonly rateLimitPerMinute: number;
    readonly frontendUrl: string;
    readonly apiRoot: string;
    readonly botMetricsPort: number;
  };
  readonly alerter: {
    readonly port: number;
    readonly cooldownMs: number;
    readonly checkIntervalMs: number;
    readonly oracleUrl: string;
    readonly apiUrl: string;
    readonly alertmanagerUrl: string;
    readonly queueUrl: string;
  };
  readonly encryption: {
    readonly enabled: boolean;
    readonly key: string;
    readonly salt: string;
    readonly previousKey: string;
    readonly previousSalt: string;
  };
  readonly scheduler: { readonly enabled: boolean; readonly hourUtc: number; readonly minute: number; readonly metricsPort: number };
  readonly ai: {
    readonly apiKey: string;
    readonly baseUrl: string | undefined;
    readonly model: string;
    readonly timeoutMs: number;
    readonly maxTokens: number;
    readonly cacheTtlSeconds: number;
  };
  /** format "auto": readable lines on a terminal, JSON otherwise (the logger looks at stdout). */
  readonly log: { readonly level: LogLevel; readonly format: "json" | "text" | "auto" };
  readonly admin: { readonly username: string; readonly password: string };
  readonly backupDir: string;
  /** The services' own login role that `nps migrate up` keeps in step (NPS_DB_APP_USER), when set. */
  readonly appRole?: { readonly user: string; readonly password: string };
  readonly backup: {
    readonly schedules: Readonly<Record<BackupType, string>>;
    readonly retentionDays: Readonly<Record<BackupType, number>>;
    /** S3 bucket uploads go to; empty: local only. */
    readonly s3Bucket: string;
    readonly s3Endpoint: string | undefined;
    readonly kmsKeyId: string;
    readonly metricsPort: number;
    /** Where the admin API starts a backup as a one-shot ECS task (AWS stack); undefined: in its own process. */
    readonly task?: BackupTaskSettings;
  };
  /** OTLP/HTTP endpoint one-shot jobs push their metrics to before they exit; empty: none. */
  readonly metricsPushUrl: string;
}

/**
 * The backup task the admin API starts with ECS RunTask: the one the prod stack schedules, which
 * logs in as the schema's owner (the services' own role cannot create the scratch database a
 * verification restores into).
 */
export interface BackupTaskSettings {
  readonly cluster: string;
  readonly taskDefinition: string;
  readonly container: string;
  readonly subnets: readonly string[];
  readonly securityGroups: readonly string[];
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const TRUE = new Set(["true", "1", "yes", "on"]);
const FALSE = new Set(["false", "0", "no", "off"]);

const bool = z.string().transform((s, ctx) => {
  const v = s.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  ctx.addIssue({ code: "custom", message: `expected true or false, got "${s}"` });
  return z.NEVER;
});

const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, "expected a whole number")
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const port = int(0, 65535);
const str = z.string();
const optionalStr = z.string().optional();

const LOG_LEVELS: Record<string, LogLevel> = {
  debug: "debug",
  info: "info",
  warning: "warn",
  warn: "warn",
  error: "error",
  critical: "error",
};

const logLevel = z.string().transform((s, ctx) => {
  const v = LOG_LEVELS[s.trim().toLowerCase()];
  if (v) return v;
  ctx.addIssue({ code: "custom", message: `expected DEBUG, INFO, WARNING or ERROR, got "${s}"` });
  return z.NEVER;
});

const url = (protocols: readonly string[]) =>
  z.string().refine((s) => {
    try {
      return protocols.includes(new URL(s).protocol);
    } catch {
      return false;
    }
  }, `expected a URL (${protocols.join(" or ")})`);

/** A cron expression croner accepts (five or six fields), checked once at start. */
const cron = z.string().refine((s) => {
  try {
    new Cron(s, { paused: true, timezone: "UTC" }).stop();
    return true;
  } catch {
    return false;
  }
}, "expected a cron expression such as \"0 3 * * 0\"");

/** Empty, or an ECS ARN of this resource type (arn:aws:ecs:REGION:ACCOUNT:cluster/NAME, .../task-definition/FAMILY:REVISION). */
const ecsArn = (resource: "cluster" | "task-definition") =>
  str.regex(
    new RegExp(`^(arn:aws[a-z-]*:ecs:[a-z0-9-]+:\\d{12}:${resource}/[A-Za-z0-9_-]{1,255}${resource === "task-definition" ? ":\\d+" : ""})?$`),
    `expected an ECS ${resource} ARN`,
  );

/** Comma-separated VPC ids of one kind (subnet-..., sg-...); empty gives none. */
const vpcIds = (prefix: "subnet" | "sg") =>
  z.string().transform((s, ctx) => {
    const ids = s.split(",").map((x) => x.trim()).filter(Boolean);
    const bad = ids.filter((id) => !new RegExp(`^${prefix}-[0-9a-z]+$`).test(id));
    if (bad.length === 0) return ids;
    ctx.addIssue({ code: "custom", message: `expected ${prefix}-... ids separated by commas, got "${bad.join(",")}"` });
    return z.NEVER;
  });

/** The shape of the raw environment after defaults: one schema entry per variable that is parsed. */
const schema = z.object({
  POSTGRES_HOST: optionalStr,
  POSTGRES_PORT: port,
  POSTGRES_DB: str.min(1),
  POSTGRES_USER: str.min(1),
  POSTGRES_PASSWORD: str,
  DATABASE_URL: url(["postgres:", "postgresql:"]).optional(),
  REDIS_HOST: optionalStr,
  REDIS_PORT: port,
  REDIS_URL: url(["redis:", "rediss:"]).optional(),
  API_HOST: str.min(1),
  API_PORT: port,
  PORT: port.optional(),
  API_SECRET_KEY: str,
  API_CORS_ORIGINS: str,
  JWT_ALGORITHM: z.enum(["HS256", "HS384", "HS512"], { message: "expected HS256, HS384 or HS512" }),
  JWT_EXPIRE_MINUTES: int(1, 60 * 24 * 365),
  ORACLE_GRPC_HOST: str.min(1),
  ORACLE_GRPC_PORT: port,
  ORACLE_METRICS_PORT: port,
  NPS_BOT_TOKEN: str,
  NPS_CHAT_ID: str.regex(/^(-?\d+)?$/, "expected a numeric chat id"),
  NPS_ADMIN_CHAT_ID: str.regex(/^(-?\d+)?$/, "expected a numeric chat id"),
  TELEGRAM_ENABLED: bool,
  TELEGRAM_NOTIFY_BALANCE: bool,
  TELEGRAM_NOTIFY_ERROR: bool,
  TELEGRAM_NOTIFY_DAILY: bool,
  TELEGRAM_BOT_API_URL: url(["http:", "https:"]),
  TELEGRAM_BOT_SERVICE_KEY: str,
  TELEGRAM_RATE_LIMIT: int(1, 10_000),
  TELEGRAM_FRONTEND_URL: url(["http:", "https:"]),
  TELEGRAM_API_ROOT: url(["http:", "https:"]),
  NPS_BOT_METRICS_PORT: port,
  ALERT_COOLDOWN: int(0, 7 * 24 * 3600),
  ALERT_CHECK_INTERVAL: int(1, 24 * 3600),
  ORACLE_HTTP_URL: url(["http:", "https:"]),
  NPS_ALERT_API_URL: url(["http:", "https:"]),
  ALERTMANAGER_URL: z.union([z.literal(""), url(["http:", "https:"])]),
  NPS_ALERTER_PORT: port,
  NPS_ALERT_QUEUE_URL: z.union([z.literal(""), url(["https:", "http:"])]),
  NPS_SCHEDULER_METRICS_PORT: port,
  ENCRYPTION_ENABLED: bool,
  NPS_ENCRYPTION_KEY: str,
  NPS_ENCRYPTION_SALT: str,
  NPS_PREVIOUS_ENCRYPTION_KEY: str,
  NPS_PREVIOUS_ENCRYPTION_SALT: str,
  NPS_DAILY_SCHEDULER_ENABLED: bool,
  NPS_DAILY_SCHEDULER_HOUR: int(0, 23),
  NPS_DAILY_SCHEDULER_MINUTE: int(0, 59),
  ANTHROPIC_API_KEY: str,
  ANTHROPIC_BASE_URL: url(["http:", "https:"]).optional(),
  NPS_AI_MODEL: str.min(1),
  NPS_AI_TIMEOUT: int(1, 600),
  NPS_AI_MAX_TOKENS: int(1, 64_000),
  NPS_AI_CACHE_TTL: int(0, 7 * 24 * 3600),
  LOG_LEVEL: logLevel,
  LOG_FORMAT: z.enum(["json", "text"], { message: "expected json or text" }).optional(),
  NODE_ENV: str,
  RAILWAY_ENVIRONMENT: optionalStr,
  PRODUCTION_DOMAIN: str,
  FORCE_HTTPS: bool,
  SWAGGER_ENABLED: bool,
  DEBUG: bool,
  NPS_DATA_DIR: str.min(1),
  NPS_BIND_HOST: str.min(1),
  NPS_DRAIN_TIMEOUT: int(1, 600),
  NPS_ADMIN_USERNAME: str.regex(/^[A-Za-z0-9_.-]{3,100}$/, "3 to 100 letters, digits, _ . -"),
  NPS_ADMIN_PASSWORD: str,
  NPS_MIGRATE_ON_START: bool,
  NPS_DB_APP_USER: str.regex(/^([a-z_][a-z0-9_]{0,62})?$/, "expected a PostgreSQL role name (lower case letters, digits, _)"),
  NPS_DB_APP_PASSWORD: str,
  BACKUP_DIR: str.min(1),
  NPS_BACKUP_ORACLE_SCHEDULE: cron,
  NPS_BACKUP_FULL_SCHEDULE: cron,
  NPS_BACKUP_ORACLE_RETENTION_DAYS: int(1, 3650),
  NPS_BACKUP_FULL_RETENTION_DAYS: int(1, 3650),
  NPS_BACKUP_S3_BUCKET: str.regex(/^([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])?$/, "expected an S3 bucket name"),
  NPS_BACKUP_S3_ENDPOINT: url(["http:", "https:"]).optional(),
  NPS_BACKUP_KMS_KEY_ID: str,
  NPS_BACKUP_METRICS_PORT: port,
  NPS_BACKUP_TASK_CLUSTER: ecsArn("cluster"),
  NPS_BACKUP_TASK_DEFINITION: ecsArn("task-definition"),
  NPS_BACKUP_TASK_CONTAINER: str.regex(/^([A-Za-z0-9_-]{1,255})?$/, "expected a container name"),
  NPS_BACKUP_TASK_SUBNETS: vpcIds("subnet"),
  NPS_BACKUP_TASK_SECURITY_GROUPS: vpcIds("sg"),
  NPS_METRICS_PUSH_URL: z.union([z.literal(""), url(["http:", "https:"])]),
} satisfies Partial<Record<EnvName, z.ZodType>>);

/** The raw environment with the spec's defaults filled in; empty strings count as unset for optional values. */
function withDefaults(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const spec of ENV_VARS) {
    const raw = env[spec.name];
    const given = raw !== undefined && !(raw === "" && !("default" in spec && spec.default === ""));
    out[spec.name] = given ? raw : "default" in spec ? spec.default : undefined;
  }
  return out;
}

/** Which secrets a service depends on (the parts it uses); the production check refuses placeholders only where they matter. */
function secretsUsedBy(service: ServiceName | "all", raw: z.infer<typeof schema>): EnvName[] {
  // The whole platform in one process checks what its front door, the API, needs.
  const parts = SERVICE_USES[service === "all" ? "api" : service];
  return [...new Set(parts.flatMap((p) => partSecrets(p, raw)))];
}

/** The published placeholders ("changeme-...") that must never protect anything. */
function isPlaceholder(value: string): boolean {
  return value.toLowerCase().includes("changeme");
}

export function isProductionEnv(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV === "production" || env.RAILWAY_ENVIRONMENT === "production";
}

export interface LoadOptions {
  /** The service being started; decides which secrets the production check insists on. */
  readonly service?: ServiceName | "all";
  /** Directory relative paths (NPS_DATA_DIR, BACKUP_DIR) resolve against. */
  readonly cwd?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): Config {
  const parsed = schema.safeParse(withDefaults(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`);
    throw new ConfigError(problems);
  }
  const raw = parsed.data;
  const production = isProductionEnv(env);
  const problems: string[] = [];

  const used = secretsUsedBy(options.service ?? "all", raw);
  if (production) {
    for (const name of used) {
      const value = raw[name as keyof typeof raw];
      if (typeof value !== "string" || value.trim() === "") problems.push(`${name}: must be set in production`);
      else if (isPlaceholder(value)) problems.push(`${name}: still a "changeme" placeholder; generate a real secret (nps env init)`);
    }
    if (raw.DEBUG) problems.push("DEBUG: must be false in production");
  } else if (used.includes("API_SECRET_KEY")) {
    // Everywhere, not only in production: whoever knows the signing key mints tokens for any account.
    if (raw.API_SECRET_KEY.trim() === "") problems.push("API_SECRET_KEY: must be set (nps env init writes one; the embedded default generates its own on first start)");
    else if (isPlaceholder(raw.API_SECRET_KEY)) problems.push('API_SECRET_KEY: the published "changeme" placeholder is refused; generate a real key (nps env init)');
  }
  if (raw.NPS_DB_APP_USER && raw.NPS_DB_APP_PASSWORD.length < 16) problems.push("NPS_DB_APP_PASSWORD: must be set (16 characters at least) with NPS_DB_APP_USER");
  const task = backupTask(raw, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const cwd = options.cwd ?? process.cwd();
  const dataDir = path.resolve(cwd, raw.NPS_DATA_DIR);

  return {
    production,
    nodeEnv: raw.NODE_ENV,
    debug: raw.DEBUG,
    dataDir,
    database: databaseTarget(raw, dataDir),
    redis: redisTarget(raw),
    migrateOnStart: raw.NPS_MIGRATE_ON_START,
    bindHost: raw.NPS_BIND_HOST,
    drainMs: raw.NPS_DRAIN_TIMEOUT * 1000,
    api: {
      host: raw.API_HOST,
      port: raw.PORT ?? raw.API_PORT,
      secretKey: raw.API_SECRET_KEY,
      corsOrigins: raw.API_CORS_ORIGINS.split(",").map((s) => s.trim()).filter(Boolean),
      jwtAlgorithm: raw.JWT_ALGORITHM,
      jwtExpireMinutes: raw.JWT_EXPIRE_MINUTES,
      swaggerEnabled: raw.SWAGGER_ENABLED,
      forceHttps: raw.FORCE_HTTPS,
      productionDomain: raw.PRODUCTION_DOMAIN,
    },
    oracle: { grpcHost: raw.ORACLE_GRPC_HOST, grpcPort: raw.ORACLE_GRPC_PORT, metricsPort: raw.ORACLE_METRICS_PORT },
    telegram: {
      botToken: raw.NPS_BOT_TOKEN,
      chatId: raw.NPS_CHAT_ID,
      adminChatId: raw.NPS_ADMIN_CHAT_ID || raw.NPS_CHAT_ID,
      enabled: raw.TELEGRAM_ENABLED,
      notifyError: raw.TELEGRAM_NOTIFY_ERROR,
      notifyDaily: raw.TELEGRAM_NOTIFY_DAILY,
      botApiUrl: raw.TELEGRAM_BOT_API_URL,
      serviceKey: raw.TELEGRAM_BOT_SERVICE_KEY,
      rateLimitPerMinute: raw.TELEGRAM_RATE_LIMIT,
      frontendUrl: raw.TELEGRAM_FRONTEND_URL,
      apiRoot: raw.TELEGRAM_API_ROOT,
      botMetricsPort: raw.NPS_BOT_METRICS_PORT,
    },
    alerter: {
      port: raw.NPS_ALERTER_PORT,
      cooldownMs: raw.ALERT_COOLDOWN * 1000,
      checkIntervalMs: raw.ALERT_CHECK_INTERVAL * 1000,
      oracleUrl: raw.ORACLE_HTTP_URL,
      apiUrl: raw.NPS_ALERT_API_URL,
      alertmanagerUrl: raw.ALERTMANAGER_URL,
      queueUrl: raw.NPS_ALERT_QUEUE_URL,
    },
    encryption: {
      enabled: raw.ENCRYPTION_ENABLED,
      key: raw.NPS_ENCRYPTION_KEY,
      salt: raw.NPS_ENCRYPTION_SALT,
      previousKey: raw.NPS_PREVIOUS_ENCRYPTION_KEY,
      previousSalt: raw.NPS_PREVIOUS_ENCRYPTION_SALT,
    },
    scheduler: {
      enabled: raw.NPS_DAILY_SCHEDULER_ENABLED,
      hourUtc: raw.NPS_DAILY_SCHEDULER_HOUR,
      minute: raw.NPS_DAILY_SCHEDULER_MINUTE,
      metricsPort: raw.NPS_SCHEDULER_METRICS_PORT,
    },
    ai: {
      apiKey: raw.ANTHROPIC_API_KEY,
      baseUrl: raw.ANTHROPIC_BASE_URL,
      model: raw.NPS_AI_MODEL,
      timeoutMs: raw.NPS_AI_TIMEOUT * 1000,
      maxTokens: raw.NPS_AI_MAX_TOKENS,
      cacheTtlSeconds: raw.NPS_AI_CACHE_TTL,
    },
    log: { level: raw.LOG_LEVEL, format: raw.LOG_FORMAT ?? "auto" },
    admin: { username: raw.NPS_ADMIN_USERNAME, password: raw.NPS_ADMIN_PASSWORD },
    backupDir: path.resolve(cwd, raw.BACKUP_DIR),
    ...(raw.NPS_DB_APP_USER ? { appRole: { user: raw.NPS_DB_APP_USER, password: raw.NPS_DB_APP_PASSWORD } } : {}),
    backup: {
      schedules: { oracle: raw.NPS_BACKUP_ORACLE_SCHEDULE, full: raw.NPS_BACKUP_FULL_SCHEDULE },
      retentionDays: { oracle: raw.NPS_BACKUP_ORACLE_RETENTION_DAYS, full: raw.NPS_BACKUP_FULL_RETENTION_DAYS },
      s3Bucket: raw.NPS_BACKUP_S3_BUCKET,
      s3Endpoint: raw.NPS_BACKUP_S3_ENDPOINT,
      kmsKeyId: raw.NPS_BACKUP_KMS_KEY_ID,
      metricsPort: raw.NPS_BACKUP_METRICS_PORT,
      ...(task ? { task } : {}),
    },
    metricsPushUrl: raw.NPS_METRICS_PUSH_URL,
  };
}

/** NPS_BACKUP_TASK_*: all five or none; a half-configured task would fail at the first trigger instead of at start. */
function backupTask(raw: z.infer<typeof schema>, problems: string[]): BackupTaskSettings | undefined {
  const given = {
    NPS_BACKUP_TASK_CLUSTER: raw.NPS_BACKUP_TASK_CLUSTER !== "",
    NPS_BACKUP_TASK_DEFINITION: raw.NPS_BACKUP_TASK_DEFINITION !== "",
    NPS_BACKUP_TASK_CONTAINER: raw.NPS_BACKUP_TASK_CONTAINER !== "",
    NPS_BACKUP_TASK_SUBNETS: raw.NPS_BACKUP_TASK_SUBNETS.length > 0,
    NPS_BACKUP_TASK_SECURITY_GROUPS: raw.NPS_BACKUP_TASK_SECURITY_GROUPS.length > 0,
  };
  const missing = Object.entries(given).filter(([, set]) => !set).map(([name]) => name);
  if (missing.length === Object.keys(given).length) return undefined;
  if (missing.length > 0) {
    problems.push(`${missing.join(", ")}: must be set with the other NPS_BACKUP_TASK_* variables (all five or none)`);
    return undefined;
  }
  return {
    cluster: raw.NPS_BACKUP_TASK_CLUSTER,
    taskDefinition: raw.NPS_BACKUP_TASK_DEFINITION,
    container: raw.NPS_BACKUP_TASK_CONTAINER,
    subnets: raw.NPS_BACKUP_TASK_SUBNETS,
    securityGroups: raw.NPS_BACKUP_TASK_SECURITY_GROUPS,
  };
}

function databaseTarget(raw: z.infer<typeof schema>, dataDir: string): DatabaseTarget {
  if (raw.DATABASE_URL) return { kind: "postgres", url: raw.DATABASE_URL, source: "DATABASE_URL" };
  if (raw.POSTGRES_HOST) {
    const u = new URL("postgresql://localhost");
    u.hostname = raw.POSTGRES_HOST;
    u.port = String(raw.POSTGRES_PORT);
    u.username = raw.POSTGRES_USER;
    u.password = raw.POSTGRES_PASSWORD;
    u.pathname = `/${raw.POSTGRES_DB}`;
    return { kind: "postgres", url: u.toString(), source: "POSTGRES_HOST" };
  }
  return { kind: "embedded", dataDir: path.join(dataDir, "pgdata") };
}

function redisTarget(raw: z.infer<typeof schema>): RedisTarget {
  if (raw.REDIS_URL) return { kind: "redis", url: raw.REDIS_URL, source: "REDIS_URL" };
  if (raw.REDIS_HOST) return { kind: "redis", url: `redis://${raw.REDIS_HOST}:${raw.REDIS_PORT}`, source: "REDIS_HOST" };
  return { kind: "memory" };
}
