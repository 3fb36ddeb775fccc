import { randomUUID } from "node:crypto";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Queryable } from "../database";
import { clampPage, isUuid, orderBy, Params, toPage, type Page, type PageRequest, type SortOrder, type Viewer } from "../paging";

/**
 * Oracle profiles (table oracle_users): the people readings are about, owned by an account.
 * Mother names are encrypted on the way in and decrypted on the way out; everything here
 * speaks plaintext. Every read and write is filtered by the viewer: an owner reaches only their
 * own rows, a viewer with seesAll reaches every row; another owner's profile looks missing (null).
 *
 *   create(ownerId, input)            ConflictError("name") for a live duplicate of owner + name + birth date
 *   get(id, viewer)                   null when missing, deleted or not the viewer's
 *   getMany(ids, viewer)              in the order asked; missing ones left out
 *   list(viewer, { search, ownerId, includeDeleted, sortBy, sortOrder, limit, offset })  with reading counts
 *   update(id, viewer, patch)         undefined leaves a field, null clears an optional one
 *   softDelete(id, viewer)            the deleted profile, or null
 *   count()
 */

export type Gender = "male" | "female";

export interface ProfileInput {
  readonly name: string;
  readonly namePersian?: string | null;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly motherName: string;
  readonly motherNamePersian?: string | null;
  readonly gender?: Gender | null;
  readonly country?: string | null;
  readonly city?: string | null;
  readonly heartRateBpm?: number | null;
  /** Minutes east of UTC, -720..840. */
  readonly timezoneOffsetMinutes?: number | null;
  /** IANA zone name ("Asia/Tehran"); when set, the offset of a moment is the zone's at that moment. */
  readonly timezone?: string | null;
  readonly latitude?: number | null;
  readonly longitude?: number | null;
}

export type ProfilePatch = { readonly [K in keyof ProfileInput]?: ProfileInput[K] };

export interface Profile {
  readonly id: string;
  readonly ownerId: string;
  readonly name: string;
  readonly namePersian: string | null;
  readonly birthDate: string;
  readonly motherName: string;
  readonly motherNamePersian: string | null;
  readonly gender: Gender | null;
  readonly country: string | null;
  readonly city: string | null;
  readonly heartRateBpm: number | null;
  readonly timezoneOffsetMinutes: number | null;
  readonly timezone: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly deletedAt: Date | null;
}

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

interface ProfileRow {
  id: string;
  owner_id: string;
  name: string;
  name_persian: string | null;
  birth_date: string;
  mother_name: string;
  mother_name_persian: string | null;
  gender: Gender | null;
  country: string | null;
  city: string | null;
  heart_rate_bpm: number | null;
  timezone_offset_minutes: number | null;
  timezone: string | null;
  latitude: number | null;
  longitude: number | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

const TABLE = "oracle_users";
const COLUMNS = [
  "id", "owner_id", "name", "name_persian", "birth_date", "mother_name", "mother_name_persian", "gender", "country", "city",
  "heart_rate_bpm", "timezone_offset_minutes", "timezone", "latitude", "longitude", "created_at", "updated_at", "deleted_at",
] as const;
const SELECT = COLUMNS.map((c) => `p.${c}`).join(", ");

/** Plain input fields and their columns; the encrypted ones are handled apart. */
const PLAIN_FIELDS = {
  name: "name",
  namePersian: "name_persian",
  birthDate: "birth_date",
  gender: "gender",
  country: "country",
  city: "city",
  heartRateBpm: "heart_rate_bpm",
  timezoneOffsetMinutes: "timezone_offset_minutes",
  timezone: "timezone",
  latitude: "latitude",
  longitude: "longitude",
} as const satisfies Partial<Record<keyof ProfileInput, string>>;
const ENCRYPTED_FIELDS = { motherName: "mother_name", motherNamePersian: "mother_name_persian" } as const satisfies Partial<Record<keyof ProfileInput, string>>;

const SORTS = { created_at: "p.created_at", name: "lower(p.name)", birth_date: "p.birth_date", updated_at: "p.updated_at" } as const;

function ownership(p: Params, viewer: Viewer, alias = "p"): string {
  return viewer.seesAll ? "TRUE" : `${alias}.owner_id = ${p.add(viewer.userId)}`;
}

export class OracleProfilesRepository {
  constructor(
    private readonly q: Queryable,
    private readonly cipher: FieldCipher,
  ) {}

