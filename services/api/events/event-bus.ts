import { randomUUID } from "node:crypto";
import type { Logger } from "../../lib/logger";
import type { RedisConnection } from "../../lib/cache/redis-connection";

/**
 * What a user's WebSocket receives. Readings publish `reading_started`, `reading_progress`
 * (data.step, data.progress 0..100, data.message), then `reading_complete` or `reading_failed`.
 */
export interface UserEvent {
  readonly event: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export type UserEventListener = (event: UserEvent) => void;

interface RelayedEvent {
  readonly origin: string;
  readonly userId: string;
  readonly event: UserEvent;
}

/**
 * Per-user delivery of events to whoever listens in this process (the WebSocket server). With a
 * Redis relay attached, events also cross to the other API replicas, so a reading computed by one
 * replica reaches the user's socket held by another; without Redis, delivery stays local.
 */
export class EventBus {
  private readonly listeners = new Map<string, Set<UserEventListener>>();
  private relay: ((message: RelayedEvent) => void) | undefined;
  private readonly origin = randomUUID();

  constructor(private readonly logger: Logger) {}

  subscribe(userId: string, listener: UserEventListener): () => void {
    let set = this.listeners.get(userId);
    if (!set) {
      set = new Set();
      this.listeners.set(userId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  publish(userId: string, event: UserEvent): void {
    this.deliver(userId, event);
    this.relay?.({ origin: this.origin, userId, event });
  }

  /** Number of local listeners of one user (for tests and the detailed health view). */
  listenerCount(userId?: string): number {
    if (userId !== undefined) return this.listeners.get(userId)?.size ?? 0;
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  private deliver(userId: string, event: UserEvent): void {
    const set = this.listeners.get(userId);
    if (!set) return;
    for (const listener of set) {
      try {
        listener(event);
      } catch (err) {
        this.logger.warn({ err }, "event listener failed");
      }
    }
  }

  /**
   * Relays events through Redis pub/sub: `publisher` is the shared connection, `subscriber` a
   * dedicated one (a subscribed Redis connection can do nothing else). Returns a detach function.
   */
  attachRedis(publisher: RedisConnection, subscriber: RedisConnection, channel = "nps:events"): () => Promise<void> {
    const onMessage = (ch: string, raw: string) => {
      if (ch !== channel) return;
      let message: RelayedEvent;
      try {
        message = JSON.parse(raw) as RelayedEvent;
      } catch {
        return;
      }
      if (message.origin !== this.origin && typeof message.userId === "string") this.deliver(message.userId, message.event);
    };
    const subscribe = () => {
      subscriber.client.subscribe(channel).catch((err: unknown) => this.logger.warn({ err }, "event relay could not subscribe"));
    };
    subscriber.client.on("message", onMessage);
    subscriber.on("up", subscribe);
    if (subscriber.isUp) subscribe();
    this.relay = (message) => {
      if (!publisher.isUp) return;
      publisher.client.publish(channel, JSON.stringify(message)).catch((err: unknown) => this.logger.debug({ err }, "event not relayed"));
    };
    return async () => {
      this.relay = undefined;
      subscriber.off("up", subscribe);
      subscriber.client.off("message", onMessage);
      await subscriber.close();
    };
  }
}
