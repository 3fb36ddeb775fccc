import { randomUUID } from "node:crypto";
import type { Locale, NumerologySystem, ReadingType } from "../../../contract";
import type { FieldCipher } from "../../crypto/field-cipher";
import { openJson, sealJson } from "../../crypto/sealed-json";
import type { Queryable } from "../database";
import { clampPage, isUuid, orderBy, Params, toPage, type Page, type PageRequest, type SortOrder, type Viewer } from "../paging";
import { searchColumns, searchQuery } from "../reading-search";
import { FieldError, InvalidInputError } from "../../errors";
import { WriteBatcher } from "../write-batcher";
import { INSERT_ONE, insertManyStatement, MAX_CREATE_BATCH, type PreparedReading } from "./reading-insert";

/**
 * Readings (oracle_readings, with oracle_reading_users for multi readings). Everything here
 * speaks plaintext; on the way in the question, the AI text and every copy of them (and of the
 * `secrets` given, such as mother names) inside `input` and `result` are encrypted, and the
 * search columns are filled (./reading-search.ts). Every read and write is filtered by the
 * viewer; another owner's reading looks missing (null / false).
 *
 *   create(input)                       one statement (reading + its profiles); returns the stored reading;
 *                                       with batchCreates, readings created together share one statement
 *   get(id, viewer)                     null when missing, deleted or not the viewer's
 *   list(viewer, filters)               type, profile, favourite, dates, full-text search, sort, paging;
 *                                       view "summary" leaves out input and result (cheaper pages)
 *   setFavorite(id, viewer, value?)     value omitted toggles; the new value, or null when not found
 *   softDelete(id, viewer)              true when deleted
 *   stats(viewer, now?)                 totals by type, month and weekday, favourites, streak...
 *   countCreatedSince(since)            all owners (admin and health views)
 */


type Json = Record<string, unknown>;

export interface NewReading {
  /** Defaults to a fresh UUID. */
  readonly id?: string;
  readonly ownerId: string;
  /** The profile read (for multi readings, the primary one). */
  readonly profileId?: string | null;
  readonly readingType: ReadingType;
  readonly signValue?: string | null;
  readonly numerologySystem?: NumerologySystem | null;
  readonly locale?: Locale;
  /** The request as given (minus what belongs elsewhere); sealed like the result. */
  readonly input?: Json;
  readonly result: Json;
  readonly question?: string | null;
  readonly aiInterpretation?: string | null;
  /** 0..100 */
  readonly confidenceScore?: number | null;
  /** Multi readings: every profile, in order; primaryIndex marks the primary one (default 0). */
  readonly profileIds?: readonly string[];
  readonly primaryIndex?: number;
  /** Public words to make searchable besides type and sign value (e.g. the profiles' names). */
  readonly searchTerms?: readonly string[];
  /** Private text that must never be stored in plaintext inside input or result (e.g. mother names). */
  readonly secrets?: readonly (string | null | undefined)[];
}

export interface Reading {
  readonly id: string;
  readonly ownerId: string;
  readonly profileId: string | null;
  readonly profileIds: string[];
  readonly readingType: ReadingType;
  readonly signValue: string | null;
  readonly numerologySystem: NumerologySystem | null;
  readonly locale: Locale;
  /** Empty objects in the "summary" view. */
  readonly input: Json;
  readonly result: Json;
  /** Summary view only: the stored result when it is the request a result is computed from. */
  readonly recipe?: Json;
  readonly question: string | null;
  readonly aiInterpretation: string | null;
  readonly confidenceScore: number | null;
  readonly isFavorite: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly deletedAt: Date | null;
}

export interface ReadingListQuery extends PageRequest {
  readonly readingType?: ReadingType;
  readonly profileId?: string;
  readonly isFavorite?: boolean;
  /** Inclusive bounds on created_at. */
  readonly dateFrom?: Date;
  readonly dateTo?: Date;
  readonly search?: string;
  readonly sortBy?: "created_at" | "confidence";
  readonly sortOrder?: SortOrder;
  readonly view?: "full" | "summary";
}

export interface ReadingStats {
  readonly total: number;
  readonly byType: Record<string, number>;
  /** The last 12 months that have readings, oldest first ("YYYY-MM"). */
  readonly byMonth: { month: string; count: number }[];
  readonly favorites: number;
  readonly today: number;
  readonly thisWeek: number;
  readonly thisMonth: number;
  readonly averageConfidence: number | null;
  readonly mostUsedType: string | null;
  /** Monday..Sunday with the most readings (UTC), or null with none. */
  readonly mostActiveDay: string | null;
  /** Consecutive days with a reading, ending today (or yesterday when none yet today). */
  readonly streakDays: number;
}

