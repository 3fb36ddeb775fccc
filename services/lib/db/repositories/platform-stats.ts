import type { Queryable } from "../database";

/**
 * Whole-platform figures for the admin dashboard, the health analytics and the bot's admin
 * command, in one round trip.
 */

export interface PlatformStats {
  readonly users: { total: number; active: number; inactive: number; byRole: Record<string, number> };
  readonly profiles: number;
  readonly readings: { total: number; today: number; last24h: number; lastAt: Date | null; byType: Record<string, number> };
  readonly linkedChats: number;
  readonly failures24h: number;
  readonly databaseBytes: number;
}

export async function platformStats(q: Queryable, now: Date = new Date()): Promise<PlatformStats> {
  const { rows } = await q.query<{
    users_total: number;
    users_active: number;
    by_role: Record<string, number> | null;
    profiles: number;
    readings_total: number;
    readings_today: number;
    readings_24h: number;
    last_reading_at: Date | null;
    by_type: Record<string, number> | null;
    linked_chats: number;
    failures_24h: number;
    database_bytes: number;
  }>(
    `SELECT (SELECT count(*) FROM users) AS users_total,
            (SELECT count(*) FROM users WHERE is_active) AS users_active,
            (SELECT jsonb_object_agg(role, n) FROM (SELECT role, count(*) AS n FROM users GROUP BY 1) t) AS by_role,
            (SELECT count(*) FROM oracle_users WHERE deleted_at IS NULL) AS profiles,
            (SELECT count(*) FROM oracle_readings WHERE deleted_at IS NULL) AS readings_total,
            (SELECT count(*) FROM oracle_readings WHERE deleted_at IS NULL
                AND created_at >= date_trunc('day', $1::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') AS readings_today,
            (SELECT count(*) FROM oracle_readings WHERE deleted_at IS NULL AND created_at >= $1::timestamptz - interval '24 hours') AS readings_24h,
            (SELECT max(created_at) FROM oracle_readings WHERE deleted_at IS NULL) AS last_reading_at,
            (SELECT jsonb_object_agg(reading_type, n)
               FROM (SELECT reading_type, count(*) AS n FROM oracle_readings WHERE deleted_at IS NULL GROUP BY 1) t) AS by_type,
            (SELECT count(*) FROM telegram_links WHERE is_active) AS linked_chats,
            (SELECT count(*) FROM oracle_audit_log WHERE NOT success AND occurred_at >= $1::timestamptz - interval '24 hours') AS failures_24h,
            pg_database_size(current_database()) AS database_bytes`,
    [now],
  );
  const s = rows[0]!;
  return {
    users: { total: s.users_total, active: s.users_active, inactive: s.users_total - s.users_active, byRole: s.by_role ?? {} },
    profiles: s.profiles,
    readings: { total: s.readings_total, today: s.readings_today, last24h: s.readings_24h, lastAt: s.last_reading_at, byType: s.by_type ?? {} },
    linkedChats: s.linked_chats,
    failures24h: s.failures_24h,
    databaseBytes: s.database_bytes,
  };
}
