import { z } from "zod";
import { GENDERS, LIMITS, oneOf, PROFILE_FIELD_NAMES, PROFILE_FIELDS, type Exhaustive, type ProfileField, type RequiredProfileField } from "../../contract";
import type { Profile, ProfileListItem } from "../../lib/db/repositories/oracle-profiles";
import { offsetMinutesAtLocal } from "../../lib/time-zone";
import { isInvalidInput } from "../../lib/errors";
import { readName } from "../../oracle/engine/script/read-name";
import { dateField, iso, isoOrNull, offsetMinutesField, requiredText, text, timeZoneField } from "./fields";

/**
 * Oracle profiles at the edge: the request fields, each validated on its own so an error names
 * the field, and the view a caller gets back (the mother's names decrypted for whoever may see the
 * profile; they are stored encrypted). The fields, their names and limits are the contract's.
 */

/** The latest calendar day anywhere on Earth right now (UTC+14), so "born today" works in every zone. */
export function latestDayOnEarth(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

const birthDateField = dateField
  .refine((d) => d >= LIMITS.earliestBirthDate, `must be ${LIMITS.earliestBirthDate} or later`)
  .refine((d) => d <= latestDayOnEarth(), "must not be in the future");

/**
 * A name every reading of the profile can count: refused here, naming the letters no system can
 * place, rather than saved and then refused by each reading (the daily deliveries included).
 */
const nameField = requiredText(LIMITS.nameLength)
  .refine((s) => s.trim().length >= 2, "at least 2 characters")
  .superRefine((s, ctx) => {
    try {
      readName(s, "auto", "name");
    } catch (err) {
      if (!isInvalidInput(err)) throw err;
      ctx.addIssue({ code: "custom", message: err.reason });
    }
  });
const optionalText = (max: number) => text(max).nullish();
const inRange = (r: { min: number; max: number }) => z.number().min(r.min).max(r.max);
const secret = { description: "Stored encrypted" };

/**
 * How the API takes each field of a profile. A field the contract adds must be given its schema
 * here (the table is exhaustive); optional fields accept null (clears it) or absence.
 */
const FIELD_SCHEMAS = {
  name: nameField.meta({ example: "Alice Johnson" }),
  name_persian: optionalText(LIMITS.nameLength),
  birth_date: birthDateField,
  mother_name: requiredText(LIMITS.nameLength).meta(secret),
  mother_name_persian: optionalText(LIMITS.nameLength).meta(secret),
  gender: z.enum(GENDERS, { message: oneOf(GENDERS) }).nullish(),
  country: optionalText(LIMITS.placeLength),
  city: optionalText(LIMITS.placeLength),
  heart_rate_bpm: z.number().int("expected a whole number").min(LIMITS.heartRateBpm.min).max(LIMITS.heartRateBpm.max).nullish(),
  timezone_offset_minutes: offsetMinutesField.nullish().meta({
    description: "Minutes east of UTC, e.g. 210 for UTC+03:30. With a timezone and no offset, the zone's offset at the birth date",
  }),
  timezone: timeZoneField.nullish().meta({ description: "IANA time zone; readings take its offset at their own moment (daylight saving included)" }),
  latitude: inRange(LIMITS.latitude).nullish(),
  longitude: inRange(LIMITS.longitude).nullish(),
} satisfies Exhaustive<ProfileField, z.ZodType>;

/** How each field is answered: the stored value, null when absent (the required ones always have one). */
const VIEW_SCHEMAS = {
  name: z.string(),
  name_persian: z.string().nullable(),
  birth_date: z.string(),
  mother_name: z.string(),
  mother_name_persian: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  heart_rate_bpm: z.number().int().nullable(),
  timezone_offset_minutes: z.number().int().nullable(),
  timezone: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
} satisfies Exhaustive<ProfileField, z.ZodType>;

const REQUIRED: readonly RequiredProfileField[] = ["name", "birth_date", "mother_name"];

const coordinatesTogether = (b: { latitude?: number | null; longitude?: number | null }) => (b.latitude == null) === (b.longitude == null);
const COORDINATES = { message: "give latitude and longitude together", path: ["longitude"] };

export const ProfileCreateBody = z.strictObject(FIELD_SCHEMAS).refine(coordinatesTogether, COORDINATES);

export const ProfilePatchBody = z
  .strictObject({
    ...FIELD_SCHEMAS,
    ...(Object.fromEntries(REQUIRED.map((f) => [f, FIELD_SCHEMAS[f].optional()])) as { [K in RequiredProfileField]: z.ZodOptional<(typeof FIELD_SCHEMAS)[K]> }),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "give at least one field to change" })
  .refine((b) => b.latitude === undefined && b.longitude === undefined ? true : coordinatesTogether(b), COORDINATES);

type CreateBody = z.output<typeof ProfileCreateBody>;
type PatchBody = z.output<typeof ProfilePatchBody>;

/**
 * What a body stores: its fields as given, and a zone given without an offset brings the zone's
 * offset at the birth date (`birthDate`: the stored one, for a patch that changes only the zone).
 */
export function profileFieldsFrom<B extends CreateBody | PatchBody>(b: B, birthDate?: string): B {
  const born = b.birth_date ?? birthDate;
  if (!b.timezone || b.timezone_offset_minutes !== undefined || !born) return b;
  return { ...b, timezone_offset_minutes: offsetMinutesAtLocal(b.timezone, { year: Number(born.slice(0, 4)), month: Number(born.slice(5, 7)), day: Number(born.slice(8, 10)) }) };
}

export const ProfileSchema = z
  .object({
    id: z.uuid(),
    owner_id: z.uuid(),
    ...VIEW_SCHEMAS,
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
    deleted_at: z.iso.datetime().nullable(),
  })
  .meta({ id: "OracleProfile" });

export const ProfileListItemSchema = ProfileSchema.extend({ reading_count: z.number().int() }).meta({ id: "OracleProfileListItem" });

export function profileView(p: Profile): z.output<typeof ProfileSchema> {
  const fields = Object.fromEntries(PROFILE_FIELD_NAMES.map((f) => [f, p[f] ?? null])) as { [K in ProfileField]: Profile[K] };
  return { id: p.id, owner_id: p.owner_id, ...fields, created_at: iso(p.created_at), updated_at: iso(p.updated_at), deleted_at: isoOrNull(p.deleted_at) };
}

export function profileListItemView(p: ProfileListItem): z.output<typeof ProfileListItemSchema> {
  return { ...profileView(p), reading_count: p.readingCount };
}

/** Fields of a profile never to appear in plaintext inside a stored reading (the repository seals them). */
export function secretsOfProfile(p: Profile): string[] {
  return PROFILE_FIELD_NAMES.filter((f) => PROFILE_FIELDS[f].secret).map((f) => p[f]).filter((v): v is string => typeof v === "string" && v.trim() !== "");
}
