import path from "node:path";
import os from "node:os";
import { randomBytes } from "node:crypto";
import { MINUTE } from "express-rate-limit";
import { Registry } from "prom-client";
import { createCacheLayer } from "../../lib/cache/cache-layer";
import { freePort } from "../../lib/cache/test-redis-server";
import { loadConfig, type Config } from "../../lib/config/load-config";
import { createFieldCipher } from "../../lib/crypto/create-field-cipher";
import { hashPassword, TEST_PASSWORD_COST } from "../../lib/crypto/passwords";
import type { Database } from "../../lib/db/database";
import { createRepositories } from "../../lib/db/repositories";
import type { Role, UserRecord } from "../../lib/db/repositories/users";
import { silentLogger } from "../../lib/logger";
import { createOracleClient } from "../../oracle/client";
import { createApp, type ApiApp } from "../app";
import type { ApiDeps } from "../deps";
import { EventBus } from "../events/event-bus";
import type { RateLimitSettings } from "../http/rate-limits";
import type { RouteModule } from "../http/route-kit";
import { ROUTE_MODULES } from "../routes";

/** Limits high enough that suites exercising routes never meet them; the rate-limit suite passes its own. */
export const RELAXED_LIMITS: RateLimitSettings = {
  general: { limit: 100_000, windowMs: MINUTE },
  ai: { limit: 100_000, windowMs: MINUTE },
  login: { limit: 100_000, windowMs: MINUTE },
};

export interface TestApiOptions {
  readonly limits?: RateLimitSettings;
  /** Default: the machine's Redis on 6379. "memory" runs with no Redis at all. */
  readonly redisUrl?: string | "memory";
  /** host:port of an Oracle gRPC server; null: in-process, as `nps start` runs it; default a closed port (the client computes in direct mode). */
  readonly oracleTarget?: string | null;
  /** Extra environment (e.g. API_CORS_ORIGINS). */
  readonly env?: Readonly<Record<string, string>>;
  readonly modules?: readonly RouteModule[];
}

export interface TestUser {
  readonly user: UserRecord;
  readonly password: string;
}

export interface SignedInUser extends TestUser {
  readonly token: string;
  readonly refreshToken: string;
}

export interface TestApi {
  readonly api: ApiApp;
  readonly deps: ApiDeps;
  readonly config: Config;
  /** Redis key prefix of this app: its cache, revocations and rate-limit counters. */
  readonly keyPrefix: string;
  createUser(role?: Role, username?: string): Promise<TestUser>;
  signIn(role?: Role, username?: string): Promise<SignedInUser>;
  close(): Promise<void>;
}

let seq = 0;

/** A unique valid username for this run. */
export function uniqueName(base = "user"): string {
  return `${base}_${process.pid}_${++seq}_${randomBytes(2).toString("hex")}`;
}

/**
 * createApp on real parts: the suite's fresh PostgreSQL database, the machine's Redis under a
 * private key prefix (or a Redis the test controls), and an Oracle client that computes in-process
 * unless a server is given. Passwords are hashed at the light test cost.
 */
export async function startTestApi(db: Database, options: TestApiOptions = {}): Promise<TestApi> {
  const keyPrefix = `t${randomBytes(4).toString("hex")}:`;
  const redisUrl = options.redisUrl ?? "redis://127.0.0.1:6379";
  const config = loadConfig(
    {
      API_SECRET_KEY: randomBytes(32).toString("hex"),
      // The app uses the database it is handed; this only keeps the config off the embedded default.
      DATABASE_URL: "postgres://unused@127.0.0.1:5432/unused",
      ...(redisUrl === "memory" ? {} : { REDIS_URL: redisUrl }),
      NPS_ENCRYPTION_KEY: "a".repeat(64),
      NPS_ENCRYPTION_SALT: "b".repeat(32),
      ORACLE_GRPC_HOST: "127.0.0.1",
      ORACLE_GRPC_PORT: String(await freePort()),
      SWAGGER_ENABLED: "true",
      LOG_LEVEL: "error",
      TELEGRAM_ENABLED: "false",
      // Backups an admin route triggers land in a scratch directory, never in the checkout.
      BACKUP_DIR: path.join(os.tmpdir(), `nps-test-backups-${randomBytes(4).toString("hex")}`),
      ...options.env,
    },
    { service: "api" },
  );
  const cacheLayer = await createCacheLayer(config.redis, silentLogger, { keyPrefix });
  const cipher = await createFieldCipher(config.encryption);
  const oracle = createOracleClient(config, {
    ...(options.oracleTarget !== undefined ? { target: options.oracleTarget } : {}),
    options: { retries: 0, deadlineMs: 2_000 },
  });
  const deps: ApiDeps = {
    config,
    logger: silentLogger,
    db,
    repos: createRepositories(db, cipher),
    cacheLayer,
    oracle,
    registry: new Registry(),
    events: new EventBus(silentLogger),
    limits: options.limits ?? RELAXED_LIMITS,
    keyPrefix,
    passwordCost: TEST_PASSWORD_COST,
  };
  const api = createApp(deps, options.modules ?? ROUTE_MODULES);

  const createUser = async (role: Role = "user", username = uniqueName(role)): Promise<TestUser> => {
    const password = `pw-${randomBytes(8).toString("hex")}`;
    const user = await deps.repos.users.create({ username, passwordHash: await hashPassword(password, TEST_PASSWORD_COST), role });
    return { user, password };
  };

  return {
    api,
    deps,
    config,
    keyPrefix,
    createUser,
    async signIn(role: Role = "user", username?: string) {
      const created = await createUser(role, username);
      const { default: request } = await import("supertest");
      const res = await request(api.app).post("/api/auth/login").send({ username: created.user.username, password: created.password });
      if (res.status !== 200) throw new Error(`test sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { ...created, token: res.body.access_token as string, refreshToken: res.body.refresh_token as string };
    },
    async close() {
      api.close();
      oracle.close();
      await cacheLayer.close();
    },
  };
}
