import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { InvalidInputError } from "../errors";
import { useTestDatabase } from "../testing/test-database";
import { testCipher } from "../testing/test-cipher";
import { makeProfile, makeUser, viewerOf } from "../testing/fixtures";
import { CONSTRAINTS } from "./constraint-errors";
import { ConflictError } from "./errors";
import { createRepositories, type Repositories } from "./repositories";

type Kind = "invalid" | "conflict";
interface Case {
  readonly constraint: string;
  readonly sql: string;
  /** Which fixture ids the statement takes, in order. */
  readonly params?: readonly ("user" | "profile" | "reading" | "chat" | "random")[];
  readonly field: string;
  readonly kind?: Kind;
}

const hash = "'\\x" + "ab".repeat(32) + "'::bytea";

/** One statement breaking each constraint, and the field its error must name. */
const CASES: readonly Case[] = [
  { constraint: "users_username_check", sql: "UPDATE users SET username = 'a b' WHERE id = $1", params: ["user"], field: "username" },
  { constraint: "users_role_check", sql: "UPDATE users SET role = 'root' WHERE id = $1", params: ["user"], field: "role" },
  { constraint: "users_password_hash_check", sql: "UPDATE users SET password_hash = 'plain' WHERE id = $1", params: ["user"], field: "password" },
  { constraint: "users_failed_attempts_check", sql: "UPDATE users SET failed_attempts = -1 WHERE id = $1", params: ["user"], field: "failed_attempts" },
  { constraint: "users_username_key", sql: "INSERT INTO users (username, password_hash) SELECT upper(username::text), password_hash FROM users WHERE id = $1", params: ["user"], field: "username", kind: "conflict" },
  { constraint: "api_keys_name_check", sql: `INSERT INTO api_keys (user_id, name, key_prefix, key_hash) VALUES ($1, '', 'p', ${hash})`, params: ["user"], field: "name" },
  { constraint: "api_keys_key_hash_check", sql: "INSERT INTO api_keys (user_id, name, key_prefix, key_hash) VALUES ($1, 'k', 'p', '\\x01')", params: ["user"], field: "key" },
  { constraint: "api_keys_scopes_check", sql: `INSERT INTO api_keys (user_id, name, key_prefix, key_hash, scopes) VALUES ($1, 'k', 'p', ${hash}, '{vault:read}')`, params: ["user"], field: "scopes" },
  { constraint: "api_keys_expires_at_check", sql: `INSERT INTO api_keys (user_id, name, key_prefix, key_hash, expires_at) VALUES ($1, 'k', 'p', ${hash}, now() - interval '1 day')`, params: ["user"], field: "expires_at" },
  { constraint: "api_keys_user_id_fkey", sql: `INSERT INTO api_keys (user_id, name, key_prefix, key_hash) VALUES ($1, 'k', 'p', ${hash})`, params: ["random"], field: "user_id" },
  { constraint: "refresh_tokens_token_hash_check", sql: "INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, gen_random_uuid(), '\\x01', now() + interval '1 day')", params: ["user"], field: "refresh_token" },
  { constraint: "refresh_tokens_expires_at_check", sql: `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, gen_random_uuid(), ${hash}, now() - interval '1 day')`, params: ["user"], field: "expires_at" },
  { constraint: "oracle_users_name_check", sql: "UPDATE oracle_users SET name = ' a ' WHERE id = $1", params: ["profile"], field: "name" },
  { constraint: "oracle_users_name_persian_check", sql: "UPDATE oracle_users SET name_persian = repeat('ن', 201) WHERE id = $1", params: ["profile"], field: "name_persian" },
  { constraint: "oracle_users_birth_date_check", sql: "UPDATE oracle_users SET birth_date = '1899-12-31' WHERE id = $1", params: ["profile"], field: "birth_date" },
  { constraint: "oracle_users_mother_name_check", sql: "UPDATE oracle_users SET mother_name = '' WHERE id = $1", params: ["profile"], field: "mother_name" },
  { constraint: "oracle_users_gender_check", sql: "UPDATE oracle_users SET gender = 'x' WHERE id = $1", params: ["profile"], field: "gender" },
  { constraint: "oracle_users_country_check", sql: "UPDATE oracle_users SET country = repeat('c', 101) WHERE id = $1", params: ["profile"], field: "country" },
  { constraint: "oracle_users_city_check", sql: "UPDATE oracle_users SET city = repeat('c', 101) WHERE id = $1", params: ["profile"], field: "city" },
  { constraint: "oracle_users_heart_rate_bpm_check", sql: "UPDATE oracle_users SET heart_rate_bpm = 300 WHERE id = $1", params: ["profile"], field: "heart_rate_bpm" },
  { constraint: "oracle_users_timezone_offset_minutes_check", sql: "UPDATE oracle_users SET timezone_offset_minutes = 900 WHERE id = $1", params: ["profile"], field: "timezone_offset_minutes" },
  { constraint: "oracle_users_timezone_check", sql: "UPDATE oracle_users SET timezone = 'not a zone' WHERE id = $1", params: ["profile"], field: "timezone" },
  { constraint: "oracle_users_latitude_check", sql: "UPDATE oracle_users SET latitude = 91 WHERE id = $1", params: ["profile"], field: "latitude" },
  { constraint: "oracle_users_longitude_check", sql: "UPDATE oracle_users SET longitude = -181 WHERE id = $1", params: ["profile"], field: "longitude" },
  { constraint: "oracle_users_timezone_check", sql: "UPDATE oracle_users SET timezone = '+03:30' WHERE id = $1", params: ["profile"], field: "timezone" },
  { constraint: "oracle_users_coordinates_check", sql: "UPDATE oracle_users SET longitude = NULL WHERE id = $1", params: ["profile"], field: "latitude" },
  { constraint: "oracle_users_owner_id_fkey", sql: "INSERT INTO oracle_users (owner_id, name, birth_date, mother_name) VALUES ($1, 'Bob', '1980-01-01', 'M')", params: ["random"], field: "owner_id" },
  { constraint: "oracle_users_owner_name_birth_date_key", sql: "INSERT INTO oracle_users (owner_id, name, birth_date, mother_name) SELECT owner_id, upper(name), birth_date, 'x' FROM oracle_users WHERE id = $1", params: ["profile"], field: "name", kind: "conflict" },
  { constraint: "oracle_readings_reading_type_check", sql: "UPDATE oracle_readings SET reading_type = 'tarot' WHERE id = $1", params: ["reading"], field: "reading_type" },
  { constraint: "oracle_readings_sign_value_check", sql: "UPDATE oracle_readings SET sign_value = repeat('s', 201) WHERE id = $1", params: ["reading"], field: "sign_value" },
  { constraint: "oracle_readings_numerology_system_check", sql: "UPDATE oracle_readings SET numerology_system = 'kabbalah' WHERE id = $1", params: ["reading"], field: "numerology_system" },
  { constraint: "oracle_readings_locale_check", sql: "UPDATE oracle_readings SET locale = 'de' WHERE id = $1", params: ["reading"], field: "locale" },
  { constraint: "oracle_readings_input_check", sql: "UPDATE oracle_readings SET input = '[]' WHERE id = $1", params: ["reading"], field: "input" },
  { constraint: "oracle_readings_result_check", sql: "UPDATE oracle_readings SET result = '1' WHERE id = $1", params: ["reading"], field: "result" },
  { constraint: "oracle_readings_confidence_score_check", sql: "UPDATE oracle_readings SET confidence_score = 101 WHERE id = $1", params: ["reading"], field: "confidence_score" },
  { constraint: "oracle_readings_profile_id_fkey", sql: "UPDATE oracle_readings SET profile_id = $2 WHERE id = $1", params: ["reading", "random"], field: "profile_id" },
  { constraint: "oracle_reading_users_position_check", sql: "INSERT INTO oracle_reading_users (reading_id, profile_id, position) VALUES ($1, $2, 10)", params: ["reading", "profile"], field: "profile_ids" },
  { constraint: "oracle_reading_users_profile_id_fkey", sql: "INSERT INTO oracle_reading_users (reading_id, profile_id, position) VALUES ($1, $2, 0)", params: ["reading", "random"], field: "profile_ids" },
  { constraint: "oracle_daily_readings_reading_id_fkey", sql: "INSERT INTO oracle_daily_readings (profile_id, reading_date, reading_id) VALUES ($1, '2026-01-01', $2)", params: ["profile", "random"], field: "reading_id" },
  { constraint: "oracle_share_links_token_hash_check", sql: "INSERT INTO oracle_share_links (reading_id, created_by, token_hash, expires_at) VALUES ($1, $2, '\\x01', now() + interval '1 day')", params: ["reading", "user"], field: "token" },
  { constraint: "oracle_share_links_shared_parts_check", sql: `INSERT INTO oracle_share_links (reading_id, created_by, token_hash, expires_at, shared_parts) VALUES ($1, $2, ${hash}, now() + interval '1 day', '{mother_name}')`, params: ["reading", "user"], field: "shared_parts" },
  { constraint: "oracle_share_links_expires_at_check", sql: `INSERT INTO oracle_share_links (reading_id, created_by, token_hash, expires_at) VALUES ($1, $2, ${hash}, now() - interval '1 day')`, params: ["reading", "user"], field: "expires_at" },
  { constraint: "oracle_share_links_view_count_check", sql: `INSERT INTO oracle_share_links (reading_id, created_by, token_hash, expires_at, view_count) VALUES ($1, $2, ${hash}, now() + interval '1 day', -1)`, params: ["reading", "user"], field: "view_count" },
  { constraint: "oracle_share_links_reading_id_fkey", sql: `INSERT INTO oracle_share_links (reading_id, created_by, token_hash, expires_at) VALUES ($1, $2, ${hash}, now() + interval '1 day')`, params: ["random", "user"], field: "reading_id" },
  { constraint: "oracle_reading_feedback_rating_check", sql: "INSERT INTO oracle_reading_feedback (reading_id, user_id, rating) VALUES ($1, $2, 6)", params: ["reading", "user"], field: "rating" },
  { constraint: "oracle_reading_feedback_section_feedback_check", sql: "INSERT INTO oracle_reading_feedback (reading_id, user_id, rating, section_feedback) VALUES ($1, $2, 3, '[]')", params: ["reading", "user"], field: "section_feedback" },
  { constraint: "oracle_reading_feedback_text_feedback_check", sql: "INSERT INTO oracle_reading_feedback (reading_id, user_id, rating, text_feedback) VALUES ($1, $2, 3, repeat('t', 1001))", params: ["reading", "user"], field: "text_feedback" },
  { constraint: "oracle_reading_feedback_user_id_fkey", sql: "INSERT INTO oracle_reading_feedback (reading_id, user_id, rating) VALUES ($1, $2, 3)", params: ["reading", "random"], field: "user_id" },
  { constraint: "user_settings_setting_key_check", sql: "INSERT INTO user_settings (user_id, setting_key, setting_value) VALUES ($1, 'wallet', 'x')", params: ["user"], field: "setting_key" },
  { constraint: "user_settings_setting_value_check", sql: "INSERT INTO user_settings (user_id, setting_key, setting_value) VALUES ($1, 'theme', repeat('v', 501))", params: ["user"], field: "setting_value" },
  { constraint: "telegram_links_telegram_username_check", sql: "UPDATE telegram_links SET telegram_username = repeat('u', 65) WHERE chat_id = $1", params: ["chat"], field: "telegram_username" },
  { constraint: "telegram_links_pkey", sql: "INSERT INTO telegram_links (chat_id, user_id) VALUES ($1, $2)", params: ["chat", "user"], field: "chat_id", kind: "conflict" },
  { constraint: "telegram_link_codes_code_hash_check", sql: "INSERT INTO telegram_link_codes (code_hash, user_id, expires_at) VALUES ('\\x01', $1, now() + interval '1 hour')", params: ["user"], field: "code" },
  { constraint: "telegram_link_codes_expires_at_check", sql: `INSERT INTO telegram_link_codes (code_hash, user_id, expires_at) VALUES (${hash}, $1, now() - interval '1 hour')`, params: ["user"], field: "expires_at" },
  { constraint: "telegram_daily_preferences_timezone_offset_minutes_check", sql: "INSERT INTO telegram_daily_preferences (chat_id, timezone_offset_minutes) VALUES ($1, -721)", params: ["chat"], field: "timezone_offset_minutes" },
  { constraint: "telegram_daily_preferences_chat_id_fkey", sql: "INSERT INTO telegram_daily_preferences (chat_id) VALUES (424242)", field: "chat_id" },
  { constraint: "oracle_audit_log_action_check", sql: "INSERT INTO oracle_audit_log (action, success) VALUES ('Auth Login', true)", field: "action" },
  { constraint: "oracle_audit_log_resource_type_check", sql: "INSERT INTO oracle_audit_log (action, success, resource_type) VALUES ('a', true, repeat('r', 101))", field: "resource_type" },
  { constraint: "oracle_audit_log_resource_id_check", sql: "INSERT INTO oracle_audit_log (action, success, resource_id) VALUES ('a', true, repeat('r', 201))", field: "resource_id" },
  { constraint: "oracle_audit_log_severity_check", sql: "INSERT INTO oracle_audit_log (action, success, severity) VALUES ('a', true, 'panic')", field: "severity" },
  { constraint: "oracle_audit_log_details_check", sql: "INSERT INTO oracle_audit_log (action, success, details) VALUES ('a', true, '\"x\"')", field: "details" },
];

