/**
 * Request validation for every reading type, in one place for the gRPC server and the API's
 * direct mode alike. A bad request throws InvalidInputError naming the field by its path in the
 * request ("profiles[1].birth_date.month"), so both edges can say exactly what was wrong.
 */
import { z } from "zod";
import { GENDERS, LIMITS, LOCALES, oneOf, QUESTION_CATEGORIES, rangeMessage, SYSTEM_CHOICES, type Exhaustive, type OracleProfileField, type Range, type ReadingType } from "../../contract";
import { InvalidInputError } from "../../lib/errors";
import { isValidDate } from "../engine";
import { validateChart, validateChartCompatibility, type ChartCompatibilityRequest, type ChartRequest } from "./chart-reading";
import { isAfter, isoDate, type DateParts } from "./dates";
import type {
  DailyReadingRequest,
  MultiReadingRequest,
  NameReadingRequest,
  QuestionReadingRequest,
  StampCheckRequest,
  TimeReadingRequest,
  TimingRequest,
} from "./types";

/** "required" for a missing value, "must be <what>" for one of the wrong kind. */
function kind(what: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? "required" : `must be ${what}`) };
}

const int = (range: Range) => z.int(kind("a whole number")).min(range.min, rangeMessage(range)).max(range.max, rangeMessage(range));

const optionalInt = (range: Range) => int(range).nullish();

const finite = (range: Range) => z.number(kind("a number")).min(range.min, rangeMessage(range)).max(range.max, rangeMessage(range));

/** Case-insensitive choice among fixed words. */
function choice<T extends readonly [string, ...string[]]>(words: T) {
  const message = `must be ${oneOf(words)}`;
  return z
    .string(kind(oneOf(words)))
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(words, { error: () => message }));
}

const text = (max: number) => z.string(kind("a string")).max(max, `must be at most ${max} characters`);
const requiredText = (max: number) => text(max).refine((s) => s.trim() !== "", "must not be blank");
const optionalText = (max: number) => text(max).nullish();

const MONTH = { min: 1, max: 12 };
const DAY = { min: 1, max: 31 };

const calendarDate = z
  .object({ year: int(LIMITS.year), month: int(MONTH), day: int(DAY) }, kind("{year, month, day}"))
  .check((ctx) => {
    const { year, month, day } = ctx.value;
    if (!isValidDate(year, month, day)) {
      ctx.issues.push({ code: "custom", input: ctx.value, message: `${isoDate(ctx.value)} is not a day of the calendar` });
    }
  });

const localMoment = z
  .object(
    {
      year: int(LIMITS.year),
      month: int(MONTH),
      day: int(DAY),
      hour: optionalInt({ min: 0, max: 23 }),
      minute: optionalInt({ min: 0, max: 59 }),
      second: optionalInt({ min: 0, max: 59 }),
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

/** How the Oracle checks each field of a profile it reads (services/contract/profile.ts). */
const PROFILE_FIELDS = {
  name: requiredText(LIMITS.nameLength),
  name_persian: optionalText(LIMITS.nameLength),
  birth_date: calendarDate,
  mother_name: optionalText(LIMITS.nameLength),
  gender: choice(GENDERS).nullish(),
  latitude: finite(LIMITS.latitude).nullish(),
  longitude: finite(LIMITS.longitude).nullish(),
  heart_rate_bpm: optionalInt(LIMITS.heartRateBpm),
  timezone_offset_minutes: optionalInt(LIMITS.timezoneOffsetMinutes),
} satisfies Exhaustive<OracleProfileField, z.ZodType>;

const profile = z
  .object({ ...PROFILE_FIELDS, numerology_system: choice(SYSTEM_CHOICES).nullish() }, kind("a profile object"))
  .check((ctx) => {
    const { latitude, longitude } = ctx.value;
    if ((latitude == null) !== (longitude == null)) {
      const missing = latitude == null ? "latitude" : "longitude";
      ctx.issues.push({ code: "custom", input: ctx.value, path: [missing], message: "required when the other coordinate is given" });
    }
  });

const locale = choice(LOCALES).nullish();

/** What every reading request may ask besides its numbers: the language and an AI interpretation. */
const telling = {
  locale,
  include_ai: z.boolean(kind("true or false")).nullish(),
  inquiry_context: z
    .record(
      z.string().max(LIMITS.inquiryKeyLength, `keys must be at most ${LIMITS.inquiryKeyLength} characters`),
      z.string(kind("a string")).max(LIMITS.inquiryValueLength, `must be at most ${LIMITS.inquiryValueLength} characters`),
      kind("an object of strings"),
    )
    .refine((r) => Object.keys(r).length <= LIMITS.inquiryEntries, `at most ${LIMITS.inquiryEntries} entries`)
    .nullish(),
};

type Moment = z.output<typeof localMoment>;

/** A birth date after the reading's moment is refused here, with the profile's path. */
function birthNotAfter(at: Moment, p: { birth_date: DateParts } | null | undefined, path: (string | number)[], issues: z.core.$ZodRawIssue[]): void {
  if (p && isAfter(p.birth_date, at)) {
    issues.push({ code: "custom", input: p.birth_date, path: [...path, "birth_date"], message: `is after the reading's date ${isoDate(at)}` });
  }
}

const timeRequest = z
  .object({ profile, at: localMoment, ...telling }, kind("a request object"))
  .check((ctx) => birthNotAfter(ctx.value.at, ctx.value.profile, ["profile"], ctx.issues));

const dailyRequest = z
  .object({ profile, date: calendarDate, ...telling }, kind("a request object"))
  .check((ctx) => birthNotAfter(ctx.value.date, ctx.value.profile, ["profile"], ctx.issues));

/** A name or a question, asked in a system, by an optional profile, at a moment. */
function askedRequest<S extends z.core.$ZodLooseShape>(own: S) {
  return z
    .object(
      { ...own, numerology_system: choice(SYSTEM_CHOICES).nullish(), profile: profile.nullish(), at: localMoment, ...telling },
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
        .min(LIMITS.profiles.min, `must hold ${LIMITS.profiles.min} to ${LIMITS.profiles.max} profiles`)
        .max(LIMITS.profiles.max, `must hold ${LIMITS.profiles.min} to ${LIMITS.profiles.max} profiles`),
      at: localMoment,
      ...telling,
    },
    kind("a request object"),
  )
  .check((ctx) => ctx.value.profiles.forEach((p, i) => birthNotAfter(ctx.value.at, p, ["profiles", i], ctx.issues)));

// 0 is proto3's "not given": the default number of hours.
const timingRequest = z.object({ at: localMoment, best_hours: optionalInt({ min: 0, max: LIMITS.bestHours.max }), locale }, kind("a request object"));

const stampRequest = z.object(
  {
    stamp: z
      .string(kind("a string"))
      .max(LIMITS.stampLength, `must be at most ${LIMITS.stampLength} characters`)
      .refine((s) => s.trim() !== "", "required"),
    locale,
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

/**
 * Requests this module has already checked and settled, so the same request passed on in-process
 * (the client validates, then the service it calls in this process) is checked once, by the same
 * schema. They are fresh objects that nobody else holds.
 */
const SETTLED = new WeakMap<object, z.ZodType>();

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  if (typeof input === "object" && input !== null && SETTLED.get(input) === schema) return input as z.output<S>;
  const result = schema.safeParse(input);
  if (result.success) {
    if (typeof result.data === "object" && result.data !== null) SETTLED.set(result.data, schema);
    return result.data;
  }
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
} satisfies Exhaustive<ReadingType | "chartCompatibility", (input: unknown) => unknown>;