  private toProfile(row: ProfileRow): Profile {
    const at = (column: string) => ({ table: TABLE, column, rowId: row.id });
    return {
      id: row.id,
      ownerId: row.owner_id,
      name: row.name,
      namePersian: row.name_persian,
      birthDate: row.birth_date,
      motherName: this.cipher.decrypt(row.mother_name, at("mother_name")),
      motherNamePersian: this.cipher.decryptNullable(row.mother_name_persian, at("mother_name_persian")),
      gender: row.gender,
      country: row.country,
      city: row.city,
      heartRateBpm: row.heart_rate_bpm,
      timezoneOffsetMinutes: row.timezone_offset_minutes,
      timezone: row.timezone,
      latitude: row.latitude,
      longitude: row.longitude,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    };
  }

  async create(ownerId: string, input: ProfileInput): Promise<Profile> {
    const id = randomUUID();
    const at = (column: string) => ({ table: TABLE, column, rowId: id });
    const { rows } = await this.q.query<ProfileRow>(
      `INSERT INTO ${TABLE} AS p (id, owner_id, name, name_persian, birth_date, mother_name, mother_name_persian, gender, country, city,
                                  heart_rate_bpm, timezone_offset_minutes, timezone, latitude, longitude)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       RETURNING ${SELECT}`,
      [
        id,
        ownerId,
        input.name.trim(),
        input.namePersian ?? null,
        input.birthDate,
        this.cipher.encrypt(input.motherName, at("mother_name")),
        this.cipher.encryptNullable(input.motherNamePersian, at("mother_name_persian")),
        input.gender ?? null,
        input.country ?? null,
        input.city ?? null,
        input.heartRateBpm ?? null,
        input.timezoneOffsetMinutes ?? null,
        input.timezone ?? null,
        input.latitude ?? null,
        input.longitude ?? null,
      ],
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
    return toPage(rows, (r) => ({ ...this.toProfile(r), readingCount: r.reading_count }), page, async () => {
      const c = await this.q.query<{ n: number }>(`SELECT count(*) AS n FROM ${TABLE} p ${filter}`, filterValues);
      return c.rows[0]!.n;
    });
  }

  async update(id: string, viewer: Viewer, patch: ProfilePatch): Promise<Profile | null> {
    if (!isUuid(id)) return null;
    const p = new Params();
    const sets: string[] = [];
    for (const [field, column] of Object.entries(PLAIN_FIELDS) as [keyof typeof PLAIN_FIELDS, string][]) {
      const value = patch[field];
      if (value === undefined) continue;
      sets.push(`${column} = ${p.add(field === "name" && typeof value === "string" ? value.trim() : value)}`);
    }
    for (const [field, column] of Object.entries(ENCRYPTED_FIELDS) as [keyof typeof ENCRYPTED_FIELDS, string][]) {
      const value = patch[field];
      if (value === undefined) continue;
      sets.push(`${column} = ${p.add(this.cipher.encryptNullable(value, { table: TABLE, column, rowId: id }))}`);
    }
    if (sets.length === 0) return this.get(id, viewer);
    const { rows } = await this.q.query<ProfileRow>(
      `UPDATE ${TABLE} p SET ${sets.join(", ")}
        WHERE p.id = ${p.add(id)} AND p.deleted_at IS NULL AND ${ownership(p, viewer)}
        RETURNING ${SELECT}`,
      p.values,
    );
    return rows[0] ? this.toProfile(rows[0]) : null;
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
    return rows[0] ? this.toProfile(rows[0]) : null;
  }

  /** Live profiles, all owners. */
  async count(): Promise<number> {
    const { rows } = await this.q.query<{ n: number }>(`SELECT count(*) AS n FROM ${TABLE} WHERE deleted_at IS NULL`);
    return rows[0]!.n;
  }
}
