import { EventEmitter } from "node:events";
import { Redis } from "ioredis";
import type { Logger } from "../logger";

/** How long a command may take before the caller falls back to memory. */
const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 2_000;
/** Reconnect backoff ceiling: Redis coming back is noticed within this many milliseconds. */
const MAX_RETRY_DELAY_MS = 2_000;

export interface RedisConnectionEvents {
  up: [];
  down: [reason: string];
}

/**
 * One ioredis client whose health the rest of the API can read synchronously. Commands fail fast
 * while it is disconnected (no offline queue), so callers fall back to memory at once instead of
 * waiting; ioredis keeps reconnecting in the background and `up` fires when Redis is back.
 */
export class RedisConnection extends EventEmitter<RedisConnectionEvents> {
  readonly client: Redis;
  private lastError = "connecting";
  private wasUp = false;
  private closing = false;
  private readonly name: string;

  constructor(
    readonly url: string,
    private readonly logger: Logger,
    options: { readonly name?: string } = {},
  ) {
    super();
    this.name = options.name ?? "nps-api";
    this.client = new Redis(url, {
      connectionName: this.name,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: CONNECT_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(100 * attempt, MAX_RETRY_DELAY_MS),
      lazyConnect: true,
      // Commands issued in the same tick (a request's revocation check beside another's rate-limit
      // count) share one write to the socket.
      enableAutoPipelining: true,
    });
    this.client.on("ready", () => {
      this.lastError = "";
      if (!this.wasUp) {
        this.wasUp = true;
        this.logger.info({ redis: redacted(url), connection: this.name }, "redis connected");
        this.emit("up");
      }
    });
    this.client.on("error", (err: Error) => {
      this.lastError = err.message || err.name;
    });
    this.client.on("close", () => {
      if (this.wasUp) {
        this.wasUp = false;
        if (!this.closing) this.logger.warn({ redis: redacted(url), connection: this.name, reason: this.lastError }, "redis lost; cache, revocations and rate limits continue in memory");
        this.emit("down", this.lastError || "connection closed");
      }
    });
  }

  /** Starts connecting; resolves once connected or once the first attempt failed (the service starts either way). */
  async start(): Promise<void> {
    try {
      await this.client.connect();
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      this.logger.warn({ redis: redacted(this.url), reason: this.lastError }, "redis unavailable at start; running in memory until it answers");
    }
  }

  get isUp(): boolean {
    return this.client.status === "ready";
  }

  /** Why Redis is not in use, for readiness reports; empty when it is up. */
  get downReason(): string {
    return this.isUp ? "" : this.lastError || this.client.status;
  }

  /** Memory Redis reports using (INFO memory), or undefined when it does not answer. */
  async memoryUsage(): Promise<{ usedBytes: number; human: string } | undefined> {
    if (!this.isUp) return undefined;
    try {
      const info = await this.client.info("memory");
      const used = /^used_memory:(\d+)/m.exec(info)?.[1];
      const human = /^used_memory_human:(\S+)/m.exec(info)?.[1];
      return used ? { usedBytes: Number(used), human: human ?? `${used}B` } : undefined;
    } catch {
      return undefined;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.client.status === "end") return;
    try {
      if (this.isUp) await this.client.quit();
      else this.client.disconnect();
    } catch {
      this.client.disconnect();
    }
  }
}

/** The URL without its password, for log lines. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "redis";
  }
}
