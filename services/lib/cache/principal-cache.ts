import type { Logger } from "../logger";
import type { RedisConnection } from "./redis-connection";
import { SingleFlight } from "./single-flight";
import { TtlMap } from "./ttl-map";

/** A stored response: what a cached read answers with, and the ETag it is validated by. */
export interface CachedResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly etag: string;
  /** The route pattern that stored it, which the cached-read fast lane answers for (services/api/http/fast-reads.ts). */
  readonly route?: string;
}

interface StoredResponse extends CachedResponse {
  /** Epoch milliseconds after which the entry is stale (Redis hash fields have no TTL of their own). */
  readonly expiresAt: number;
}

export interface PrincipalCacheOptions {
  /** Prefix of every Redis key; tests give each app its own. */
  readonly prefix?: string;
  readonly maxMemoryEntries?: number;
  readonly now?: () => number;
}

/** Owners whose invalidation is remembered for replay; past this, the whole namespace is dropped on reconnect. */
const MAX_PENDING_INVALIDATIONS = 10_000;

/**
 * Response cache partitioned by owner (the principal's user id, never anything derived from a
 * token). Each owner's entries live in one Redis hash, so "a write clears that user's entries" is a
 * single DEL. Without Redis, entries live in a bounded in-memory map; invalidations made while Redis
 * is away are replayed when it returns, so nothing stale is served after an outage.
 */
export class PrincipalCache {
  private readonly prefix: string;
  private readonly memory: TtlMap<CachedResponse>;
  /** Bumped per owner on invalidation: memory keys carry it, so old entries simply stop matching. */
  private readonly generations = new Map<string, number>();
  private readonly pendingInvalidations = new Set<string>();
  private pendingOverflow = false;
  private readonly now: () => number;
  /** Misses being computed, by memory key (so an invalidation, which moves the generation, starts afresh). */
  private readonly flights = new SingleFlight<CachedResponse | undefined>();

  constructor(
    private readonly redis: RedisConnection | undefined,
    private readonly logger: Logger,
    options: PrincipalCacheOptions = {},
  ) {
    this.prefix = options.prefix ?? "nps:cache:";
    this.now = options.now ?? Date.now;
    this.memory = new TtlMap(options.maxMemoryEntries ?? 5_000, this.now);
    redis?.on("up", () => void this.replay());
  }

  async get(owner: string, key: string): Promise<CachedResponse | undefined> {
    if (this.redis?.isUp) {
      try {
        const raw = await this.redis.client.hget(this.ownerKey(owner), key);
        if (raw === null) return undefined;
        const stored = JSON.parse(raw) as StoredResponse;
        if (stored.expiresAt <= this.now()) return undefined;
        return { status: stored.status, contentType: stored.contentType, body: stored.body, etag: stored.etag, ...(stored.route === undefined ? {} : { route: stored.route }) };
      } catch (err) {
        this.logger.debug({ err }, "cache read fell back to memory");
      }
    }
    return this.memory.get(this.memoryKey(owner, key));
  }

  async set(owner: string, key: string, response: CachedResponse, ttlSeconds: number): Promise<void> {
    const ttlMs = ttlSeconds * 1000;
    if (this.redis?.isUp) {
      const hash = this.ownerKey(owner);
      const stored: StoredResponse = { ...response, expiresAt: this.now() + ttlMs };
      try {
        // NX gives a fresh hash its expiry; GT stretches it when this field outlives the others.
        await this.redis.client
          .multi()
          .hset(hash, key, JSON.stringify(stored))
          .pexpire(hash, ttlMs, "NX")
          .pexpire(hash, ttlMs, "GT")
          .exec();
        return;
      } catch (err) {
        this.logger.debug({ err }, "cache write fell back to memory");
      }
    }
    this.memory.set(this.memoryKey(owner, key), response, ttlMs);
  }

  /**
   * A miss computed once however many ask at the same time: the first caller's `compute` runs, the
   * others get its answer (or its error). The answer is stored as `set` would, unless the owner's
   * entries were invalidated meanwhile (it may predate the write); whoever asks after such an
   * invalidation computes afresh. `compute` answers undefined for what must not be kept (an error
   * page, an empty body): then nothing is stored, and each waiter is told undefined.
   */
  async fill(owner: string, key: string, ttlSeconds: number, compute: () => Promise<CachedResponse | undefined>): Promise<CachedResponse | undefined> {
    const flightKey = this.memoryKey(owner, key);
    return this.flights.run(flightKey, async () => {
      const response = await compute();
      if (response && this.memoryKey(owner, key) === flightKey) await this.set(owner, key, response, ttlSeconds);
      return response;
    });
  }

  /** Drops every entry of one owner, in Redis and in memory. */
  async invalidate(owner: string): Promise<void> {
    this.generations.set(owner, (this.generations.get(owner) ?? 0) + 1);
    if (this.redis?.isUp) {
      try {
        await this.redis.client.del(this.ownerKey(owner));
        return;
      } catch (err) {
        this.logger.debug({ err }, "cache invalidation queued until redis returns");
      }
    }
    if (!this.redis) return;
    if (this.pendingInvalidations.size >= MAX_PENDING_INVALIDATIONS) this.pendingOverflow = true;
    else this.pendingInvalidations.add(owner);
  }

  /** Applies what happened while Redis was away, then forgets the memory copy. */
  private async replay(): Promise<void> {
    const redis = this.redis;
    if (!redis) return;
    try {
      if (this.pendingOverflow) {
        await this.dropNamespace();
      } else {
        const owners = [...this.pendingInvalidations];
        if (owners.length > 0) await redis.client.del(...owners.map((o) => this.ownerKey(o)));
      }
      this.pendingInvalidations.clear();
      this.pendingOverflow = false;
      this.memory.clear();
    } catch (err) {
      this.logger.warn({ err }, "could not replay cache invalidations; they stay queued");
    }
  }

  private async dropNamespace(): Promise<void> {
    const client = this.redis!.client;
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${this.prefix}*`, "COUNT", 500);
      if (keys.length > 0) await client.unlink(...keys);
      cursor = next;
    } while (cursor !== "0");
  }

  private ownerKey(owner: string): string {
    return `${this.prefix}${owner}`;
  }

  private memoryKey(owner: string, key: string): string {
    return `${owner}\u0000${this.generations.get(owner) ?? 0}\u0000${key}`;
  }
}