interface ReadingRow {
  id: string;
  owner_id: string;
  profile_id: string | null;
  profile_ids: string[] | null;
  reading_type: ReadingType;
  sign_value: string | null;
  numerology_system: NumerologySystem | null;
  locale: Locale;
  input: Json | null;
  result: Json | null;
  recipe?: Json | null;
  question: string | null;
  ai_interpretation: string | null;
  confidence_score: number | null;
  is_favorite: boolean;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

/** What an insert returns: the row without the sealed parts (the caller holds their plaintext). */
type CreatedRow = Omit<ReadingRow, "input" | "result" | "recipe" | "question" | "ai_interpretation">;

const TABLE = "oracle_readings";
const BASE_COLUMNS =
  "r.id, r.owner_id, r.profile_id, r.reading_type, r.sign_value, r.numerology_system, r.locale, r.question, r.ai_interpretation, r.confidence_score, r.is_favorite, r.created_at, r.updated_at, r.deleted_at";
const PROFILE_IDS = "(SELECT array_agg(ru.profile_id ORDER BY ru.position) FROM oracle_reading_users ru WHERE ru.reading_id = r.id) AS profile_ids";
const FULL = `${BASE_COLUMNS}, r.input, r.result, ${PROFILE_IDS}`;
// A result stored as what it is computed from (a few hundred bytes, marked by a "format" key) comes
// with the summary as `recipe`, so a preview can be told again from it; a whole stored result does not.
const SUMMARY = `${BASE_COLUMNS}, NULL::jsonb AS input, NULL::jsonb AS result, CASE WHEN r.result ? 'format' THEN r.result END AS recipe, ${PROFILE_IDS}`;

const SORTS = { created_at: "r.created_at", confidence: "r.confidence_score" } as const;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** The owner filter every query carries. */
function ownership(p: Params, viewer: Viewer): string {
  return viewer.seesAll ? "TRUE" : `r.owner_id = ${p.add(viewer.userId)}`;
}

export function readingLocation(id: string, column: string) {
  return { table: TABLE, column, rowId: id };
}

export class ReadingsRepository {
  /** Present when this repository writes through a pool: readings created together share one INSERT. */
  private readonly batcher: WriteBatcher<PreparedReading, CreatedRow> | null;

  constructor(
    private readonly q: Queryable,
    private readonly cipher: FieldCipher,
    options: { readonly batchCreates?: boolean } = {},
  ) {
    this.batcher = options.batchCreates
      ? new WriteBatcher({
          writeMany: (batch) => this.insertMany(batch),
          writeOne: (row) => this.insertOne(row),
          isItemError: (err) => err instanceof FieldError,
          maxBatch: MAX_CREATE_BATCH,
        })
      : null;
  }

  private toReading(row: ReadingRow): Reading {
    const at = (column: string) => readingLocation(row.id, column);
    return {
      id: row.id,
      ownerId: row.owner_id,
      profileId: row.profile_id,
      profileIds: row.profile_ids ?? (row.profile_id ? [row.profile_id] : []),
      readingType: row.reading_type,
      signValue: row.sign_value,
      numerologySystem: row.numerology_system,
      locale: row.locale,
      input: row.input ? openJson(row.input, this.cipher, at("input")) : {},
      result: row.result ? openJson(row.result, this.cipher, at("result")) : {},
      ...(row.recipe ? { recipe: openJson(row.recipe, this.cipher, at("result")) } : {}),
      question: this.cipher.decryptNullable(row.question, at("question")),
      aiInterpretation: this.cipher.decryptNullable(row.ai_interpretation, at("ai_interpretation")),
      confidenceScore: row.confidence_score,
      isFavorite: row.is_favorite,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    };
  }

  async create(input: NewReading): Promise<Reading> {
    const row = this.prepare(input);
    const stored = await (this.batcher ? this.batcher.write(row) : this.insertOne(row));
    // The stored input, result and texts are the ones just sealed: hand back the plaintext the
    // caller gave rather than reading ~20 KB of ciphertext back and opening it again.
    return {
      ...this.toReading({ ...stored, input: null, result: null, question: null, ai_interpretation: null }),
      input: input.input ?? {},
      result: input.result,
      question: row.question,
      aiInterpretation: row.aiInterpretation,
    };
  }

