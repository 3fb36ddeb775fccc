import { Cron } from "croner";
import { BACKUP_TYPES, type BackupType } from "../lib/backup-kinds";
import type { Logger } from "../lib/logger";

/**
 * When each kind of backup is due, by its cron expression (UTC, croner), and a loop that waits
 * for the next one and runs it. Runs never overlap: a run that is still going when the next one
 * falls due delays it. The clock is injected, so a test moves time instead of waiting for it.
 */

export interface Clock {
  now(): Date;
  /** Resolves after ms, or rejects with an AbortError when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      // setTimeout caps at 2^31-1 ms (about 24.8 days); the loop sleeps again after waking early.
      const timer = setTimeout(resolve, Math.min(ms, 2_147_483_647));
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(signal.reason);
      }, { once: true });
    }),
};

export interface Due {
  readonly kind: BackupType;
  readonly at: Date;
}

/** The next due run of every kind after `from`, earliest first. */
export function nextRuns(schedules: Readonly<Record<BackupType, string>>, from: Date): Due[] {
  const out: Due[] = [];
  for (const kind of BACKUP_TYPES) {
    const at = new Cron(schedules[kind], { timezone: "UTC", paused: true }).nextRun(from);
    if (at) out.push({ kind, at });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime() || BACKUP_TYPES.indexOf(a.kind) - BACKUP_TYPES.indexOf(b.kind));
}

export interface SchedulerOptions {
  readonly schedules: Readonly<Record<BackupType, string>>;
  readonly run: (kind: BackupType, dueAt: Date, signal: AbortSignal) => Promise<void>;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

export class BackupScheduler {
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  private readonly clock: Clock;

  constructor(private readonly o: SchedulerOptions) {
    this.clock = o.clock ?? systemClock;
  }

  /** What fires next (for logs and /ready). */
  upcoming(): Due[] {
    return nextRuns(this.o.schedules, this.clock.now());
  }

  start(): void {
    this.loop ??= this.runLoop().catch((err: unknown) => {
      if (!this.abort.signal.aborted) this.o.logger?.error({ err }, "backup scheduler stopped");
    });
  }

  /** Stops waiting, aborts a run in progress (its partial file is removed), resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.abort.abort(new Error("backup scheduler stopping"));
    await this.loop;
  }

  private async runLoop(): Promise<void> {
    const signal = this.abort.signal;
    let from = this.clock.now();
    while (!signal.aborted) {
      const due = nextRuns(this.o.schedules, from);
      if (due.length === 0) return;
      const at = due[0].at;
      // Every kind due at that instant runs, one after the other.
      const batch = due.filter((d) => d.at.getTime() === at.getTime());
      this.o.logger?.info({ kinds: batch.map((d) => d.kind), at: at.toISOString() }, "next backup");
      for (;;) {
        const wait = at.getTime() - this.clock.now().getTime();
        if (wait <= 0) break;
        await this.clock.sleep(wait, signal);
      }
      for (const d of batch) {
        if (signal.aborted) return;
        try {
          await this.o.run(d.kind, at, signal);
        } catch (err) {
          // The run records its own failure (metrics, audit, admin chat); the schedule goes on.
          this.o.logger?.error({ kind: d.kind, err: (err as Error).message }, "scheduled backup failed");
        }
      }
      // Next: strictly after this instant. One that fell due while a run overran starts at once.
      from = at;
    }
  }
}
