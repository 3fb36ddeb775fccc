import type { Logger } from "../lib/logger";
import { escapeHtml } from "../lib/telegram/telegram-api";
import { latestRunDate } from "../scheduler/schedule";
import type { SendHtml, Tally } from "./dispatcher";

/**
 * TELEGRAM_NOTIFY_DAILY: once a day at NPS_DAILY_SCHEDULER_HOUR:MINUTE UTC the admin chat is told
 * what happened since the last summary: the alerts sent, those held back and why, which alerts
 * fired, and what is unhealthy now. The clock is passed in; croner calls tick() at the time.
 */

/** At most this many alert titles are listed; the rest are counted. */
const MAX_TITLES = 10;

const HELD_BACK_WORDS: Record<keyof Tally["heldBack"], string> = {
  cooldown: "repeats within the cooldown",
  notify_error_off: "TELEGRAM_NOTIFY_ERROR off",
  disabled: "Telegram disabled",
  send_failed: "Telegram did not take them",
};

export function summaryText(tally: Tally, down: readonly string[]): string {
  const heldTotal = Object.values(tally.heldBack).reduce((a, b) => a + b, 0);
  const held = (Object.entries(tally.heldBack) as Array<[keyof Tally["heldBack"], number]>).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${HELD_BACK_WORDS[k]}`);
  const titles = tally.firing.slice(0, MAX_TITLES).map(escapeHtml);
  const more = tally.firing.length - titles.length;
  return [
    "<b>NPS daily summary</b>",
    `Alerts sent: ${tally.fired} firing, ${tally.resolved} resolved.`,
    `Held back: ${heldTotal}${held.length ? ` (${held.join(", ")})` : ""}.`,
    tally.firing.length ? `Fired: ${titles.join(", ")}${more > 0 ? ` and ${more} more` : ""}.` : "No alert fired.",
    down.length ? `Unhealthy now: ${escapeHtml(down.join(", "))}.` : "Every watched service answers healthy.",
  ].join("\n");
}

export interface DailySummaryOptions {
  readonly hourUtc: number;
  readonly minute: number;
  readonly now: () => Date;
  readonly takeTally: () => Tally;
  /** Gives back the counts of a summary that could not be sent. */
  readonly restoreTally: (t: Tally) => void;
  readonly down: () => readonly string[];
  readonly send: SendHtml;
  readonly logger: Logger;
}

export class DailySummary {
  /** The scheduled day last told (or current at start: a restart after the time does not tell it again). */
  private told: string;

  constructor(private readonly o: DailySummaryOptions) {
    this.told = latestRunDate(o.now(), o.hourUtc, o.minute);
  }

  /** Sends the summary when a scheduled time has come since the last one; resolves to whether it was sent. */
  async tick(): Promise<boolean> {
    const due = latestRunDate(this.o.now(), this.o.hourUtc, this.o.minute);
    if (due === this.told) return false;
    this.told = due;
    const tally = this.o.takeTally();
    try {
      await this.o.send(summaryText(tally, this.o.down()));
      return true;
    } catch (err) {
      this.o.restoreTally(tally);
      this.o.logger.warn({ err }, "daily summary not sent; its counts go into the next one");
      return false;
    }
  }
}
