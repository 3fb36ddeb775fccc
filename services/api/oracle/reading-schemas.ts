import { z } from "zod";
import type { Reading } from "../../lib/db/repositories/readings";
import { expandResult, STORED_INTERPRETATION_KEY, toldTextOf } from "./stored-result";
import { LIMITS } from "../../contract";
import {
  categoryField,
  dateField,
  inquiryContextField,
  iso,
  localeField,
  numerologySystemField,
  offsetMinutesField,
  readingTypeField,
  requiredText,
  storedSystemField,
  timeField,
} from "./fields";

/**
 * Reading requests, one body per reading type (each also accepted by POST /api/oracle/readings
 * with its reading_type), and the views of a stored reading. Unknown fields are refused, so a
 * misspelt option is an error rather than silently ignored.
 */

const told = {
  numerology_system: numerologySystemField.optional().meta({ description: "Default auto: abjad for Persian or Arabic script, else pythagorean" }),
  locale: localeField.default("en"),
  include_ai: z.boolean().default(true).meta({ description: "Ask for the AI interpretation (counts against the hourly AI limit)" }),
  inquiry_context: inquiryContextField.optional(),
};

const when = {
  date: dateField.optional().meta({ description: "Default: today on the profile's (or the given offset's) clock" }),
  time: timeField.optional().meta({ description: "Default: now on the same clock" }),
};

const clock = { timezone_offset_minutes: offsetMinutesField.optional().meta({ description: "The clock when no profile gives one; default 0 (UTC)" }) };

export const TimeBody = z.strictObject({ profile_id: z.uuid(), ...when, ...told });
export const DailyBody = z.strictObject({
  profile_id: z.uuid(),
  date: when.date,
  force_regenerate: z.boolean().default(false).meta({ description: "Replace the day's stored reading" }),
  ...told,
});
export const NameBody = z.strictObject({ name: requiredText(LIMITS.nameLength), profile_id: z.uuid().optional(), ...when, ...clock, ...told });
export const QuestionBody = z.strictObject({
  question: requiredText(LIMITS.questionLength).meta({ description: "Stored encrypted" }),
  category: categoryField.optional().meta({ description: "Default: detected from the question" }),
  profile_id: z.uuid().optional(),
  ...when,
  ...clock,
  ...told,
});
export const MultiBody = z
  .strictObject({
    profile_ids: z
      .array(z.uuid())
      .min(LIMITS.profiles.min, `${LIMITS.profiles.min} to ${LIMITS.profiles.max} profiles`)
      .max(LIMITS.profiles.max, `${LIMITS.profiles.min} to ${LIMITS.profiles.max} profiles`)
      .refine((ids) => new Set(ids).size === ids.length, "each profile once"),
    primary_index: z.number().int().min(0).max(LIMITS.profiles.max - 1).default(0),
    ...when,
    ...clock,
    ...told,
  })
  .refine((b) => b.primary_index < b.profile_ids.length, { message: "must point into profile_ids", path: ["primary_index"] });
export const TimingBody = z.strictObject({
  ...when,
  ...clock,
  best_hours: z.number().int().min(LIMITS.bestHours.min).max(LIMITS.bestHours.max).default(LIMITS.defaultBestHours),
  locale: told.locale,
});
export const StampBody = z.strictObject({
  stamp: requiredText(LIMITS.stampLength).meta({ example: "VE-OX-OXFI ☀OX-RUWU-RAWU" }),
  locale: told.locale,
});

/** The body of POST /api/oracle/readings: reading_type chooses which of the bodies above applies. */
export const ReadingBody = z
  .discriminatedUnion("reading_type", [
    TimeBody.extend({ reading_type: z.literal("time") }),
    DailyBody.extend({ reading_type: z.literal("daily") }),
    NameBody.extend({ reading_type: z.literal("name") }),
    QuestionBody.extend({ reading_type: z.literal("question") }),
    MultiBody.extend({ reading_type: z.literal("multi") }),
    TimingBody.extend({ reading_type: z.literal("timing") }),
    StampBody.extend({ reading_type: z.literal("stamp") }),
  ], { error: () => `one of ${readingTypeField.options.join(", ")}` })
  .meta({ id: "ReadingRequest" });

export type ReadingRequest = z.output<typeof ReadingBody>;
export type RequestOfType<T extends ReadingRequest["reading_type"]> = Extract<ReadingRequest, { reading_type: T }>;

const Json = z.record(z.string(), z.unknown());

export const InterpretationSchema = z
  .object({
    ai_generated: z.boolean().meta({ description: "false: the engine's own text (no model configured, or it did not answer)" }),
    model: z.string(),
    cached: z.boolean(),
    sections: z.record(z.string(), z.string()),
  })
  .meta({ id: "Interpretation" });

export const ReadingSchema = z
  .object({
    id: z.uuid(),
    owner_id: z.uuid(),
    reading_type: readingTypeField,
    profile_id: z.uuid().nullable(),
    profile_ids: z.array(z.uuid()),
    sign_value: z.string().nullable(),
    numerology_system: storedSystemField.nullable(),
    locale: localeField,
    question: z.string().nullable(),
    input: Json,
    result: Json,
    ai_interpretation: InterpretationSchema.nullable(),
    confidence_score: z.number().nullable(),
    is_favorite: z.boolean(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "Reading" });

export const ReadingSummarySchema = ReadingSchema.omit({ input: true, result: true, ai_interpretation: true, updated_at: true })
  .extend({ preview: z.string().nullable().meta({ description: "The start of the interpretation's text" }) })
  .meta({ id: "ReadingSummary" });

export const CreatedReadingSchema = ReadingSchema.extend({
  oracle_mode: z.enum(["grpc", "direct_mode"]).meta({ description: "How the Oracle was reached" }),
}).meta({ id: "CreatedReading" });

export type ReadingView = z.output<typeof ReadingSchema>;
export type Interpretation = z.output<typeof InterpretationSchema>;

export { STORED_INTERPRETATION_KEY } from "./stored-result";

const PREVIEW_CHARS = 240;

/** The stored result split into its structured part and its interpretation. */
export function splitResult(result: Readonly<Record<string, unknown>>): { result: Record<string, unknown>; interpretation: Interpretation | null } {
  const { [STORED_INTERPRETATION_KEY]: told, ...rest } = result;
  return { result: rest, interpretation: (told as Interpretation | null | undefined) ?? null };
}

/** What every view of a reading shows. */
function basics(r: Reading) {
  return {
    id: r.id,
    owner_id: r.ownerId,
    reading_type: r.readingType,
    profile_id: r.profileId,
    profile_ids: r.profileIds,
    sign_value: r.signValue,
    numerology_system: r.numerologySystem,
    locale: r.locale,
    question: r.question,
    confidence_score: r.confidenceScore,
    is_favorite: r.isFavorite,
    created_at: iso(r.createdAt),
  };
}

export function readingView(r: Reading): ReadingView {
  const { result, interpretation } = splitResult(expandResult(r.readingType, r.result, r.question));
  return { ...basics(r), input: r.input, result, ai_interpretation: interpretation, updated_at: iso(r.updatedAt) };
}

export function readingSummaryView(r: Reading): z.output<typeof ReadingSummarySchema> {
  const text = toldTextOf(r.readingType, r.recipe ?? r.result, r.question, r.aiInterpretation);
  return { ...basics(r), preview: text === null ? null : text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text };
}
