import { MemoryStore, type ClientRateLimitInfo, type Options, type Store } from "express-rate-limit";
import { RedisStore, type RedisReply } from "rate-limit-redis";
import type { Logger } from "../logger";
import type { RedisConnection } from "./redis-connection";

/**
 * An express-rate-limit store that counts in Redis (rate-limit-redis) while Redis answers and in
 * memory while it does not. rate-limit-redis loads its scripts once at init, so a fresh Redis store
 * is initialised each time the connection comes (back) up.
 */
export class FallbackRateStore implements Store {
  readonly localKeys = false;
  private readonly memory = new MemoryStore();
  private redisStore: RedisStore | undefined;
  /** The Redis store being prepared (its scripts loading), awaited by counts made meanwhile. */
  private preparing: Promise<void> | undefined;
  private options: Options | undefined;

  constructor(
    private readonly redis: RedisConnection | undefined,
    readonly prefix: string,
    private readonly logger: Logger,
  ) {
    redis?.on("up", () => this.connectRedis());
    redis?.on("down", () => {
      this.redisStore = undefined;
    });
  }

  init(options: Options): void {
    this.options = options;
    this.memory.init(options);
    if (this.redis?.isUp) this.connectRedis();
  }

  private connectRedis(): void {
    const redis = this.redis;
    if (!redis || !this.options) return;
    const store = new RedisStore({
      prefix: this.prefix,
      sendCommand: (command: string, ...args: string[]) => redis.client.call(command, ...args) as Promise<RedisReply>,
    });
    this.preparing = Promise.resolve(store.init(this.options)).then(
      () => {
        this.redisStore = store;
      },
      (err: unknown) => this.logger.warn({ err }, "rate limits stay in memory: could not prepare redis scripts"),
    );
  }

  private get active(): RedisStore | undefined {
    return this.redis?.isUp ? this.redisStore : undefined;
  }

  /**
   * The store to count in. Right after Redis comes up its scripts are still loading: a count made
   * then waits for them rather than landing in memory, where Redis would never see it (the first
   * requests after a start would be forgotten once Redis took over).
   */
  private async ready(): Promise<RedisStore | undefined> {
    if (!this.active && this.redis?.isUp && this.preparing) await this.preparing;
    return this.active;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const store = this.active ?? (await this.ready());
    if (store) {
      try {
        return await store.increment(key);
      } catch (err) {
        this.logger.debug({ err }, "rate limit counted in memory");
      }
    }
    return this.memory.increment(key);
  }

  async decrement(key: string): Promise<void> {
    const store = this.active ?? (await this.ready());
    if (store) {
      try {
        await store.decrement(key);
        return;
      } catch {
        // Counted in memory when Redis failed; fall through.
      }
    }
    await this.memory.decrement(key);
  }

  async resetKey(key: string): Promise<void> {
    await this.memory.resetKey(key);
    const store = this.active;
    if (store) await store.resetKey(key).catch(() => undefined);
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const store = this.active ?? (await this.ready());
    if (store) {
      try {
        return await store.get(key);
      } catch {
        // Answer from memory below.
      }
    }
    return this.memory.get(key);
  }

  shutdown(): void {
    this.memory.shutdown();
  }
}