  /** A new reading as its row is written: checked, sealed, its search columns filled. */
  private prepare(input: NewReading): PreparedReading {
    const id = input.id ?? randomUUID();
    const at = (column: string) => readingLocation(id, column);
    const question = input.question === "" ? null : (input.question ?? null);
    const ai = input.aiInterpretation === "" ? null : (input.aiInterpretation ?? null);
    const secrets = [question, ai, ...(input.secrets ?? [])].filter((s): s is string => typeof s === "string" && s.trim() !== "");
    const profileIds = input.profileIds ?? [];
    const primaryIndex = input.primaryIndex ?? 0;
    if (profileIds.length > 0 && (primaryIndex < 0 || primaryIndex >= profileIds.length)) {
      throw new InvalidInputError("primary_user_index", `must be between 0 and ${profileIds.length - 1}`);
    }
    const profileId = input.profileId ?? (profileIds.length > 0 ? profileIds[primaryIndex]! : null);
    const search = searchColumns(
      { publicText: [input.readingType, input.signValue, ...(input.searchTerms ?? [])], privateText: [question, ai] },
      this.cipher,
    );
    return {
      id,
      question,
      aiInterpretation: ai,
      columns: [
        id,
        input.ownerId,
        profileId,
        input.readingType,
        input.signValue ?? null,
        input.numerologySystem ?? null,
        input.locale ?? "en",
        sealJson(input.input ?? {}, this.cipher, at("input"), secrets).value,
        sealJson(input.result, this.cipher, at("result"), secrets).value,
        this.cipher.encryptNullable(question, at("question")),
        this.cipher.encryptNullable(ai, at("ai_interpretation")),
        input.confidenceScore ?? null,
        search.terms,
        search.blind,
      ],
      profileIds,
      primaryIndex,
    };
  }

  private async insertOne(row: PreparedReading): Promise<CreatedRow> {
    const { rows } = await this.q.query<CreatedRow>(INSERT_ONE, [...row.columns, row.profileIds, row.primaryIndex]);
    return rows[0]!;
  }

  private async insertMany(batch: readonly PreparedReading[]): Promise<CreatedRow[]> {
    const { text, values } = insertManyStatement(batch);
    const { rows } = await this.q.query<CreatedRow>(text, values);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return batch.map((b) => {
      const row = byId.get(b.id);
      if (!row) throw new Error(`a batch insert of ${batch.length} readings did not return reading ${b.id}`);
      return row;
    });
  }

  async get(id: string, viewer: Viewer): Promise<Reading | null> {
    if (!isUuid(id)) return null;
    const p = new Params();
    const { rows } = await this.q.query<ReadingRow>(
      `SELECT ${FULL} FROM ${TABLE} r WHERE r.id = ${p.add(id)} AND r.deleted_at IS NULL AND ${ownership(p, viewer)}`,
      p.values,
    );
    return rows[0] ? this.toReading(rows[0]) : null;
  }

  async list(viewer: Viewer, query: ReadingListQuery = {}): Promise<Page<Reading>> {
    const page = clampPage(query);
    const p = new Params();
    const where = ["r.deleted_at IS NULL", ownership(p, viewer)];
    if (query.readingType !== undefined) where.push(`r.reading_type = ${p.add(query.readingType)}`);
    if (query.profileId !== undefined) {
      where.push(
        isUuid(query.profileId)
          ? `(r.profile_id = ${p.add(query.profileId)} OR EXISTS (SELECT 1 FROM oracle_reading_users ru WHERE ru.reading_id = r.id AND ru.profile_id = ${p.add(query.profileId)}))`
          : "FALSE",
      );
    }
    if (query.isFavorite !== undefined) where.push(`r.is_favorite = ${p.add(query.isFavorite)}`);
    if (query.dateFrom !== undefined) where.push(`r.created_at >= ${p.add(query.dateFrom)}`);
    if (query.dateTo !== undefined) where.push(`r.created_at <= ${p.add(query.dateTo)}`);
    if (query.search !== undefined) {
      const tsquery = searchQuery(query.search, this.cipher);
      if (tsquery !== null) where.push(`(r.search_terms || r.search_blind) @@ ${p.add(tsquery)}::tsquery`);
    }
    const filter = `WHERE ${where.join(" AND ")}`;
    const filterValues = [...p.values];
    const sort = orderBy(SORTS, query.sortBy, "created_at", query.sortOrder);
    const { rows } = await this.q.query<ReadingRow & { total_count: number }>(
      `SELECT ${query.view === "summary" ? SUMMARY : FULL}, count(*) OVER () AS total_count
         FROM ${TABLE} r ${filter}
        ORDER BY ${sort}, r.id
        LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`,
      p.values,
    );
    return toPage(rows, (r) => this.toReading(r), page, async () => {
      const c = await this.q.query<{ n: number }>(`SELECT count(*) AS n FROM ${TABLE} r ${filter}`, filterValues);
      return c.rows[0]!.n;
    });
  }

