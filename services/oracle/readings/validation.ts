/**
 * Request validation for every reading type, in one place for the gRPC server and the API's
 * direct mode alike. A bad request throws InvalidInputError naming the field by its path in the
 * request ("profiles[1].birth_date.month"), so both edges can say exactly what was wrong.
 */
import { z } from "zod";
import { InvalidInputError } from "../../lib/errors";
import { isValidDate, NUMEROLOGY_SYSTEMS } from "../engine";
import { validateChart, validateChartCompatibility, type ChartCompatibilityRequest, type ChartRequest } from "./chart-reading";
import { isAfter, isoDate, type DateParts } from "./dates";
import {
  GENDERS,
  QUESTION_CATEGORIES,
  type DailyReadingRequest,
  type MultiReadingRequest,
  type NameReadingRequest,
  type QuestionReadingRequest,
  type StampCheckRequest,
  type TimeReadingRequest,
  type TimingRequest,
} from "./types";

export const LIMITS = {
  nameLength: 200,
  questionLength: 500,
  stampLength: 100,
  minProfiles: 2,
  maxProfiles: 5,
  inquiryEntries: 10,
  inquiryKeyLength: 40,
  inquiryValueLength: 500,
  minBpm: 30,
  maxBpm: 220,
} as const;

/** "required" for a missing value, "must be <what>" for one of the wrong kind. */
function kind(what: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? "required" : `must be ${what}`) };
}

const int = (min: number, max: number) =>
  z
    .int(kind("a whole number"))
    .min(min, `must be from ${min} to ${max}`)
    .max(max, `must be from ${min} to ${max}`);

const optionalInt = (min: number, max: number) => int(min, max).nullish();

const finite = (min: number, max: number) =>
  z
    .number(kind("a number"))
    .min(min, `must be from ${min} to ${max}`)
    .max(max, `must be from ${min} to ${max}`);

/** Case-insensitive choice among fixed words. */
function choice<T extends readonly [string, ...string[]]>(words: T) {
  const message = `must be one of ${words.join(", ")}`;
  return z
    .string(kind(`one of ${words.join(", ")}`))
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(words, { error: () => message }));
}

const text = (max: number) => z.string(kind("a string")).max(max, `must be at most ${max} characters`);
const requiredText = (max: number) => text(max).refine((s) => s.trim() !== "", "must not be blank");
const optionalText = (max: number) => text(max).nullish();

const calendarDate = z
  .object({ year: int(1, 9999), month: int(1, 12), day: int(1, 31) }, kind("{year, month, day}"))
  .check((ctx) => {
    const { year, month, day } = ctx.value;
    if (!isValidDate(year, month, day)) {
      ctx.issues.push({ code: "custom", input: ctx.value, message: `${isoDate(ctx.value)} is not a day of the calendar` });
    }
  });

const localMoment = z
  .object(
    {
      year: int(1, 9999),
      month: int(1, 12),
      day: int(1, 31),
      hour: optionalInt(0, 23),
      minute: optionalInt(0, 59),
      second: optionalInt(0, 59),
    },
    kind("{year, month, day, hour?, minute?, second?}"),
  )
  .check((ctx) => {
    const { year, month, day } = ctx.value;
    if (!isValidDate(year, month, day)) {
      ctx.issues.push({ code: "custom", input: ctx.value, message: `${isoDate(ctx.value)} is not a day of the calendar` });
    }
  })
  .transform(({ year, month, day, hour, minute, second }) => ({
    year,
    month,
    day,
    ...(hour != null ? { hour } : {}),
    ...(minute != null ? { minute } : {}),
    ...(second != null ? { second } : {}),
  }));

const utcOffset = z.object({ hours: int(-12, 14), minutes: int(-59, 59) }, kind("{hours, minutes}"));

const profile = z
  .object(
    {
      full_name: requiredText(LIMITS.nameLength),
      persian_name: optionalText(LIMITS.nameLength),
      birth_date: calendarDate,
      mother_name: optionalText(LIMITS.nameLength),
      gender: choice(GENDERS).nullish(),
      latitude: finite(-90, 90).nullish(),
      longitude: finite(-180, 180).nullish(),
      heart_rate_bpm: optionalInt(LIMITS.minBpm, LIMITS.maxBpm),
      timezone: utcOffset.nullish(),
      numerology_system: choice(NUMEROLOGY_SYSTEMS).nullish(),
    },
    kind("a profile object"),
  )
  .check((ctx) => {
    const { latitude, longitude } = ctx.value;
    if ((latitude == null) !== (longitude == null)) {
      const missing = latitude == null ? "latitude" : "longitude";
      ctx.issues.push({ code: "custom", input: ctx.value, path: [missing], message: "required when the other coordinate is given" });
    }
  });

