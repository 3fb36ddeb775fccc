import { z } from "zod";
import { SETTING_KEYS, type SettingKey, type SettingsRepository } from "../../lib/db/repositories/settings";
import { localeField, numerologySystemField, readingTypeField, timeField } from "../oracle/fields";

/**
 * The settings an account keeps: a fixed list of keys, each with a type and a default. The
 * database stores text; values are written as JSON text and read back through the same schema,
 * so a value that no longer fits (a key whose type changed) reads as the default.
 */

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const timeZoneField = z.string().max(64).refine(isTimeZone, "expected an IANA time zone such as Europe/London or Asia/Tehran");

/** Each key's type and default; the keys are exactly the database's list. */
export const SETTINGS = {
  locale: { schema: localeField, default: "en" },
  language: { schema: localeField, default: "en" },
  theme: { schema: z.enum(["light", "dark", "auto"]), default: "auto" },
  default_reading_type: { schema: readingTypeField, default: "time" },
  timezone: { schema: timeZoneField, default: "UTC" },
  numerology_system: { schema: numerologySystemField, default: "auto" },
  auto_daily: { schema: z.boolean(), default: false },
  notifications_enabled: { schema: z.boolean(), default: true },
  daily_delivery_time: { schema: timeField.refine((t) => t.length === 5, "expected HH:MM"), default: "08:00" },
  reading_history_visible: { schema: z.boolean(), default: true },
  share_enabled: { schema: z.boolean(), default: true },
  dark_mode: { schema: z.boolean(), default: false },
  font_size: { schema: z.enum(["small", "medium", "large"]), default: "medium" },
  sound_enabled: { schema: z.boolean(), default: true },
} as const satisfies Record<SettingKey, { schema: z.ZodType; default: unknown }>;

export type Settings = { -readonly [K in SettingKey]: z.output<(typeof SETTINGS)[K]["schema"]> };

// The two lists must stay one: a key missing here or there fails at start, not at a user's request.
if (Object.keys(SETTINGS).sort().join() !== [...SETTING_KEYS].sort().join()) throw new Error("SETTINGS does not match SETTING_KEYS");

/** The body of a bulk update: any of the keys, each with its type; null resets a key to its default. */
export const SettingsPatchBody = z
  .strictObject(Object.fromEntries(SETTING_KEYS.map((k) => [k, (SETTINGS[k].schema as z.ZodType).nullable().optional()])) as {
    [K in SettingKey]: z.ZodOptional<z.ZodNullable<(typeof SETTINGS)[K]["schema"]>>;
  })
  .refine((b) => Object.keys(b).length > 0, "give at least one setting");

export const SettingsSchema = z
  .strictObject(Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].schema])) as { [K in SettingKey]: (typeof SETTINGS)[K]["schema"] })
  .meta({ id: "Settings" });

function decode<K extends SettingKey>(key: K, stored: string | undefined): Settings[K] {
  if (stored === undefined) return SETTINGS[key].default as Settings[K];
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    value = stored;
  }
  const parsed = (SETTINGS[key].schema as z.ZodType).safeParse(value);
  return (parsed.success ? parsed.data : SETTINGS[key].default) as Settings[K];
}

/** Every key, with the stored value or its default. */
export function settingsFrom(stored: Partial<Record<SettingKey, string>>): Settings {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, decode(k, stored[k])])) as Settings;
}

/** The text each given value is stored as. */
export function encodeSettings(values: Partial<Record<SettingKey, unknown>>): Partial<Record<SettingKey, string>> {
  const out: Partial<Record<SettingKey, string>> = {};
  for (const [key, value] of Object.entries(values) as [SettingKey, unknown][]) if (value !== undefined && value !== null) out[key] = JSON.stringify(value);
  return out;
}

/** One setting of an account, typed (the default when unset). */
export async function readSetting<K extends SettingKey>(repo: Pick<SettingsRepository, "getAll">, userId: string, key: K): Promise<Settings[K]> {
  return decode(key, (await repo.getAll(userId))[key]);
}
