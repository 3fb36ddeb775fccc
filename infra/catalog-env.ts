import { PORTS } from "../services/lib/ports";
import type { EnvName } from "../services/lib/config/env-spec";
import type { PlatformPart } from "../services/lib/service-uses";
import type { AppSecretName } from "./catalog";

/**
 * Environment: names from services/lib/config/env-spec.ts, values wired per target. Each
 * platform part a service uses brings its share of the environment; the catalog entry adds the
 * service's own.
 */

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
    /** The login role; DATABASE.user (the owner) unless the target gives the services their own. */
    readonly user?: string;
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
  readonly backup: { readonly dir: string; readonly s3Bucket?: string | P; readonly kmsKeyId?: string | P };
  readonly alertQueueUrl?: string | P;
  /** The backup task the admin API starts instead of backing up in its own process (prod). */
  readonly backupTask?: {
    readonly cluster: P;
    readonly taskDefinition: P;
    readonly container: string;
    /** Comma-separated, as the environment carries them. */
    readonly subnets: P;
    readonly securityGroups: P;
  };
  /** Where short-lived jobs push their metrics, where nothing scrapes them in time. */
  readonly metricsPushUrl?: string;
  /** false where a one-off task migrates before each deployment (prod); default true. */
  readonly migrateOnStart?: boolean;
}

export type ServiceEnv<S, P = string> = Partial<Record<EnvName, EnvValue<S, P>>>;



/** A plain value. */
export const v = (value: string | number | boolean) => ({ value: String(value) });

/** Builds one environment: plain values, and secrets only when the target has them. */
export class EnvBuilder<S, P> {
  readonly env: ServiceEnv<S, P> = {};
  plain(k: EnvName, value: string | number | boolean): this {
    this.env[k] = v(value);
    return this;
  }
  /** A value the target may only learn at deploy time (an endpoint, a queue URL). */
  late(k: EnvName, value: string | P | undefined): this {
    if (value !== undefined) this.env[k] = { value };
    return this;
  }
  secret(k: EnvName, s: S | undefined): this {
    if (s !== undefined) this.env[k] = { secret: s };
    return this;
  }
}

/** The share of the environment a part brings. */
export function partEnv<S, P>(part: PlatformPart, w: Wiring<S, P>, e: EnvBuilder<S, P>): void {
  switch (part) {
    case "database":
      e.late("POSTGRES_HOST", w.database.host).plain("POSTGRES_PORT", w.database.port);
      e.plain("POSTGRES_DB", DATABASE.name).plain("POSTGRES_USER", w.database.user ?? DATABASE.user).secret("POSTGRES_PASSWORD", w.database.password);
      if (w.database.sslMode) e.plain("PGSSLMODE", w.database.sslMode);
      return;
    case "redis":
      if ("url" in w.redis) e.secret("REDIS_URL", w.redis.url);
      else e.plain("REDIS_HOST", w.redis.host).plain("REDIS_PORT", w.redis.port);
      return;
    case "encryption":
      e.plain("ENCRYPTION_ENABLED", true).secret("NPS_ENCRYPTION_KEY", w.secret("NPS_ENCRYPTION_KEY")).secret("NPS_ENCRYPTION_SALT", w.secret("NPS_ENCRYPTION_SALT"));
      return;
    case "oracle":
      e.plain("ORACLE_GRPC_HOST", w.oracleHost).plain("ORACLE_GRPC_PORT", PORTS.oracleGrpc);
      return;
    case "ai":
      e.secret("ANTHROPIC_API_KEY", w.secret("ANTHROPIC_API_KEY"));
      return;
    case "telegram": {
      const token = w.secret("NPS_BOT_TOKEN");
      e.plain("TELEGRAM_ENABLED", token !== undefined).secret("NPS_BOT_TOKEN", token);
      e.plain("NPS_CHAT_ID", w.telegram.chatId).plain("NPS_ADMIN_CHAT_ID", w.telegram.adminChatId);
      return;
    }
    case "signing":
      e.secret("API_SECRET_KEY", w.secret("API_SECRET_KEY"));
      return;
    case "bot-key":
      e.secret("TELEGRAM_BOT_SERVICE_KEY", w.secret("TELEGRAM_BOT_SERVICE_KEY"));
      return;
  }
}

/** The database every service uses and its owner (the manual path's names, seed section 4.1). */
export const DATABASE = { name: "nps", user: "nps" } as const;
