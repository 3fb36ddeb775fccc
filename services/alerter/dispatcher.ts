import type { Logger } from "../lib/logger";
import { escapeHtml } from "../lib/telegram/telegram-api";
import type { Cooldown } from "./cooldown";
import type { AlerterMetrics } from "./metrics";
import type { Notice } from "./notices";

/**
 * Every notice goes through here to the admin chat: nothing when TELEGRAM_ENABLED or
 * TELEGRAM_NOTIFY_ERROR is off, once per cooldown for the same alert and state, counted either way.
 */

export interface DispatchSettings {
  readonly enabled: boolean;
  readonly notifyError: boolean;
}

export type SendHtml = (html: string) => Promise<void>;

const ICON = { firing: { critical: "🔴", warning: "🟠", info: "🔵" }, resolved: "✅" } as const;

export function formatNotice(n: Notice): string {
  const icon = n.status === "resolved" ? ICON.resolved : ICON.firing[n.severity];
  const lines = [`${icon} <b>${n.status.toUpperCase()}</b> · ${n.severity}`, `<b>${escapeHtml(n.title)}</b>`, escapeHtml(n.summary)];
  if (n.description && n.description !== n.summary) lines.push(`<i>${escapeHtml(n.description)}</i>`);
  return lines.join("\n");
}

/** Counts since the last daily summary. */
export interface Tally {
  fired: number;
  resolved: number;
  suppressed: number;
  failed: number;
}

export class Dispatcher {
  private tally: Tally = { fired: 0, resolved: 0, suppressed: 0, failed: 0 };

  constructor(
    private readonly o: { settings: DispatchSettings; cooldown: Cooldown; send: SendHtml; metrics: AlerterMetrics; logger: Logger },
  ) {}

  /** Sends what may be sent; resolves to the number that could not be sent (the caller may retry them). */
  async deliver(notices: readonly Notice[]): Promise<number> {
    let failed = 0;
    for (const n of notices) {
      const skip = !this.o.settings.enabled ? "disabled" : !this.o.settings.notifyError ? "notify_error_off" : !this.o.cooldown.take(n.key, n.status) ? "cooldown" : undefined;
      if (skip) {
        this.o.metrics.suppressed.inc({ reason: skip });
        this.tally.suppressed++;
        continue;
      }
      try {
        await this.o.send(formatNotice(n));
        this.o.metrics.delivered.inc({ source: n.source, status: n.status, severity: n.severity });
        if (n.status === "firing") this.tally.fired++;
        else this.tally.resolved++;
      } catch (err) {
        failed++;
        this.tally.failed++;
        this.o.metrics.suppressed.inc({ reason: "send_failed" });
        this.o.logger.error({ err, alert: n.key }, "alert not delivered to Telegram");
      }
    }
    return failed;
  }

  /** The counts since the last call, and starts counting afresh. */
  takeTally(): Tally {
    const t = this.tally;
    this.tally = { fired: 0, resolved: 0, suppressed: 0, failed: 0 };
    return t;
  }
}
