import { randomUUID } from "node:crypto";
import { PROFILE_FIELD_NAMES, PROFILE_FIELDS, type Exhaustive, type ProfileField, type ProfileFields, type RequiredProfileField } from "../../../contract";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Queryable } from "../database";
import { changeNotices } from "./change-notices";
import { clampPage, isUuid, orderBy, Params, toPage, type Page, type PageRequest, type SortOrder, type Viewer } from "../paging";

/**
 * Oracle profiles (table oracle_users): the people readings are about, owned by an account. The
 * fields are the contract's (services/contract/profile.ts) and each has a column of its own name;
 * the secret ones (mother names) are encrypted on the way in and decrypted on the way out, so
 * everything here speaks plaintext. Every read and write is filtered by the viewer: an owner
 * reaches only their own rows, a viewer with seesAll reaches every row; another owner's profile
 * looks missing (null).
 *
 *   create(ownerId, input)            ConflictError("name") for a live duplicate of owner + name + birth date
 *   get(id, viewer)                   null when missing, deleted or not the viewer's
 *   getMany(ids, viewer)              in the order asked; missing ones left out
 *   list(viewer, { search, ownerId, includeDeleted, sortBy, sortOrder, limit, offset })  with reading counts
 *   update(id, viewer, patch)         undefined leaves a field, null clears an optional one
 *   softDelete(id, viewer)            the deleted profile, or null
 *   count()
 */

export type { Gender } from "../../../contract";

/** A new profile: the required fields, and any of the others (absent or null: none). */
export type ProfileInput = Readonly<Pick<ProfileFields, RequiredProfileField>> & { readonly [K in Exclude<ProfileField, RequiredProfileField>]?: ProfileFields[K] | null };

export type ProfilePatch = { readonly [K in ProfileField]?: ProfileInput[K] };

/** A stored profile: its fields and the row's own, as the API answers them (timestamps as dates). */
export type Profile = Readonly<ProfileFields> & {
  readonly id: string;
  readonly owner_id: string;
  readonly created_at: Date;
  readonly updated_at: Date;
  readonly deleted_at: Date | null;
};

export interface ProfileListItem extends Profile {
  readonly readingCount: number;
}

export interface ProfileListQuery extends PageRequest {
  /** Substring of the name or the Persian name, case-insensitive. */
  readonly search?: string;
  /** Only this owner's profiles (meaningful for a seesAll viewer). */
  readonly ownerId?: string;
  readonly includeDeleted?: boolean;
  readonly sortBy?: "created_at" | "name" | "birth_date" | "updated_at";
  readonly sortOrder?: SortOrder;
}

/**
 * The SQL type of each field's column, which its parameters are cast to. A test holds this table
 * to the database (column names, types and nullability), so a field without its migration fails.
 */
export const PROFILE_COLUMN_TYPES = {
  name: "text",
  name_persian: "text",
  birth_date: "date",
  mother_name: "text",
  mother_name_persian: "text",
  gender: "text",
  country: "text",
  city: "text",
  heart_rate_bpm: "smallint",
  timezone_offset_minutes: "smallint",
  timezone: "text",
  latitude: "double precision",
  longitude: "double precision",
} as const satisfies Exhaustive<ProfileField, "text" | "date" | "smallint" | "double precision">;

/** A row as the database gives it: the secret fields still sealed. */
type ProfileRow = Profile;

const TABLE = "oracle_users";
const COLUMNS = ["id", "owner_id", ...PROFILE_FIELD_NAMES, "created_at", "updated_at", "deleted_at"] as const;
const SELECT = COLUMNS.map((c) => `p.${c}`).join(", ");

const SORTS = { created_at: "p.created_at", name: "lower(p.name)", birth_date: "p.birth_date", updated_at: "p.updated_at" } as const;

function ownership(p: Params, viewer: Viewer, alias = "p"): string {
  return viewer.seesAll ? "TRUE" : `${alias}.owner_id = ${p.add(viewer.userId)}`;
}

/** The value a field's column receives: names trimmed, absent as null. */
function columnValue(field: ProfileField, value: unknown): unknown {
  if (value === undefined) return null;
  return field === "name" && typeof value === "string" ? value.trim() : value;
}

const profileChanges = changeNotices<{ readonly id: string; readonly ownerId: string }>();

/**
 * Told every profile this process updates or deletes (through any repository instance), with its
 * owner, so an in-process copy of it can drop it at once. Returns the unsubscribe function.
 */
export const onProfileChange = profileChanges.listen;

export class OracleProfilesRepository {
  constructor(
    private readonly q: Queryable,
    private readonly cipher: FieldCipher,
  ) {}

  private toProfile(row: ProfileRow): Profile {
    const out: Record<string, unknown> = { ...row };
    for (const field of PROFILE_FIELD_NAMES) {
      if (PROFILE_FIELDS[field].secret) out[field] = this.cipher.decryptNullable(row[field] as string | null, { table: TABLE, column: field, rowId: row.id });
    }
    return out as Profile;
  }

  /** The profile a write returned (null: nothing matched), told to whoever keeps a copy. */
  private changed(row: ProfileRow | undefined): Profile | null {
    if (!row) return null;
    profileChanges.tell({ id: row.id, ownerId: row.owner_id });
    return this.toProfile(row);
  }

