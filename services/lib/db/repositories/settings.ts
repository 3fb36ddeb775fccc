import type { Queryable } from "../database";
import { isUuid } from "../paging";
import { changeNotices } from "./change-notices";

/**
 * Per-account settings: a fixed list of keys (the table refuses others), string values.
 *
 *   getAll(userId)              { key: value } of what is set
 *   setMany(userId, values)     upserts every pair in one statement; the full settings after
 *   remove(userId, key)
 */

export const SETTING_KEYS = [
  "locale",
  "language",
  "theme",
  "default_reading_type",
  "timezone",
  "numerology_system",
  "auto_daily",
  "notifications_enabled",
  "daily_delivery_time",
  "reading_history_visible",
  "share_enabled",
  "dark_mode",
  "font_size",
  "sound_enabled",
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

const settingsChanges = changeNotices();

/**
 * Told the id of every account whose settings this process changes (through any repository
 * instance), so an in-process copy of them can drop it at once. Returns the unsubscribe function.
 */
export const onSettingsChange = settingsChanges.listen;

const settingsChanged = settingsChanges.tell;

export class SettingsRepository {
  constructor(private readonly q: Queryable) {}

  async getAll(userId: string): Promise<Partial<Record<SettingKey, string>>> {
    if (!isUuid(userId)) return {};
    const { rows } = await this.q.query<{ setting_key: SettingKey; setting_value: string }>(
      `SELECT setting_key, setting_value FROM user_settings WHERE user_id = $1 ORDER BY setting_key`,
      [userId],
    );
    return Object.fromEntries(rows.map((r) => [r.setting_key, r.setting_value]));
  }

  async setMany(userId: string, values: Readonly<Partial<Record<SettingKey, string>>>): Promise<Partial<Record<SettingKey, string>>> {
    const entries = Object.entries(values).filter((e): e is [string, string] => typeof e[1] === "string");
    if (entries.length > 0) {
      await this.q.query(
        `INSERT INTO user_settings (user_id, setting_key, setting_value)
         SELECT $1, k, v FROM unnest($2::text[], $3::text[]) AS t(k, v)
         ON CONFLICT (user_id, setting_key) DO UPDATE SET setting_value = EXCLUDED.setting_value`,
        [userId, entries.map((e) => e[0]), entries.map((e) => e[1])],
      );
      settingsChanged(userId);
    }
    return this.getAll(userId);
  }

  async remove(userId: string, key: SettingKey): Promise<boolean> {
    if (!isUuid(userId)) return false;
    const { rowCount } = await this.q.query(`DELETE FROM user_settings WHERE user_id = $1 AND setting_key = $2`, [userId, key]);
    if (rowCount === 1) settingsChanged(userId);
    return rowCount === 1;
  }
}
