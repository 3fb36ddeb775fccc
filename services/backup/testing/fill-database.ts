import type { Database, Queryable } from "../../lib/db/database";

/**
 * Fills an NPS database fast, in SQL (generate_series), for the backup tests and `nps bench
 * backup`: accounts, profiles, readings with a result of about a kilobyte each, the rows that hang
 * off readings, audit rows, settings and Telegram links whose daily preference points at a
 * profile (a key from outside the Oracle tables into them). Deterministic apart from ids.
 */

export interface FillOptions {
  readonly readings: number;
  readonly accounts?: number;
}

/** One transaction, with no statement timeout: the large fills of the benchmark take minutes. */
export function fillDatabase(db: Database, o: FillOptions): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.query("SET LOCAL statement_timeout = 0");
    await fill(tx, o);
  });
}

async function fill(db: Queryable, o: FillOptions): Promise<void> {
  const accounts = o.accounts ?? 20;
  const profiles = Math.max(10, Math.ceil(o.readings / 20));
  await db.query(
    `INSERT INTO users (username, password_hash, role)
     SELECT 'fill_' || g, '$argon2id$v=19$m=19456,t=2,p=1$' || md5(g::text), CASE WHEN g = 1 THEN 'admin' ELSE 'user' END
     FROM generate_series(1, $1::int) g`,
    [accounts],
  );
  await db.query(
    `WITH u AS (SELECT id, row_number() OVER (ORDER BY username) AS n FROM users WHERE username LIKE 'fill\\_%')
     INSERT INTO oracle_users (owner_id, name, birth_date, mother_name, gender, city, latitude, longitude)
     SELECT u.id, 'Profile ' || g, DATE '1960-01-01' + (g % 15000), 'Mother ' || g, CASE WHEN g % 2 = 0 THEN 'female' ELSE 'male' END,
            'City ' || (g % 97), (g % 180) - 90 + 0.5, (g % 360) - 180 + 0.25
     FROM generate_series(1, $1::int) g JOIN u ON u.n = 1 + (g % $2::int)`,
    [profiles, accounts],
  );
  await db.query(
    `WITH p AS (SELECT id, owner_id, row_number() OVER (ORDER BY name) AS n FROM oracle_users)
     INSERT INTO oracle_readings (owner_id, profile_id, reading_type, sign_value, numerology_system, input, result, confidence_score, is_favorite, created_at)
     SELECT p.owner_id, p.id, (ARRAY['time','name','question','daily','multi','timing','stamp'])[1 + g % 7], 'sign-' || (g % 60),
            (ARRAY['pythagorean','chaldean','abjad'])[1 + g % 3],
            jsonb_build_object('at', '2026-01-01T00:00:00Z', 'n', g),
            jsonb_build_object('fc60', md5(g::text), 'life_path', g % 9 + 1, 'moon', jsonb_build_object('phase', g % 8, 'illumination', (g % 100) / 100.0),
                               'summary', repeat(md5((g * 7)::text) || ' ', 24), 'numbers', to_jsonb(ARRAY[g % 11, g % 13, g % 17, g % 19])),
            (g % 101), g % 10 = 0, timestamptz '2026-01-01' + g * interval '1 minute'
     FROM generate_series(1, $1::int) g JOIN p ON p.n = 1 + (g % $2::int)`,
    [o.readings, profiles],
  );
  await db.query(
    `INSERT INTO oracle_reading_users (reading_id, profile_id, position, is_primary)
     SELECT r.id, r.profile_id, 0, true FROM oracle_readings r WHERE r.reading_type = 'multi'`,
  );
  await db.query(
    `INSERT INTO oracle_daily_readings (profile_id, reading_date, reading_id)
     SELECT DISTINCT ON (r.profile_id) r.profile_id, DATE '2026-01-01', r.id FROM oracle_readings r WHERE r.reading_type = 'daily' ORDER BY r.profile_id, r.id`,
  );
  await db.query(
    `INSERT INTO oracle_share_links (reading_id, created_by, token_hash, expires_at)
     SELECT r.id, r.owner_id, sha256(r.id::text::bytea), now() + interval '7 days' FROM oracle_readings r WHERE r.is_favorite`,
  );
  await db.query(
    `INSERT INTO oracle_reading_feedback (reading_id, user_id, rating, section_feedback)
     SELECT r.id, r.owner_id, 1 + (r.confidence_score::int % 5), '{"advice": true}' FROM oracle_readings r WHERE r.confidence_score::int % 4 = 0`,
  );
  await db.query(
    `INSERT INTO oracle_audit_log (actor_username, action, resource_type, resource_id, success, details)
     SELECT 'fill_1', 'oracle_reading.create', 'oracle_reading', g::text, true, jsonb_build_object('n', g) FROM generate_series(1, $1::int) g`,
    [Math.max(10, Math.ceil(o.readings / 10))],
  );
  await db.query(
    `INSERT INTO user_settings (user_id, setting_key, setting_value) SELECT id, 'locale', 'en' FROM users WHERE username LIKE 'fill\\_%'`,
  );
  await db.query(
    `WITH u AS (SELECT id, row_number() OVER (ORDER BY username) AS n FROM users WHERE username LIKE 'fill\\_%')
     INSERT INTO telegram_links (chat_id, user_id, telegram_username) SELECT 1000 + u.n, u.id, 'tg_' || u.n FROM u`,
  );
  await db.query(
    `WITH p AS (SELECT id, row_number() OVER (ORDER BY name) AS n FROM oracle_users)
     INSERT INTO telegram_daily_preferences (chat_id, daily_enabled, profile_id)
     SELECT l.chat_id, true, p.id FROM telegram_links l JOIN p ON p.n = l.chat_id - 999`,
  );
}
