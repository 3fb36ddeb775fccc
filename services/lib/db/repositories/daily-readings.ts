import type { Queryable } from "../database";
import { isUuid, Params, type Viewer } from "../paging";

/**
 * The daily reading of a profile: one per profile and date, pointing at a reading of type
 * "daily" in oracle_readings (which holds the content, encrypted like any reading).
 *
 *   find(profileId, date, viewer)       the reading id on record, or null (none, deleted, or not the viewer's)
 *   record(profileId, date, readingId, { replace })
 *       claims the date for the reading; when another live reading already holds it and replace
 *       is false, that one stays. Resolves to the reading id now on record, so two requests
 *       racing to generate the same day agree on one answer.
 *
 *   missing(date)   every live profile of an active account with no live daily reading for the date
 *   recordRun(date, counts)   the catch-up's pass of the date finished with no failure (daily_reading_runs)
 *   runsOnRecord(since)       the first day ever on record, and the days on record from `since` on
 *
 * Typical use by a caller: find; if null, generate, readings.create, then record and use the id
 * it returns.
 */

export class DailyReadingsRepository {
  constructor(private readonly q: Queryable) {}

  async find(profileId: string, date: string, viewer: Viewer): Promise<{ readingId: string; createdAt: Date } | null> {
    if (!isUuid(profileId)) return null;
    const p = new Params();
    const { rows } = await this.q.query<{ reading_id: string; created_at: Date }>(
      `SELECT d.reading_id, d.created_at
         FROM oracle_daily_readings d JOIN oracle_readings r ON r.id = d.reading_id
        WHERE d.profile_id = ${p.add(profileId)} AND d.reading_date = ${p.add(date)} AND r.deleted_at IS NULL
          ${viewer.seesAll ? "" : `AND r.owner_id = ${p.add(viewer.userId)}`}`,
      p.values,
    );
    return rows[0] ? { readingId: rows[0].reading_id, createdAt: rows[0].created_at } : null;
  }

  async record(profileId: string, date: string, readingId: string, options: { replace?: boolean } = {}): Promise<string> {
    const { rows } = await this.q.query<{ reading_id: string }>(
      `WITH claimed AS (
         INSERT INTO oracle_daily_readings AS d (profile_id, reading_date, reading_id) VALUES ($1, $2, $3)
         ON CONFLICT (profile_id, reading_date) DO UPDATE
            SET reading_id = EXCLUDED.reading_id, created_at = now()
          WHERE $4 OR NOT EXISTS (SELECT 1 FROM oracle_readings r WHERE r.id = d.reading_id AND r.deleted_at IS NULL)
         RETURNING d.reading_id)
       SELECT reading_id FROM claimed
       UNION ALL
       SELECT reading_id FROM oracle_daily_readings
        WHERE profile_id = $1 AND reading_date = $2 AND NOT EXISTS (SELECT 1 FROM claimed)`,
      [profileId, date, readingId, options.replace ?? false],
    );
    if (rows[0]) return rows[0].reading_id;
    // A racing insert committed after this statement's snapshot: read what it recorded.
    const again = await this.q.query<{ reading_id: string }>(
      `SELECT reading_id FROM oracle_daily_readings WHERE profile_id = $1 AND reading_date = $2`,
      [profileId, date],
    );
    return again.rows[0]?.reading_id ?? readingId;
  }

  async missing(date: string): Promise<Array<{ profileId: string; ownerId: string }>> {
    const { rows } = await this.q.query<{ id: string; owner_id: string }>(
      `SELECT p.id, p.owner_id
         FROM oracle_users p JOIN users u ON u.id = p.owner_id AND u.is_active
        WHERE p.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM oracle_daily_readings d JOIN oracle_readings r ON r.id = d.reading_id AND r.deleted_at IS NULL
                           WHERE d.profile_id = p.id AND d.reading_date = $1)
        ORDER BY p.created_at, p.id`,
      [date],
    );
    return rows.map((r) => ({ profileId: r.id, ownerId: r.owner_id }));
  }

  async recordRun(date: string, counts: { generated: number; existing: number }): Promise<void> {
    await this.q.query(
      `INSERT INTO daily_reading_runs (run_date, generated, existing) VALUES ($1, $2, $3)
       ON CONFLICT (run_date) DO UPDATE SET finished_at = now(),
         generated = daily_reading_runs.generated + EXCLUDED.generated, existing = daily_reading_runs.existing + EXCLUDED.existing`,
      [date, counts.generated, counts.existing],
    );
  }

  async runsOnRecord(since: string): Promise<{ first: string | null; dates: string[] }> {
    const { rows } = await this.q.query<{ first: string | null; dates: string[] }>(
      `SELECT (SELECT min(run_date)::text FROM daily_reading_runs) AS first,
              ARRAY(SELECT run_date::text FROM daily_reading_runs WHERE run_date >= $1 ORDER BY run_date) AS dates`,
      [since],
    );
    return { first: rows[0]?.first ?? null, dates: rows[0]?.dates ?? [] };
  }
}