  /** The stored form of one field: sealed when the contract calls it secret. */
  private stored(id: string, field: ProfileField, value: unknown): unknown {
    const v = columnValue(field, value);
    return PROFILE_FIELDS[field].secret ? this.cipher.encryptNullable(v as string | null, { table: TABLE, column: field, rowId: id }) : v;
  }

  async create(ownerId: string, input: ProfileInput): Promise<Profile> {
    const id = randomUUID();
    const p = new Params();
    const values = [p.add(id), p.add(ownerId), ...PROFILE_FIELD_NAMES.map((f) => `${p.add(this.stored(id, f, input[f]))}::${PROFILE_COLUMN_TYPES[f]}`)];
    const { rows } = await this.q.query<ProfileRow>(
      `INSERT INTO ${TABLE} AS p (id, owner_id, ${PROFILE_FIELD_NAMES.join(", ")})
       VALUES (${values.join(", ")})
       RETURNING ${SELECT}`,
      p.values,
    );
    return this.toProfile(rows[0]!);
  }

  async get(id: string, viewer: Viewer, options: { includeDeleted?: boolean } = {}): Promise<Profile | null> {
    if (!isUuid(id)) return null;
    const p = new Params();
    const { rows } = await this.q.query<ProfileRow>(
      `SELECT ${SELECT} FROM ${TABLE} p
        WHERE p.id = ${p.add(id)} AND ${ownership(p, viewer)} ${options.includeDeleted ? "" : "AND p.deleted_at IS NULL"}`,
      p.values,
    );
    return rows[0] ? this.toProfile(rows[0]) : null;
  }

  async getMany(ids: readonly string[], viewer: Viewer): Promise<Profile[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const p = new Params();
    const { rows } = await this.q.query<ProfileRow>(
      `SELECT ${SELECT} FROM ${TABLE} p WHERE p.id = ANY(${p.add(valid)}::uuid[]) AND ${ownership(p, viewer)} AND p.deleted_at IS NULL`,
      p.values,
    );
    const byId = new Map(rows.map((r) => [r.id, this.toProfile(r)]));
    return valid.map((id) => byId.get(id)).filter((x): x is Profile => x !== undefined);
  }

  async list(viewer: Viewer, query: ProfileListQuery = {}): Promise<Page<ProfileListItem>> {
    const page = clampPage(query);
    const p = new Params();
    const where = [ownership(p, viewer)];
    if (!query.includeDeleted) where.push("p.deleted_at IS NULL");
    if (query.ownerId !== undefined) where.push(isUuid(query.ownerId) ? `p.owner_id = ${p.add(query.ownerId)}` : "FALSE");
    if (query.search) {
      const needle = p.add(`%${query.search.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
      where.push(`(lower(p.name) LIKE ${needle} OR lower(coalesce(p.name_persian, '')) LIKE ${needle})`);
    }
    const filter = `WHERE ${where.join(" AND ")}`;
    const filterValues = [...p.values];
    const sort = orderBy(SORTS, query.sortBy, "created_at", query.sortOrder);
    const { rows } = await this.q.query<ProfileRow & { reading_count: number; total_count: number }>(
      `SELECT ${SELECT},
              (SELECT count(*) FROM oracle_readings r WHERE r.profile_id = p.id AND r.deleted_at IS NULL) AS reading_count,
              count(*) OVER () AS total_count
         FROM ${TABLE} p ${filter}
        ORDER BY ${sort}, p.id
        LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`,
      p.values,
    );
    return toPage(rows, (r) => {
      const { reading_count, total_count: _total, ...row } = r;
      return { ...this.toProfile(row), readingCount: reading_count };
    }, page, async () => {
      const c = await this.q.query<{ n: number }>(`SELECT count(*) AS n FROM ${TABLE} p ${filter}`, filterValues);
      return c.rows[0]!.n;
    });
  }

  async update(id: string, viewer: Viewer, patch: ProfilePatch): Promise<Profile | null> {
    if (!isUuid(id)) return null;
    const p = new Params();
    const sets: string[] = [];
    for (const field of PROFILE_FIELD_NAMES) {
      if (patch[field] === undefined) continue;
      sets.push(`${field} = ${p.add(this.stored(id, field, patch[field]))}::${PROFILE_COLUMN_TYPES[field]}`);
    }
    if (sets.length === 0) return this.get(id, viewer);
    const { rows } = await this.q.query<ProfileRow>(
      `UPDATE ${TABLE} p SET ${sets.join(", ")}
        WHERE p.id = ${p.add(id)} AND p.deleted_at IS NULL AND ${ownership(p, viewer)}
        RETURNING ${SELECT}`,
      p.values,
    );
    return this.changed(rows[0]);
  }

  async softDelete(id: string, viewer: Viewer): Promise<Profile | null> {
    if (!isUuid(id)) return null;
    const p = new Params();
    const { rows } = await this.q.query<ProfileRow>(
      `UPDATE ${TABLE} p SET deleted_at = now()
        WHERE p.id = ${p.add(id)} AND p.deleted_at IS NULL AND ${ownership(p, viewer)}
        RETURNING ${SELECT}`,
      p.values,
    );
    return this.changed(rows[0]);
  }

  /** Live profiles, all owners. */
  async count(): Promise<number> {
    const { rows } = await this.q.query<{ n: number }>(`SELECT count(*) AS n FROM ${TABLE} WHERE deleted_at IS NULL`);
    return rows[0]!.n;
  }
}
