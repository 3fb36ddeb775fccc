import { createHash } from "node:crypto";
import { SYSTEM_VIEWER } from "../lib/db/paging";
import type { Database } from "../lib/db/database";
import type { Repositories } from "../lib/db/repositories";
import type { Logger } from "../lib/logger";
import type { OracleClient } from "../oracle/client";
import { dailyReading, type ReadingEnv } from "../api/oracle/reading-runner";
import { readSetting } from "../api/settings/setting-values";

/**
 * One pass of the daily readings for a date: every live profile of an active account that has no
 * daily reading for that date gets one, stored encrypted like any reading and owned by the
 * profile's owner. Exactly once per profile and date however many schedulers run at once: a
 * PostgreSQL advisory lock per date makes a second pass wait for the first and then find nothing
 * left to do, and the table's unique key (profile, date) stands behind it. A pass of the
 * catch-up (`record`) that finishes with no failure puts its date on record (daily_reading_runs),
 * which is how a catch-up knows the days that were missed. A pass for a day asked by hand
 * (`nps daily-readings --date`) is not on record: its day, tomorrow or a year gone, would move
 * the first day the catch-up counts from.
 */

export interface DailyRunDeps {
  readonly db: Database;
  readonly repos: Repositories;
  readonly oracle: OracleClient;
  readonly logger: Logger;
  /** Counts readings as they are stored. */
  readonly onReading?: (outcome: "generated" | "existing" | "failed") => void;
}

export interface DailyRunSummary {
  readonly date: string;
  /** Profiles without a reading for the date when this pass got the lock. */
  readonly missing: number;
  readonly generated: number;
  /** Made meanwhile by someone else (the bot's /daily, the web page, another pass). */
  readonly existing: number;
  readonly failed: number;
}

/** Namespace of the advisory locks of daily runs (the second key is the date). */
const LOCK_NAMESPACE = 7_431_011;
const dateKey = (date: string): number => createHash("sha256").update(date).digest().readInt32BE(0);

export interface DailyRunOptions {
  /** Put the date on record when the pass has no failure: set by the catch-up only. */
  readonly record?: boolean;
}

export async function runDailyReadings(deps: DailyRunDeps, date: string, options: DailyRunOptions = {}): Promise<DailyRunSummary> {
  const lock = await deps.db.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1, $2)", [LOCK_NAMESPACE, dateKey(date)]);
    const missing = await deps.repos.daily.missing(date);
    const env: ReadingEnv = { deps: { repos: deps.repos, oracle: deps.oracle }, metrics: { readingsStored: { inc: () => undefined } }, publish: () => undefined };
    let generated = 0;
    let existing = 0;
    let failed = 0;
    for (const { profileId, ownerId } of missing) {
      try {
        const locale = await readSetting(deps.repos.settings, ownerId, "locale");
        const outcome = await dailyReading(env, { userId: ownerId, viewer: SYSTEM_VIEWER }, profileId, { date, include_ai: true, locale });
        if (outcome.created) generated++;
        else existing++;
        deps.onReading?.(outcome.created ? "generated" : "existing");
      } catch (err) {
        failed++;
        deps.onReading?.("failed");
        deps.logger.warn({ err, profileId, date }, "daily reading failed");
      }
    }
    // On record only when every profile has its reading: a day with a failure is filled in again.
    if (options.record === true && failed === 0) await deps.repos.daily.recordRun(date, { generated, existing });
    return { date, missing: missing.length, generated, existing, failed };
  } finally {
    await lock.query("SELECT pg_advisory_unlock($1, $2)", [LOCK_NAMESPACE, dateKey(date)]).catch(() => undefined);
    lock.release();
  }
}
