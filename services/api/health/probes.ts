import type { RedisStatus } from "../../lib/cache/cache-layer";
import type { ApiDeps } from "../deps";

/** A readiness probe must answer quickly even when the Oracle server hangs. */
const ORACLE_PROBE_DEADLINE_MS = 500;

/** The readiness view of the seed guide (section 8.1): healthy only when the database answers. */
export interface Readiness {
  readonly status: "healthy" | "degraded";
  readonly checks: {
    readonly database: "healthy" | "unhealthy";
    readonly redis: RedisStatus["state"];
    readonly oracle_service: "grpc" | "direct_mode";
  };
  /** Why a part is not healthy and what the API does instead. */
  readonly details?: Readonly<Record<string, string>>;
}

export async function readiness(deps: Pick<ApiDeps, "db" | "cacheLayer" | "oracle">): Promise<Readiness> {
  const [databaseUp, mode] = await Promise.all([deps.db.ping(), deps.oracle.probe(ORACLE_PROBE_DEADLINE_MS)]);
  const redis = deps.cacheLayer.status();
  const details: Record<string, string> = {};
  if (!databaseUp) details.database = "the database does not answer; requests that need it fail with 503";
  if (redis.state === "unhealthy") details.redis = `cache, token revocations and rate limits run in memory: ${redis.reason}`;
  if (redis.state === "not_configured") details.redis = "no Redis configured; cache, token revocations and rate limits run in memory";
  if (mode === "direct_mode") details.oracle_service = "readings are computed in this process (the Oracle gRPC service is not in use)";
  return {
    status: databaseUp ? "healthy" : "degraded",
    checks: { database: databaseUp ? "healthy" : "unhealthy", redis: redis.state, oracle_service: mode },
    ...(Object.keys(details).length ? { details } : {}),
  };
}
