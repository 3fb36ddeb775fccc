import type { EnvName } from "./config/env-spec";
import type { ServiceName } from "./service-names";

/**
 * What each service talks to, declared once. The catalog writes a container's environment from
 * it (and puts the services that reach a data store on the data network); the config loader
 * insists, in production, on the secrets of exactly these parts.
 */
export type PlatformPart =
  /** PostgreSQL: POSTGRES_* (or DATABASE_URL). */
  | "database"
  /** Redis: REDIS_* (or REDIS_URL). */
  | "redis"
  /** Field encryption at rest: the key and salt. */
  | "encryption"
  /** The Oracle's gRPC server, as a client. */
  | "oracle"
  /** The optional AI interpretation (ANTHROPIC_API_KEY). */
  | "ai"
  /** The Telegram Bot API: token and chat ids. */
  | "telegram"
  /** Signs and checks access tokens (API_SECRET_KEY). */
  | "signing"
  /** The key the bot and the API share (TELEGRAM_BOT_SERVICE_KEY). */
  | "bot-key";

export const SERVICE_USES: Readonly<Record<ServiceName, readonly PlatformPart[]>> = {
  api: ["signing", "database", "redis", "encryption", "oracle", "ai", "bot-key"],
  oracle: ["redis", "ai"],
  "telegram-bot": ["telegram", "bot-key"],
  alerter: ["telegram"],
  scheduler: ["database", "redis", "encryption", "oracle", "ai"],
  // telegram: `--notify` and the service's failure notices go to the admin chat.
  backup: ["database", "telegram"],
};

/** The parts that live on the data network (PostgreSQL, Redis, PgBouncer). */
export const DATA_PARTS: readonly PlatformPart[] = ["database", "redis"];

/** What decides whether a part's secret must be set: the parsed environment's switches. */
export interface SecretSwitches {
  readonly DATABASE_URL?: string;
  readonly POSTGRES_HOST?: string;
  readonly ENCRYPTION_ENABLED: boolean;
  readonly TELEGRAM_ENABLED: boolean;
}

/** The secrets a part cannot run without, given how the process is configured. */
export function partSecrets(part: PlatformPart, s: SecretSwitches): EnvName[] {
  switch (part) {
    case "database":
      return !s.DATABASE_URL && s.POSTGRES_HOST ? ["POSTGRES_PASSWORD"] : [];
    case "encryption":
      return s.ENCRYPTION_ENABLED ? ["NPS_ENCRYPTION_KEY", "NPS_ENCRYPTION_SALT"] : [];
    case "telegram":
      return s.TELEGRAM_ENABLED ? ["NPS_BOT_TOKEN"] : [];
    case "bot-key":
      return s.TELEGRAM_ENABLED ? ["TELEGRAM_BOT_SERVICE_KEY"] : [];
    case "signing":
      return ["API_SECRET_KEY"];
    case "redis":
    case "oracle":
    case "ai":
      return [];
  }
}
