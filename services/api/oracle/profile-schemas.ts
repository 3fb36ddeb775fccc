import { z } from "zod";
import type { Profile, ProfileListItem } from "../../lib/db/repositories/oracle-profiles";
import { LIMITS } from "../../oracle/readings";
import { offsetMinutesAtLocal } from "../../lib/time-zone";
import { dateField, iso, isoOrNull, offsetMinutesField, requiredText, text, timeZoneField } from "./fields";

/**
 * Oracle profiles at the edge: the request fields, each validated on its own so an error names
 * the field, and the view a caller gets back (the mother's name decrypted for whoever may see the
 * profile; it is stored encrypted).
 */

const EARLIEST_BIRTH_DATE = "1900-01-01";

/** The latest calendar day anywhere on Earth right now (UTC+14), so "born today" works in every zone. */
export function latestDayOnEarth(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

const birthDateField = dateField
  .refine((d) => d >= EARLIEST_BIRTH_DATE, `must be ${EARLIEST_BIRTH_DATE} or later`)
  .refine((d) => d <= latestDayOnEarth(), "must not be in the future");

const nameField = requiredText(LIMITS.nameLength).refine((s) => s.trim().length >= 2, "at least 2 characters");
const optionalText = (max: number) => text(max).nullish();

const profileFields = {
  name: nameField.meta({ example: "Alice Johnson" }),
  name_persian: optionalText(LIMITS.nameLength),
  birth_date: birthDateField,
  mother_name: requiredText(LIMITS.nameLength).meta({ description: "Stored encrypted" }),
  mother_name_persian: optionalText(LIMITS.nameLength).meta({ description: "Stored encrypted" }),
  gender: z.enum(["male", "female"], { message: "one of male, female" }).nullish(),
  country: optionalText(100),
  city: optionalText(100),
  heart_rate_bpm: z.number().int("expected a whole number").min(LIMITS.minBpm).max(LIMITS.maxBpm).nullish(),
  timezone_offset_minutes: offsetMinutesField.nullish().meta({
    description: "Minutes east of UTC, e.g. 210 for UTC+03:30. With a timezone and no offset, the zone's offset at the birth date",
  }),
  timezone: timeZoneField.nullish().meta({ description: "IANA time zone; readings take its offset at their own moment (daylight saving included)" }),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
};

const coordinatesTogether = (b: { latitude?: number | null; longitude?: number | null }) => (b.latitude == null) === (b.longitude == null);
const COORDINATES = { message: "give latitude and longitude together", path: ["longitude"] };

export const ProfileCreateBody = z.strictObject(profileFields).refine(coordinatesTogether, COORDINATES);

export const ProfilePatchBody = z
  .strictObject({
    ...profileFields,
    name: profileFields.name.optional(),
    birth_date: profileFields.birth_date.optional(),
    mother_name: profileFields.mother_name.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "give at least one field to change" })
  .refine((b) => b.latitude === undefined && b.longitude === undefined ? true : coordinatesTogether(b), COORDINATES);

type CreateBody = z.output<typeof ProfileCreateBody>;
type PatchBody = z.output<typeof ProfilePatchBody>;

/**
 * The repository's field names for a request body (undefined leaves a field, null clears it). A
 * zone given without an offset brings the zone's offset at the birth date (`birthDate`: the
 * stored one, for a patch that changes only the zone).
 */
export function profilePatchFrom(b: PatchBody | CreateBody, birthDate?: string) {
  const born = b.birth_date ?? birthDate;
  const derivedOffset =
    b.timezone && b.timezone_offset_minutes === undefined && born
      ? offsetMinutesAtLocal(b.timezone, { year: Number(born.slice(0, 4)), month: Number(born.slice(5, 7)), day: Number(born.slice(8, 10)) })
      : undefined;
  return {
    name: b.name,
    namePersian: b.name_persian,
    birthDate: b.birth_date,
    motherName: b.mother_name,
    motherNamePersian: b.mother_name_persian,
    gender: b.gender,
    country: b.country,
    city: b.city,
    heartRateBpm: b.heart_rate_bpm,
    timezoneOffsetMinutes: b.timezone_offset_minutes ?? derivedOffset,
    timezone: b.timezone,
    latitude: b.latitude,
    longitude: b.longitude,
  };
}

export const ProfileSchema = z
  .object({
    id: z.uuid(),
    owner_id: z.uuid(),
    name: z.string(),
    name_persian: z.string().nullable(),
    birth_date: z.string(),
    mother_name: z.string(),
    mother_name_persian: z.string().nullable(),
    gender: z.enum(["male", "female"]).nullable(),
    country: z.string().nullable(),
    city: z.string().nullable(),
    heart_rate_bpm: z.number().int().nullable(),
    timezone_offset_minutes: z.number().int().nullable(),
    timezone: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
    deleted_at: z.iso.datetime().nullable(),
  })
  .meta({ id: "OracleProfile" });

export const ProfileListItemSchema = ProfileSchema.extend({ reading_count: z.number().int() }).meta({ id: "OracleProfileListItem" });

export function profileView(p: Profile): z.output<typeof ProfileSchema> {
  return {
    id: p.id,
    owner_id: p.ownerId,
    name: p.name,
    name_persian: p.namePersian,
    birth_date: p.birthDate,
    mother_name: p.motherName,
    mother_name_persian: p.motherNamePersian,
    gender: p.gender,
    country: p.country,
    city: p.city,
    heart_rate_bpm: p.heartRateBpm,
    timezone_offset_minutes: p.timezoneOffsetMinutes,
    timezone: p.timezone,
    latitude: p.latitude,
    longitude: p.longitude,
    created_at: iso(p.createdAt),
    updated_at: iso(p.updatedAt),
    deleted_at: isoOrNull(p.deletedAt),
  };
}

export function profileListItemView(p: ProfileListItem): z.output<typeof ProfileListItemSchema> {
  return { ...profileView(p), reading_count: p.readingCount };
}
