import type { RedisTarget } from "../config/load-config";
import type { Logger } from "../logger";
import { PrincipalCache } from "./principal-cache";
import { RedisConnection } from "./redis-connection";
import { RevocationStore } from "./revocation-store";

/** What readiness reports about Redis. */
export type RedisStatus =
  | { readonly state: "healthy" }
  | { readonly state: "unhealthy"; readonly reason: string }
  | { readonly state: "not_configured" };

/**
 * Redis and what the API keeps in it (response cache, token revocations; rate limits take the
 * connection too), with in-memory fallbacks. With `config.redis` = memory there is no connection
 * at all and everything lives in memory.
 */
export interface CacheLayer {
  readonly redis: RedisConnection | undefined;
  readonly cache: PrincipalCache;
  readonly revocations: RevocationStore;
  status(): RedisStatus;
  close(): Promise<void>;
}

export interface CacheLayerOptions {
  /** Prepended to every key, so tests and several apps can share one Redis without meeting. */
  readonly keyPrefix?: string;
}

/** Builds the layer and starts connecting; resolves once Redis answered or the first attempt failed. */
export async function createCacheLayer(target: RedisTarget, logger: Logger, options: CacheLayerOptions = {}): Promise<CacheLayer> {
  const prefix = options.keyPrefix ?? "nps:";
  const redis = target.kind === "redis" ? new RedisConnection(target.url, logger) : undefined;
  const layer: CacheLayer = {
    redis,
    cache: new PrincipalCache(redis, logger, { prefix: `${prefix}cache:` }),
    revocations: new RevocationStore(redis, logger, { prefix: `${prefix}revoked:` }),
    status: () => {
      if (!redis) return { state: "not_configured" };
      return redis.isUp ? { state: "healthy" } : { state: "unhealthy", reason: redis.downReason };
    },
    close: async () => {
      await redis?.close();
    },
  };
  await redis?.start();
  return layer;
}
