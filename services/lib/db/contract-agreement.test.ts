import { expect } from "chai";
import { GENDERS, LIMITS, LOCALES, NUMEROLOGY_SYSTEMS, PROFILE_FIELD_NAMES, READING_TYPES, type Range, type RequiredProfileField } from "../../contract";
import { InvalidInputError } from "../errors";
import { useTestDatabase } from "../testing/test-database";
import { testCipher } from "../testing/test-cipher";
import { makeProfile, makeUser } from "../testing/fixtures";
import { createRepositories } from "./repositories";
import { PROFILE_COLUMN_TYPES } from "./repositories/oracle-profiles";

/**
 * The database holds the contract (services/contract): every profile field has its column, of
 * the type the repository casts to; every list is exactly what the CHECK constraints accept; every
 * limit is the boundary they enforce. A migration that forgets a field, a reading type or a
 * locale the contract gained fails here.
 */

const REQUIRED: readonly RequiredProfileField[] = ["name", "birth_date", "mother_name"];
const ROW_COLUMNS = ["id", "owner_id", "created_at", "updated_at", "deleted_at"];

describe("the database agrees with the contract (real PostgreSQL)", function () {
  this.timeout(60_000);
  const t = useTestDatabase();
  let profileId: string;
  let readingId: string;

  before(async () => {
    const repos = createRepositories(t.db, await testCipher());
    const user = await makeUser(repos);
    profileId = (await makeProfile(repos, user)).id;
    readingId = (await repos.readings.create({ ownerId: user.id, profileId, readingType: "time", result: {} })).id;
  });

  /** Whether the statement is accepted; a refusal must be the constraint's, naming a field with "must be ...". */
  async function accepts(sql: string, params: unknown[]): Promise<boolean> {
    try {
      await t.db.query(sql, params);
      return true;
    } catch (err) {
      if (!(err instanceof InvalidInputError) || !/must be/.test(err.reason)) throw err;
      return false;
    }
  }
  const setProfile = (column: string, value: unknown) => accepts(`UPDATE oracle_users SET ${column} = $2 WHERE id = $1`, [profileId, value]);
  const setReading = (column: string, value: unknown) => accepts(`UPDATE oracle_readings SET ${column} = $2 WHERE id = $1`, [readingId, value]);

  it("has a column for every profile field, of the repository's type, nullable unless required, and no other", async () => {
    const { rows } = await t.db.query<{ column_name: string; data_type: string; is_nullable: string }>(
      "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'oracle_users'",
    );
    const live = new Map(rows.map((r) => [r.column_name, r]));
    for (const field of PROFILE_FIELD_NAMES) {
      const column = live.get(field);
      expect(column, `column ${field}`).to.not.equal(undefined);
      expect(column!.data_type, field).to.equal(PROFILE_COLUMN_TYPES[field]);
      expect(column!.is_nullable, field).to.equal((REQUIRED as readonly string[]).includes(field) ? "NO" : "YES");
    }
    expect([...live.keys()].filter((c) => !ROW_COLUMNS.includes(c) && !(PROFILE_FIELD_NAMES as readonly string[]).includes(c))).to.deep.equal([]);
  });

  it("accepts exactly the contract's reading types, locales, systems and genders", async () => {
    for (const type of READING_TYPES) expect(await setReading("reading_type", type), type).to.equal(true);
    expect(await setReading("reading_type", "tarot")).to.equal(false);
    for (const locale of LOCALES) expect(await setReading("locale", locale), locale).to.equal(true);
    expect(await setReading("locale", "de")).to.equal(false);
    for (const system of NUMEROLOGY_SYSTEMS) expect(await setReading("numerology_system", system), system).to.equal(true);
    expect(await setReading("numerology_system", "auto")).to.equal(false);
    for (const gender of GENDERS) expect(await setProfile("gender", gender), gender).to.equal(true);
    expect(await setProfile("gender", "other")).to.equal(false);
  });

  it("holds every limit at its boundary", async () => {
    const range = async (column: string, r: Range, step: number) => {
      expect(await setProfile(column, r.min), `${column} ${r.min}`).to.equal(true);
      expect(await setProfile(column, r.max), `${column} ${r.max}`).to.equal(true);
      expect(await setProfile(column, r.min - step), `${column} below`).to.equal(false);
      expect(await setProfile(column, r.max + step), `${column} above`).to.equal(false);
    };
    await range("heart_rate_bpm", LIMITS.heartRateBpm, 1);
    await range("timezone_offset_minutes", LIMITS.timezoneOffsetMinutes, 1);
    // Coordinates go in pairs: move both together.
    for (const [lat, lon, ok] of [
      [LIMITS.latitude.max, LIMITS.longitude.max, true],
      [LIMITS.latitude.min, LIMITS.longitude.min, true],
      [LIMITS.latitude.max + 0.001, 0, false],
      [0, LIMITS.longitude.min - 0.001, false],
    ] as const) {
      expect(await accepts("UPDATE oracle_users SET latitude = $2, longitude = $3 WHERE id = $1", [profileId, lat, lon]), `${lat}, ${lon}`).to.equal(ok);
    }
    const length = async (set: (c: string, v: unknown) => Promise<boolean>, column: string, max: number) => {
      expect(await set(column, "n".repeat(max)), `${column} of ${max}`).to.equal(true);
      expect(await set(column, "n".repeat(max + 1)), `${column} of ${max + 1}`).to.equal(false);
    };
    await length(setProfile, "name", LIMITS.nameLength);
    await length(setProfile, "name_persian", LIMITS.nameLength);
    await length(setProfile, "country", LIMITS.placeLength);
    await length(setProfile, "city", LIMITS.placeLength);
    await length(setReading, "sign_value", LIMITS.signValueLength);
    expect(await setProfile("birth_date", LIMITS.earliestBirthDate)).to.equal(true);
    const dayBefore = new Date(Date.parse(`${LIMITS.earliestBirthDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(await setProfile("birth_date", dayBefore)).to.equal(false);
  });
});
