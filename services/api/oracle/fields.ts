import { z } from "zod";
import { LIMITS, LOCALES, NUMEROLOGY_SYSTEMS, oneOf, QUESTION_CATEGORIES, READING_TYPES, SYSTEM_CHOICES } from "../../contract";
import { isTimeZone } from "../../lib/time-zone";

/**
 * Field schemas the feature routes share (oracle, share, settings, telegram): dates, times, ids,
 * systems and the free-text limits the Oracle itself enforces, so a request is refused at the edge
 * with the API's own field name before it reaches the Oracle.
 */

/** A calendar day, YYYY-MM-DD (February 30th is refused). */
export const dateField = z.iso.date({ message: "expected a date YYYY-MM-DD" }).meta({ example: "2026-02-09" });

/** A time of day, HH:MM or HH:MM:SS, 24-hour clock. */
export const timeField = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, "expected a time HH:MM or HH:MM:SS")
  .meta({ example: "14:30:00" });

/** Minutes east of UTC, as the profiles and the Telegram preferences keep it (UTC-12:00 .. UTC+14:00). */
export const offsetMinutesField = z
  .number()
  .int("expected a whole number of minutes")
  .min(LIMITS.timezoneOffsetMinutes.min)
  .max(LIMITS.timezoneOffsetMinutes.max);

/** An IANA time zone name the tz database knows ("Asia/Tehran", "America/New_York"). */
export const timeZoneField = z
  .string()
  .refine(isTimeZone, "expected an IANA time zone such as Asia/Tehran or America/New_York")
  .meta({ example: "Asia/Tehran" });

export const numerologySystemField = z.enum(SYSTEM_CHOICES, { message: oneOf(SYSTEM_CHOICES) });
export const storedSystemField = z.enum(NUMEROLOGY_SYSTEMS);
export const readingTypeField = z.enum(READING_TYPES, { message: oneOf(READING_TYPES) });
export const categoryField = z.enum(QUESTION_CATEGORIES, { message: oneOf(QUESTION_CATEGORIES) });
export const localeField = z.enum(LOCALES, { message: oneOf(LOCALES) });

/** Free text of at most `max` characters (the route toolkit refuses the NUL character in every field). */
export const text = (max: number) => z.string().max(max, `at most ${max} characters`);

/** Free-form context for the AI interpretation: a few short strings. */
export const inquiryContextField = z
  .record(
    text(LIMITS.inquiryKeyLength).refine((k) => k !== "", "keys must not be empty"),
    text(LIMITS.inquiryValueLength),
  )
  .refine((r) => Object.keys(r).length <= LIMITS.inquiryEntries, `at most ${LIMITS.inquiryEntries} entries`);

/** Text that must hold something besides spaces, up to `max` characters. */
export const requiredText = (max: number) => text(max).refine((s) => s.trim() !== "", "must not be blank");

export const idParams = <K extends string>(name: K) => z.object({ [name]: z.uuid({ message: "expected a UUID" }) } as Record<K, z.ZodUUID>);

export const readingIdParams = idParams("reading_id");
export const profileIdParams = idParams("profile_id");

/** A bound of a time range: a date (YYYY-MM-DD, the whole UTC day) or an ISO timestamp. */
export const dateBoundField = z.union([dateField, z.iso.datetime({ offset: true })], { error: () => "expected a date YYYY-MM-DD or an ISO timestamp" });

/** The instant a bound stands for: a date starts (or, as an upper bound, ends) its UTC day. */
export function boundOf(value: string | undefined, end: boolean): Date | undefined {
  if (value === undefined) return undefined;
  return new Date(value.length === 10 ? `${value}T${end ? "23:59:59.999" : "00:00:00.000"}Z` : value);
}

/** A timestamp for JSON answers. */
export const iso = (d: Date): string => d.toISOString();
export const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);