describe("constraints (real PostgreSQL)", function () {
  this.timeout(60_000);
  const t = useTestDatabase();
  let repos: Repositories;
  const ids: Record<string, string | number> = {};

  before(async () => {
    repos = createRepositories(t.db, await testCipher());
    const user = await makeUser(repos);
    const profile = await makeProfile(repos, user);
    const reading = await repos.readings.create({ ownerId: user.id, profileId: profile.id, readingType: "time", result: { ok: true } });
    await t.db.query(`INSERT INTO telegram_links (chat_id, user_id) VALUES (1001, $1)`, [user.id]);
    Object.assign(ids, { user: user.id, profile: profile.id, reading: reading.id, chat: 1001 });
  });

  it("every named constraint and unique index of the schema has a message naming its field", async () => {
    const { rows } = await t.db.query<{ name: string }>(
      `SELECT conname AS name FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'
       UNION
       SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
        WHERE n.nspname = 'public' AND x.indisunique`,
    );
    const live = new Set(rows.map((r) => r.name).filter((n) => n !== "schema_migrations_pkey"));
    expect([...live].filter((n) => !(n in CONSTRAINTS)), "constraints without a message").to.deep.equal([]);
    expect(Object.keys(CONSTRAINTS).filter((n) => !live.has(n)), "messages for constraints that do not exist").to.deep.equal([]);
  });

  it("has a violation case below for every CHECK constraint", async () => {
    const { rows } = await t.db.query<{ name: string }>(
      `SELECT conname AS name FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND c.contype = 'c'`,
    );
    const covered = new Set(CASES.map((c) => c.constraint));
    expect(rows.map((r) => r.name).filter((n) => !covered.has(n))).to.deep.equal([]);
  });

  it("every foreign key joins columns of the same type", async () => {
    const { rows } = await t.db.query<{ name: string; from_type: string; to_type: string }>(
      `SELECT c.conname AS name, format_type(a.atttypid, a.atttypmod) AS from_type, format_type(b.atttypid, b.atttypmod) AS to_type
         FROM pg_constraint c
         JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
         CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(col, ref)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
         JOIN pg_attribute b ON b.attrelid = c.confrelid AND b.attnum = k.ref
        WHERE c.contype = 'f'`,
    );
    expect(rows.length).to.be.greaterThan(10);
    expect(rows.filter((r) => r.from_type !== r.to_type)).to.deep.equal([]);
  });

  it("every updated_at is kept by a trigger, whatever the statement sets", async () => {
    const { rows } = await t.db.query<{ table_name: string; has_trigger: boolean }>(
      `SELECT c.table_name,
              EXISTS (SELECT 1 FROM pg_trigger tg JOIN pg_proc p ON p.oid = tg.tgfoid
                       WHERE tg.tgrelid = ('public.' || c.table_name)::regclass AND p.proname = 'nps_touch_updated_at') AS has_trigger
         FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.column_name = 'updated_at'`,
    );
    expect(rows.length).to.be.greaterThan(5);
    expect(rows.filter((r) => !r.has_trigger).map((r) => r.table_name)).to.deep.equal([]);
    await t.db.query(`UPDATE users SET updated_at = '2001-01-01' WHERE id = $1`, [ids.user]);
    const { rows: after } = await t.db.query<{ fresh: boolean }>(`SELECT updated_at > now() - interval '1 minute' AS fresh FROM users WHERE id = $1`, [ids.user]);
    expect(after[0]!.fresh).to.equal(true);
  });

  it("every timestamp of the schema carries its time zone", async () => {
    const { rows } = await t.db.query<{ name: string }>(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'timestamp without time zone' AND table_name <> 'schema_migrations'`,
    );
    expect(rows).to.deep.equal([]);
  });

  for (const c of CASES) {
    it(`${c.constraint} -> ${c.kind === "conflict" ? "conflict" : "invalid input"} on "${c.field}"`, async () => {
      const params = (c.params ?? []).map((p) => (p === "random" ? randomUUID() : ids[p]));
      let caught: unknown;
      try {
        await t.db.query(c.sql, params);
      } catch (err) {
        caught = err;
      }
      const expected = CONSTRAINTS[c.constraint]!;
      expect(caught).to.be.instanceOf(c.kind === "conflict" ? ConflictError : InvalidInputError);
      const err = caught as ConflictError | InvalidInputError;
      expect(err.field).to.equal(c.field);
      expect(err.reason).to.equal(expected.message);
    });
  }

  describe("through the repositories", () => {
    it("a duplicate live profile is a conflict on name; a deleted one does not count", async () => {
      const owner = await makeUser(repos);
      const first = await makeProfile(repos, owner, { name: "Reza Tehrani", birth_date: "1985-03-21" });
      let err: unknown;
      try {
        await makeProfile(repos, owner, { name: "  reza tehrani ", birth_date: "1985-03-21" });
      } catch (e) {
        err = e;
      }
      expect(err).to.be.instanceOf(ConflictError);
      expect((err as ConflictError).field).to.equal("name");
      expect((err as ConflictError).message).to.equal("name: a profile with this name and birth date already exists");
      // Another owner, or another birth date, is fine; so is re-creating after a delete.
      await makeProfile(repos, await makeUser(repos), { name: "Reza Tehrani", birth_date: "1985-03-21" });
      await makeProfile(repos, owner, { name: "Reza Tehrani", birth_date: "1985-03-22" });
      await repos.profiles.softDelete(first.id, viewerOf(owner));
      await makeProfile(repos, owner, { name: "Reza Tehrani", birth_date: "1985-03-21" });
    });

    it("text the database cannot store (NUL) is invalid input, not a driver error", async () => {
      let err: unknown;
      try {
        await repos.users.list({ search: "a\u0000b" });
      } catch (e) {
        err = e;
      }
      expect(err).to.be.instanceOf(InvalidInputError);
      expect((err as InvalidInputError).reason).to.match(/cannot store/);
    });

    it("a rating outside 1..5 is invalid input on rating", async () => {
      for (const rating of [0, 6, -1]) {
        let err: unknown;
        try {
          await repos.feedback.upsert({ readingId: ids.reading as string, userId: ids.user as string, rating });
        } catch (e) {
          err = e;
        }
        expect(err).to.be.instanceOf(InvalidInputError);
        expect((err as InvalidInputError).field).to.equal("rating");
      }
    });

    it("a missing profile, reading or account is invalid input naming the field, never a driver error", async () => {
      const attempts: [string, () => Promise<unknown>][] = [
        ["profile_id", () => repos.readings.create({ ownerId: ids.user as string, profileId: randomUUID(), readingType: "time", result: {} })],
        ["profile_ids", () => repos.readings.create({ ownerId: ids.user as string, readingType: "multi", result: {}, profileIds: [ids.profile as string, randomUUID()] })],
        ["owner_id", () => repos.profiles.create(randomUUID(), { name: "Nobody", birth_date: "1990-01-01", mother_name: "M" })],
        ["reading_id", () => repos.feedback.upsert({ readingId: randomUUID(), userId: ids.user as string, rating: 4 })],
      ];
      for (const [field, attempt] of attempts) {
        let err: unknown;
        try {
          await attempt();
        } catch (e) {
          err = e;
        }
        expect(err, field).to.be.instanceOf(InvalidInputError);
        expect((err as InvalidInputError).field).to.equal(field);
      }
    });

    it("a taken username is a conflict on username, whatever its case", async () => {
      const u = await makeUser(repos);
      let err: unknown;
      try {
        await makeUser(repos, { username: u.username.toUpperCase() });
      } catch (e) {
        err = e;
      }
      expect(err).to.be.instanceOf(ConflictError);
      expect((err as ConflictError).field).to.equal("username");
    });

    it("the audit log refuses UPDATE, DELETE and TRUNCATE", async () => {
      await repos.audit.append({ action: "auth.login", success: true });
      for (const sql of ["UPDATE oracle_audit_log SET success = false", "DELETE FROM oracle_audit_log", "TRUNCATE oracle_audit_log"]) {
        let err: unknown;
        try {
          await t.db.query(sql);
        } catch (e) {
          err = e;
        }
        expect((err as Error).message, sql).to.match(/append-only/);
      }
      expect((await repos.audit.list()).total).to.be.greaterThan(0);
    });
  });
});
