import type { Queryable } from "../database";
import { isUuid } from "../paging";

/**
 * Reading feedback: one per reading and account (a second submission replaces the first).
 *
 *   upsert({ readingId, userId, rating, sectionFeedback, textFeedback })   { feedback, created }
 *       InvalidInputError("rating") outside 1..5, ("reading_id") for a missing reading
 *   listForReading(readingId)
 *   stats()    count, average, distribution, average per reading type, helpful share per section
 */

export interface Feedback {
  readonly id: string;
  readonly readingId: string;
  readonly userId: string;
  readonly rating: number;
  /** Section name -> helpful or not. */
  readonly sectionFeedback: Record<string, boolean>;
  readonly textFeedback: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface FeedbackInput {
  readonly readingId: string;
  readonly userId: string;
  readonly rating: number;
  readonly sectionFeedback?: Readonly<Record<string, boolean>>;
  readonly textFeedback?: string | null;
}

export interface FeedbackStats {
  readonly total: number;
  readonly averageRating: number | null;
  /** "1".."5" -> count */
  readonly distribution: Record<string, number>;
  readonly byReadingType: Record<string, { count: number; averageRating: number }>;
  /** Section -> percentage (0..100) of answers that found it helpful. */
  readonly sectionHelpfulPct: Record<string, number>;
}

interface FeedbackRow {
  id: string;
  reading_id: string;
  user_id: string;
  rating: number;
  section_feedback: Record<string, boolean>;
  text_feedback: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = "f.id, f.reading_id, f.user_id, f.rating, f.section_feedback, f.text_feedback, f.created_at, f.updated_at";

const toFeedback = (r: FeedbackRow): Feedback => ({
  id: r.id,
  readingId: r.reading_id,
  userId: r.user_id,
  rating: r.rating,
  sectionFeedback: r.section_feedback,
  textFeedback: r.text_feedback,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class FeedbackRepository {
  constructor(private readonly q: Queryable) {}

  async upsert(input: FeedbackInput): Promise<{ feedback: Feedback; created: boolean }> {
    const { rows } = await this.q.query<FeedbackRow & { created: boolean }>(
      `INSERT INTO oracle_reading_feedback AS f (reading_id, user_id, rating, section_feedback, text_feedback)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (reading_id, user_id) DO UPDATE
          SET rating = EXCLUDED.rating, section_feedback = EXCLUDED.section_feedback, text_feedback = EXCLUDED.text_feedback
       RETURNING ${COLUMNS}, (xmax = 0) AS created`,
      [input.readingId, input.userId, input.rating, JSON.stringify(input.sectionFeedback ?? {}), input.textFeedback ?? null],
    );
    const row = rows[0]!;
    return { feedback: toFeedback(row), created: row.created };
  }

  async listForReading(readingId: string): Promise<Feedback[]> {
    if (!isUuid(readingId)) return [];
    const { rows } = await this.q.query<FeedbackRow>(`SELECT ${COLUMNS} FROM oracle_reading_feedback f WHERE f.reading_id = $1 ORDER BY f.created_at`, [readingId]);
    return rows.map(toFeedback);
  }

  async stats(): Promise<FeedbackStats> {
    const { rows } = await this.q.query<{
      total: number;
      average: number | null;
      distribution: Record<string, number> | null;
      by_type: Record<string, { count: number; averageRating: number }> | null;
      sections: Record<string, number> | null;
    }>(
      `SELECT (SELECT count(*) FROM oracle_reading_feedback) AS total,
              (SELECT avg(rating) FROM oracle_reading_feedback) AS average,
              (SELECT jsonb_object_agg(rating, n) FROM (SELECT rating, count(*) AS n FROM oracle_reading_feedback GROUP BY 1) t) AS distribution,
              (SELECT jsonb_object_agg(reading_type, jsonb_build_object('count', n, 'averageRating', a))
                 FROM (SELECT r.reading_type, count(*) AS n, round(avg(f.rating), 2) AS a
                         FROM oracle_reading_feedback f JOIN oracle_readings r ON r.id = f.reading_id GROUP BY 1) t) AS by_type,
              (SELECT jsonb_object_agg(key, pct)
                 FROM (SELECT e.key, round(100.0 * count(*) FILTER (WHERE e.value = 'true'::jsonb) / count(*), 1) AS pct
                         FROM oracle_reading_feedback f, jsonb_each(f.section_feedback) e GROUP BY 1) t) AS sections`,
    );
    const s = rows[0]!;
    const distribution: Record<string, number> = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, ...(s.distribution ?? {}) };
    return {
      total: s.total,
      averageRating: s.average === null ? null : Math.round(s.average * 100) / 100,
      distribution,
      byReadingType: s.by_type ?? {},
      sectionHelpfulPct: s.sections ?? {},
    };
  }
}
