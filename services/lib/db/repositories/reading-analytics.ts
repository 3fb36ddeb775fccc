import type { Queryable } from "../database";
import { InvalidInputError } from "../../errors";

/**
 * Platform-wide reading analytics for the admin health view (/api/health/analytics), in one
 * round trip over the last `days` days (UTC):
 *
 *   readingAnalytics(q, days, now?)
 *
 * Counts only live readings (not soft-deleted); confidence is the 0..100 stored score.
 */

export interface ReadingAnalytics {
  readonly periodDays: number;
  readonly perDay: { date: string; count: number; avgConfidence: number | null }[];
  readonly byType: { type: string; count: number }[];
  readonly byHour: { hour: number; count: number }[];
  readonly total: number;
  readonly avgConfidence: number | null;
  /** Failed actions in the audit log over the same period. */
  readonly failures: number;
}

export const ANALYTICS_MAX_DAYS = 365;

export async function readingAnalytics(q: Queryable, days: number, now: Date = new Date()): Promise<ReadingAnalytics> {
  if (!Number.isInteger(days) || days < 1 || days > ANALYTICS_MAX_DAYS) {
    throw new InvalidInputError("days", `must be a whole number from 1 to ${ANALYTICS_MAX_DAYS}`);
  }
  const { rows } = await q.query<{
    per_day: { date: string; count: number; avg_confidence: number | null }[];
    by_type: { type: string; count: number }[];
    by_hour: { hour: number; count: number }[];
    total: number;
    avg_confidence: number | null;
    failures: number;
  }>(
    `WITH r AS (SELECT reading_type, confidence_score, created_at AT TIME ZONE 'UTC' AS at
                  FROM oracle_readings
                 WHERE deleted_at IS NULL AND created_at >= $1::timestamptz - make_interval(days => $2::int))
     SELECT coalesce((SELECT jsonb_agg(jsonb_build_object('date', d, 'count', n, 'avg_confidence', c) ORDER BY d)
                        FROM (SELECT to_char(at, 'YYYY-MM-DD') AS d, count(*) AS n, round(avg(confidence_score)::numeric, 2) AS c
                                FROM r GROUP BY 1) t), '[]') AS per_day,
            coalesce((SELECT jsonb_agg(jsonb_build_object('type', reading_type, 'count', n) ORDER BY n DESC, reading_type)
                        FROM (SELECT reading_type, count(*) AS n FROM r GROUP BY 1) t), '[]') AS by_type,
            coalesce((SELECT jsonb_agg(jsonb_build_object('hour', h, 'count', n) ORDER BY h)
                        FROM (SELECT extract(hour FROM at)::int AS h, count(*) AS n FROM r GROUP BY 1) t), '[]') AS by_hour,
            (SELECT count(*) FROM r) AS total,
            (SELECT round(avg(confidence_score)::numeric, 2) FROM r) AS avg_confidence,
            (SELECT count(*) FROM oracle_audit_log
              WHERE NOT success AND occurred_at >= $1::timestamptz - make_interval(days => $2::int)) AS failures`,
    [now, days],
  );
  const s = rows[0]!;
  return {
    periodDays: days,
    perDay: s.per_day.map((d) => ({ date: d.date, count: d.count, avgConfidence: d.avg_confidence })),
    byType: s.by_type,
    byHour: s.by_hour,
    total: s.total,
    avgConfidence: s.avg_confidence,
    failures: s.failures,
  };
}