const interpretation = z
  .object(
    {
      enabled: z.boolean(kind("true or false")).nullish(),
      inquiry_context: z
        .record(
          z.string().max(LIMITS.inquiryKeyLength, `keys must be at most ${LIMITS.inquiryKeyLength} characters`),
          z.string(kind("a string")).max(LIMITS.inquiryValueLength, `must be at most ${LIMITS.inquiryValueLength} characters`),
          kind("an object of strings"),
        )
        .refine((r) => Object.keys(r).length <= LIMITS.inquiryEntries, `at most ${LIMITS.inquiryEntries} entries`)
        .nullish(),
    },
    kind("{enabled, inquiry_context}"),
  )
  .nullish();

type Moment = z.output<typeof localMoment>;

/** A birth date after the reading's moment is refused here, with the profile's path. */
function birthNotAfter(at: Moment, p: { birth_date: DateParts } | null | undefined, path: (string | number)[], issues: z.core.$ZodRawIssue[]): void {
  if (p && isAfter(p.birth_date, at)) {
    issues.push({ code: "custom", input: p.birth_date, path: [...path, "birth_date"], message: `is after the reading's date ${isoDate(at)}` });
  }
}

const timeRequest = z
  .object({ profile, at: localMoment, interpretation }, kind("a request object"))
  .check((ctx) => birthNotAfter(ctx.value.at, ctx.value.profile, ["profile"], ctx.issues));

const dailyRequest = z
  .object({ profile, date: calendarDate, interpretation }, kind("a request object"))
  .check((ctx) => birthNotAfter(ctx.value.date, ctx.value.profile, ["profile"], ctx.issues));

/** A name or a question, asked in a system, by an optional profile, at a moment. */
function askedRequest<S extends z.core.$ZodLooseShape>(own: S) {
  return z
    .object(
      { ...own, numerology_system: choice(NUMEROLOGY_SYSTEMS).nullish(), profile: profile.nullish(), at: localMoment, interpretation },
      kind("a request object"),
    )
    .check((ctx) => {
      const value = ctx.value as { at: Moment; profile?: { birth_date: DateParts } | null };
      birthNotAfter(value.at, value.profile, ["profile"], ctx.issues);
    });
}

const nameRequest = askedRequest({ name: requiredText(LIMITS.nameLength) });

const questionRequest = askedRequest({
  question: requiredText(LIMITS.questionLength),
  category: choice(QUESTION_CATEGORIES).nullish(),
});

const multiRequest = z
  .object(
    {
      profiles: z
        .array(profile, kind("a list of profiles"))
        .min(LIMITS.minProfiles, `must hold ${LIMITS.minProfiles} to ${LIMITS.maxProfiles} profiles`)
        .max(LIMITS.maxProfiles, `must hold ${LIMITS.minProfiles} to ${LIMITS.maxProfiles} profiles`),
      at: localMoment,
      interpretation,
    },
    kind("a request object"),
  )
  .check((ctx) => ctx.value.profiles.forEach((p, i) => birthNotAfter(ctx.value.at, p, ["profiles", i], ctx.issues)));

const timingRequest = z.object({ at: localMoment, best_hours: optionalInt(0, 24) }, kind("a request object"));

const stampRequest = z.object(
  {
    stamp: z
      .string(kind("a string"))
      .max(LIMITS.stampLength, `must be at most ${LIMITS.stampLength} characters`)
      .refine((s) => s.trim() !== "", "required"),
  },
  kind("a request object"),
);

/** "profiles[1].birth_date" from zod's ["profiles", 1, "birth_date"]. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out || "request";
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new InvalidInputError(fieldPath(issue.path), issue.message);
}

/** Each returns the request with its strings' case settled and absent values as null or missing. */
export const validate = {
  time: (input: unknown): TimeReadingRequest => parse(timeRequest, input),
  daily: (input: unknown): DailyReadingRequest => parse(dailyRequest, input),
  name: (input: unknown): NameReadingRequest => parse(nameRequest, input),
  question: (input: unknown): QuestionReadingRequest => parse(questionRequest, input),
  multi: (input: unknown): MultiReadingRequest => parse(multiRequest, input),
  timing: (input: unknown): TimingRequest => parse(timingRequest, input),
  stamp: (input: unknown): StampCheckRequest => parse(stampRequest, input),
  chart: (input: unknown): ChartRequest => validateChart(input),
  chartCompatibility: (input: unknown): ChartCompatibilityRequest => validateChartCompatibility(input),
};
