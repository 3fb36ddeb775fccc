import type { Registry } from "prom-client";
import type { CacheLayer } from "../lib/cache/cache-layer";
import type { Config } from "../lib/config/load-config";
import type { PasswordCost } from "../lib/crypto/passwords";
import type { Database } from "../lib/db/database";
import type { Repositories } from "../lib/db/repositories";
import type { Logger } from "../lib/logger";
import type { OracleClient } from "../oracle/client";
import type { EventBus } from "./events/event-bus";
import type { RateLimitSettings } from "./http/rate-limits";

/**
 * Everything the API is built from. main.ts assembles the real ones; tests and the benchmark
 * assemble their own (a fresh database, a private Redis prefix, a lighter password cost) and call
 * createApp as often as they like: nothing here is global.
 */
export interface ApiDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly db: Database;
  readonly repos: Repositories;
  readonly cacheLayer: CacheLayer;
  /** gRPC to the Oracle service, computing in-process (direct mode) when it cannot be reached. */
  readonly oracle: OracleClient;
  readonly registry: Registry;
  readonly events: EventBus;
  /** Defaults: 60/min general, 100/h AI, 5 failed logins/min per address and per username. */
  readonly limits?: RateLimitSettings;
  /** Prefix of the rate-limit keys in Redis; tests give each app its own. */
  readonly keyPrefix?: string;
  /** argon2 cost of new password hashes; tests pass TEST_PASSWORD_COST. */
  readonly passwordCost?: PasswordCost;
}
