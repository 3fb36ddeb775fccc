import { RateLimiterMemory } from "rate-limiter-flexible";

/**
 * The bot's two limits, per chat: messages per minute (TELEGRAM_RATE_LIMIT, 20) and readings per
 * hour (10; only readings that were made count). Counted in this process: one bot replica polls
 * Telegram at a time, so every message of a chat passes the same counters.
 */

export const READINGS_PER_HOUR = 10;

export class MessageLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(readonly perMinute: number) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  /** "ok"; "first-over" for the first message over the limit (answer it once); "over" after that (stay quiet). */
  async take(chatId: number): Promise<"ok" | "first-over" | "over"> {
    try {
      await this.limiter.consume(String(chatId));
      return "ok";
    } catch (res) {
      const consumed = (res as { consumedPoints?: number }).consumedPoints ?? 0;
      return consumed === this.perMinute + 1 ? "first-over" : "over";
    }
  }
}

export class ReadingLimiter {
  private readonly limiter = new RateLimiterMemory({ points: READINGS_PER_HOUR, duration: 3600 });

  async allowed(chatId: number): Promise<boolean> {
    const res = await this.limiter.get(String(chatId));
    return (res?.consumedPoints ?? 0) < READINGS_PER_HOUR;
  }

  /** Counts one reading that was made. */
  async record(chatId: number): Promise<void> {
    await this.limiter.penalty(String(chatId), 1);
  }
}
