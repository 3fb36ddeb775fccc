import type { Logger } from "../logger";
import type { RedisConnection } from "./redis-connection";
import { TtlMap } from "./ttl-map";

/**
 * Revoked token ids (a JWT's `jti`), each remembered until the token would have expired anyway.
 * Every revocation is kept in memory as well as in Redis: this process honours it even while
 * Redis is away, and revocations made during an outage are written to Redis when it returns, so
 * the other replicas learn them too.
 */
export class RevocationStore {
  private readonly memory: TtlMap<true>;
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisConnection | undefined,
    private readonly logger: Logger,
    options: { readonly prefix?: string; readonly maxMemoryEntries?: number; readonly now?: () => number } = {},
  ) {
    this.prefix = options.prefix ?? "nps:revoked:";
    this.memory = new TtlMap(options.maxMemoryEntries ?? 100_000, options.now);
    redis?.on("up", () => void this.replay());
  }

  /** Revokes `id` until `expiresAtSeconds` (epoch seconds); a past expiry is a no-op. */
  async revoke(id: string, expiresAtSeconds: number): Promise<void> {
    const ttlMs = expiresAtSeconds * 1000 - Date.now();
    if (ttlMs <= 0) return;
    this.memory.set(id, true, ttlMs);
    if (this.redis?.isUp) {
      try {
        await this.redis.client.set(this.key(id), "1", "PX", ttlMs);
      } catch (err) {
        this.logger.warn({ err }, "revocation kept in memory until redis returns");
      }
    }
  }

  /** true when any of the ids is revoked (a token is refused when its own id or its session is). */
  async isRevoked(...ids: string[]): Promise<boolean> {
    if (ids.some((id) => this.memory.get(id))) return true;
    if (!this.redis?.isUp || ids.length === 0) return false;
    try {
      return (await this.redis.client.exists(...ids.map((id) => this.key(id)))) > 0;
    } catch (err) {
      this.logger.debug({ err }, "revocation lookup answered from memory");
      return false;
    }
  }

  private async replay(): Promise<void> {
    const redis = this.redis;
    if (!redis) return;
    const entries = [...this.memory.liveEntries()];
    if (entries.length === 0) return;
    try {
      const pipeline = redis.client.pipeline();
      for (const [id, , ttlMs] of entries) pipeline.set(this.key(id), "1", "PX", ttlMs);
      await pipeline.exec();
    } catch (err) {
      this.logger.warn({ err }, "could not copy revocations to redis");
    }
  }

  private key(id: string): string {
    return `${this.prefix}${id}`;
  }
}
