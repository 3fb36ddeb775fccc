/**
 * The INSERT statements of new readings (oracle_readings, and oracle_reading_users for the
 * profiles of a multi reading), for one reading or for a batch of readings created together.
 * Both return, per reading, its row without the sealed parts and its profile ids in order.
 */

/** A new reading ready to be written: its columns in INSERT order, sealed and checked. */
export interface PreparedReading {
  readonly id: string;
  /** The plaintext of the question and the AI text as stored (empty strings as null). */
  readonly question: string | null;
  readonly aiInterpretation: string | null;
  /** id, owner_id, profile_id, reading_type, sign_value, numerology_system, locale, input, result, question, ai_interpretation, confidence_score, search terms, search blind tokens. */
  readonly columns: readonly unknown[];
  readonly profileIds: readonly string[];
  readonly primaryIndex: number;
}

/** Readings per batch statement: 14 parameters each, well below PostgreSQL's 65,535. */
export const MAX_CREATE_BATCH = 64;

const COLUMNS = `id, owner_id, profile_id, reading_type, sign_value, numerology_system, locale, input, result,
                 question, ai_interpretation, confidence_score, search_terms, search_blind`;

const RETURNED = `r.id, r.owner_id, r.profile_id, r.reading_type, r.sign_value, r.numerology_system, r.locale,
              r.confidence_score, r.is_favorite, r.created_at, r.updated_at, r.deleted_at`;

/** One reading: the columns as $1..$14, its profile ids as $15 and the primary index as $16. */
export const INSERT_ONE = `WITH r AS (
         INSERT INTO oracle_readings (${COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, array_to_tsvector($13::text[]), array_to_tsvector($14::text[]))
         RETURNING *),
       ru AS (
         INSERT INTO oracle_reading_users (reading_id, profile_id, position, is_primary)
         SELECT r.id, p.profile_id, p.ord - 1, p.ord - 1 = $16
           FROM r, unnest($15::uuid[]) WITH ORDINALITY AS p(profile_id, ord)
         RETURNING profile_id, position)
       SELECT ${RETURNED},
              (SELECT array_agg(ru.profile_id ORDER BY ru.position) FROM ru) AS profile_ids
         FROM r`;

/** The placeholders of one reading's row in a multi-row VALUES, its parameters starting after `offset`. */
function valuesRow(offset: number): string {
  const $ = (n: number) => `$${offset + n}`;
  return `(${$(1)}::uuid, ${$(2)}::uuid, ${$(3)}::uuid, ${$(4)}::text, ${$(5)}::text, ${$(6)}::text, ${$(7)}::text, ${$(8)}::jsonb, ${$(9)}::jsonb, ` +
    `${$(10)}::text, ${$(11)}::text, ${$(12)}::double precision, array_to_tsvector(${$(13)}::text[]), array_to_tsvector(${$(14)}::text[]))`;
}

/** Several readings in one statement; the rows come back in any order (match them by id). */
export function insertManyStatement(batch: readonly PreparedReading[]): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const rows: string[] = [];
  const links = { reading: [] as string[], profile: [] as string[], position: [] as number[], primary: [] as boolean[] };
  for (const reading of batch) {
    rows.push(valuesRow(values.length));
    for (const column of reading.columns) values.push(column);
    reading.profileIds.forEach((profileId, position) => {
      links.reading.push(reading.id);
      links.profile.push(profileId);
      links.position.push(position);
      links.primary.push(position === reading.primaryIndex);
    });
  }
  const n = values.length;
  values.push(links.reading, links.profile, links.position, links.primary);
  const text = `WITH r AS (
         INSERT INTO oracle_readings (${COLUMNS})
         VALUES ${rows.join(",\n                ")}
         RETURNING *),
       ru AS (
         INSERT INTO oracle_reading_users (reading_id, profile_id, position, is_primary)
         SELECT r.id, p.profile_id, p.position, p.is_primary
           FROM r JOIN unnest($${n + 1}::uuid[], $${n + 2}::uuid[], $${n + 3}::smallint[], $${n + 4}::boolean[]) AS p(reading_id, profile_id, position, is_primary)
             ON p.reading_id = r.id
         RETURNING reading_id, profile_id, position)
       SELECT ${RETURNED},
              (SELECT array_agg(ru.profile_id ORDER BY ru.position) FROM ru WHERE ru.reading_id = r.id) AS profile_ids
         FROM r`;
  return { text, values };
}
