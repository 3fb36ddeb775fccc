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

/** Why an alert was not sent (the reason label of the suppressed counter). */
export type HeldBackReason = "disabled" | "notify_error_off" | "cooldown" | "send_failed";

/** What happened since the last daily summary. */
export interface Tally {
  fired: number;
  resolved: number;
  /** Not sent, by reason (send_failed: Telegram did not take it). */
  heldBack: Record<HeldBackReason, number>;
  /** The titles of the alerts that fired, sent or not, each once, in the order first seen. */
  firing: string[];
}

export const emptyTally = (): Tally => ({ fired: 0, resolved: 0, heldBack: { disabled: 0, notify_error_off: 0, cooldown: 0, send_failed: 0 }, firing: [] });

/** Both tallies in one: a summary that could not be sent is told with the next one. */
export function mergeTally(a: Tally, b: Tally): Tally {
  const heldBack = { ...a.heldBack };
  for (const [k, v] of Object.entries(b.heldBack) as Array<[HeldBackReason, number]>) heldBack[k] += v;
  return { fired: a.fired + b.fired, resolved: a.resolved + b.resolved, heldBack, firing: [...new Set([...a.firing, ...b.firing])] };
}

export class Dispatcher {
  private tally: Tally = emptyTally();

  constructor(
    private readonly o: { settings: DispatchSettings; cooldown: Cooldown; send: SendHtml; metrics: AlerterMetrics; logger: Logger },
  ) {}

  /** Sends what may be sent; resolves to the number that could not be sent (the caller may retry them). */
  async deliver(notices: readonly Notice[]): Promise<number> {
    let failed = 0;
    for (const n of notices) {
      if (n.status === "firing" && !this.tally.firing.includes(n.title)) this.tally.firing.push(n.title);
      const skip: HeldBackReason | undefined = !this.o.settings.enabled ? "disabled" : !this.o.settings.notifyError ? "notify_error_off" : !this.o.cooldown.take(n.key, n.status) ? "cooldown" : undefined;
      if (skip) {
        this.o.metrics.suppressed.inc({ reason: skip });
        this.tally.heldBack[skip]++;
        continue;
      }
      try {
        await this.o.send(formatNotice(n));
        this.o.metrics.delivered.inc({ source: n.source, status: n.status, severity: n.severity });
        if (n.status === "firing") this.tally.fired++;
        else this.tally.resolved++;
      } catch (err) {
        failed++;
        this.tally.heldBack.send_failed++;
        this.o.metrics.suppressed.inc({ reason: "send_failed" });
        this.o.logger.error({ err, alert: n.key }, "alert not delivered to Telegram");
      }
    }
    return failed;
  }

  /** The counts since the last call, and starts counting afresh. */
  takeTally(): Tally {
    const t = this.tally;
    this.tally = emptyTally();
    return t;
  }

  /** Puts back counts taken for a summary that could not be sent. */
  restoreTally(t: Tally): void {
    this.tally = mergeTally(t, this.tally);
  }
}
