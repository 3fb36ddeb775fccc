import type { Logger } from "../lib/logger";
import { isUnreachableChat } from "../lib/telegram/telegram-api";
import { ApiCallError, type BotApiClient } from "./api-client";
import type { TelegramBot } from "./bot-app";
import { formatReading, readingUrl } from "./format";
import type { BotMetrics } from "./metrics";
import { textsOfChat } from "./text";

/**
 * The daily messages: each round asks the API which chats are due (their own delivery time has
 * come on their own clock, and today's has not gone out), claims each one (exactly one of any
 * number of bot replicas wins it), fetches the day's real reading and sends it. A user who
 * blocked the bot has daily delivery turned off; a failed send is released for the next round.
 */

export interface DeliveryRound {
  readonly sent: number;
  readonly blocked: number;
  readonly failed: number;
  /** Claimed by another sender, or nothing to send (no profile). */
  readonly skipped: number;
}

export class DailyDelivery {
  constructor(
    private readonly o: { client: BotApiClient; bot: TelegramBot; frontendUrl: string; metrics: BotMetrics; logger: Logger },
  ) {}

  async runOnce(): Promise<DeliveryRound> {
    const { client, bot, metrics, logger } = this.o;
    const round = { sent: 0, blocked: 0, failed: 0, skipped: 0 };
    const due = await client.pending();
    metrics.lastDeliveryRun.setToCurrentTime();
    for (const d of due) {
      if (!(await client.claim(d.chat_id, d.local_date))) {
        round.skipped++;
        continue;
      }
      try {
        const status = await client.chat(d.chat_id);
        const t = textsOfChat(status);
        const { date, profile, reading } = await client.dailyReading(d.chat_id, d.local_date);
        const html = formatReading(reading, t, this.o.frontendUrl, `${t.labels.dailyFor} ${profile.name} · ${date}`);
        await bot.send(d.chat_id, html, "daily", { inline_keyboard: [[{ text: t.labels.fullReading, url: readingUrl(this.o.frontendUrl, reading.id) }]] });
        metrics.dailyDelivered.inc();
        round.sent++;
      } catch (err) {
        if (isUnreachableChat(err)) {
          round.blocked++;
          logger.info({ chatId: d.chat_id }, "the chat blocked the bot; daily delivery turned off");
          await client.setPreferences(d.chat_id, { daily_enabled: false }).catch((e) => logger.warn({ err: e }, "could not turn daily delivery off"));
        } else if (err instanceof ApiCallError && err.status === 404) {
          // Unlinked meanwhile, or no profile to read for: nothing to send today.
          round.skipped++;
        } else {
          round.failed++;
          logger.warn({ err, chatId: d.chat_id }, "daily delivery failed; released for the next round");
          await client.release(d.chat_id, d.local_date).catch((e) => logger.warn({ err: e }, "could not release the delivery"));
        }
      }
    }
    if (due.length) logger.info(round, "daily delivery round");
    return round;
  }
}