  /** Sets (or, with value omitted, toggles) the favourite flag; the new value, or null when not found. */
  async setFavorite(id: string, viewer: Viewer, value?: boolean): Promise<boolean | null> {
    if (!isUuid(id)) return null;
    const p = new Params();
    const next = value === undefined ? "NOT r.is_favorite" : p.add(value);
    const { rows } = await this.q.query<{ is_favorite: boolean }>(
      `UPDATE ${TABLE} r SET is_favorite = ${next}
        WHERE r.id = ${p.add(id)} AND r.deleted_at IS NULL AND ${ownership(p, viewer)}
        RETURNING r.is_favorite`,
      p.values,
    );
    return rows[0]?.is_favorite ?? null;
  }

  async softDelete(id: string, viewer: Viewer): Promise<boolean> {
    if (!isUuid(id)) return false;
    const p = new Params();
    const { rowCount } = await this.q.query(
      `UPDATE ${TABLE} r SET deleted_at = now() WHERE r.id = ${p.add(id)} AND r.deleted_at IS NULL AND ${ownership(p, viewer)}`,
      p.values,
    );
    return rowCount === 1;
  }

  async stats(viewer: Viewer, now: Date = new Date()): Promise<ReadingStats> {
    const p = new Params();
    const own = ownership(p, viewer);
    const nowParam = p.add(now);
    const scope = `FROM ${TABLE} r WHERE r.deleted_at IS NULL AND ${own}`;
    const day = `(r.created_at AT TIME ZONE 'UTC')::date`;
    const today = `(${nowParam}::timestamptz AT TIME ZONE 'UTC')::date`;
    const { rows } = await this.q.query<{
      total: number;
      favorites: number;
      today: number;
      this_week: number;
      this_month: number;
      average_confidence: number | null;
      by_type: Record<string, number> | null;
      by_month: { month: string; count: number }[] | null;
      by_weekday: Record<string, number> | null;
      streak: number;
    }>(
      `WITH mine AS (SELECT r.reading_type, r.is_favorite, r.confidence_score, r.created_at, ${day} AS day ${scope}),
            days AS (SELECT DISTINCT day FROM mine WHERE day > ${today} - 400),
            runs AS (SELECT day, day - (row_number() OVER (ORDER BY day))::int AS run FROM days)
       SELECT (SELECT count(*) FROM mine) AS total,
              (SELECT count(*) FROM mine WHERE is_favorite) AS favorites,
              (SELECT count(*) FROM mine WHERE day = ${today}) AS today,
              (SELECT count(*) FROM mine WHERE day >= date_trunc('week', ${today})::date) AS this_week,
              (SELECT count(*) FROM mine WHERE day >= date_trunc('month', ${today})::date) AS this_month,
              (SELECT avg(confidence_score) FROM mine) AS average_confidence,
              (SELECT jsonb_object_agg(reading_type, n) FROM (SELECT reading_type, count(*) AS n FROM mine GROUP BY 1) t) AS by_type,
              (SELECT jsonb_agg(jsonb_build_object('month', m, 'count', n) ORDER BY m)
                 FROM (SELECT to_char(day, 'YYYY-MM') AS m, count(*) AS n FROM mine GROUP BY 1 ORDER BY 1 DESC LIMIT 12) t) AS by_month,
              (SELECT jsonb_object_agg(d, n) FROM (SELECT extract(dow FROM day)::int AS d, count(*) AS n FROM mine GROUP BY 1) t) AS by_weekday,
              coalesce((SELECT count(*) FROM runs WHERE run = (SELECT run FROM runs WHERE day IN (${today}, ${today} - 1) ORDER BY day DESC LIMIT 1)), 0) AS streak`,
      p.values,
    );
    const s = rows[0]!;
    const byType = s.by_type ?? {};
    const mostUsedType = Object.entries(byType).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
    const weekday = Object.entries(s.by_weekday ?? {}).sort((a, b) => b[1] - a[1] || Number(a[0]) - Number(b[0]))[0]?.[0];
    return {
      total: s.total,
      byType,
      byMonth: s.by_month ?? [],
      favorites: s.favorites,
      today: s.today,
      thisWeek: s.this_week,
      thisMonth: s.this_month,
      averageConfidence: s.average_confidence,
      mostUsedType,
      mostActiveDay: weekday === undefined ? null : WEEKDAYS[Number(weekday)]!,
      streakDays: s.streak,
    };
  }

  /** Live readings of every owner created at or after `since` (all time when omitted). */
  async countCreatedSince(since?: Date): Promise<number> {
    const { rows } = await this.q.query<{ n: number }>(
      `SELECT count(*) AS n FROM ${TABLE} WHERE deleted_at IS NULL AND ($1::timestamptz IS NULL OR created_at >= $1)`,
      [since ?? null],
    );
    return rows[0]!.n;
  }
}
