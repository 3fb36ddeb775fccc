/**
 * The chart as a reading type: a name and a birth date read for a day, and the compatibility of
 * two people scored 0-100 on the numbers every numerology service compares (life path,
 * expression, soul urge) beside our own dimensions (birth-year element and animal, moon at birth,
 * shared patterns). Validation is here, so the gRPC server and direct mode refuse the same input.
 */
import { z } from "zod";
import { InvalidInputError } from "../../lib/errors";
import { LIMITS, SYSTEM_CHOICES } from "../../contract";
import { CHART_LOCALES, computeChart, isValidDate, type Chart, type ChartLocale } from "../engine";
import { pairCompatibility } from "./compatibility";
import { isAfter, isoDate } from "./dates";
import { readingOf } from "./engine-call";
import { memberOf } from "./multi-reading";
import { numberPairScore, type NumberPair } from "./number-compatibility";
import { CHART_WORDS } from "./text/chart-en";
import type { CalendarDate, CompatibilityDimensions, Dimension, NumerologySystemChoice } from "./types";
import { fieldPath } from "./validation";

export interface ChartPerson {
  name: string;
  birth_date: CalendarDate;
  /** Default "auto". */
  numerology_system?: NumerologySystemChoice | null;
}

export interface ChartRequest extends ChartPerson {
  /** The day of the personal year, month and day. */
  at: CalendarDate;
  /** Default "en". */
  locale?: ChartLocale | null;
}

export interface ChartCompatibilityRequest {
  a: ChartPerson;
  b: ChartPerson;
  at: CalendarDate;
}

/** One compared dimension: its score 0-100 and why. */
export interface CompatibilityReason {
  dimension: string;
  score: number;
  reason: string;
}

export interface ChartCompatibility {
  a_name: string;
  b_name: string;
  /** The mean of the two scores below, 0-100. */
  score: number;
  /** Life path 50 %, expression 25 %, soul urge 25 %. */
  numbers_score: number;
  numbers: (CompatibilityReason & NumberPair)[];
  /** The multi reading's five weighted dimensions. */
  signals_score: number;
  signals: CompatibilityReason[];
}

/** The schemas, made on first use: validation.ts and this module import each other. */
function buildSchemas() {
  const kind = (what: string) => ({ error: (i: { input?: unknown }) => (i.input === undefined || i.input === null ? "required" : `must be ${what}`) });
  const int = (min: number, max: number) => z.int(kind("a whole number")).min(min, `must be from ${min} to ${max}`).max(max, `must be from ${min} to ${max}`);
  const lowerChoice = <T extends readonly [string, ...string[]]>(words: T) =>
    z
      .string(kind(`one of ${words.join(", ")}`))
      .transform((s) => s.toLowerCase())
      .pipe(z.enum(words, { error: () => `must be one of ${words.join(", ")}` }));

  const day = z.object({ year: int(1, 9999), month: int(1, 12), day: int(1, 31) }, kind("{year, month, day}")).check((ctx) => {
    const { year, month, day: d } = ctx.value;
    if (!isValidDate(year, month, d)) ctx.issues.push({ code: "custom", input: ctx.value, message: `${isoDate(ctx.value)} is not a day of the calendar` });
  });

  const person = {
    name: z
      .string(kind("a string"))
      .max(LIMITS.nameLength, `must be at most ${LIMITS.nameLength} characters`)
      .refine((s) => s.trim() !== "", "must not be blank"),
    birth_date: day,
    numerology_system: lowerChoice(SYSTEM_CHOICES).nullish(),
  };

  const personSchema = z.object(person, kind("{name, birth_date, numerology_system?}"));

  function bornBy(at: CalendarDate, p: ChartPerson, path: (string | number)[], issues: z.core.$ZodRawIssue[]): void {
    if (isAfter(p.birth_date, at)) issues.push({ code: "custom", input: p.birth_date, path: [...path, "birth_date"], message: `is after the chart's date ${isoDate(at)}` });
  }

  const chartSchema = z
    .object({ ...person, at: day, locale: lowerChoice(CHART_LOCALES).nullish() }, kind("a request object"))
    .check((ctx) => bornBy(ctx.value.at, ctx.value, [], ctx.issues));

  const compatibilitySchema = z.object({ a: personSchema, b: personSchema, at: day }, kind("a request object")).check((ctx) => {
    bornBy(ctx.value.at, ctx.value.a, ["a"], ctx.issues);
    bornBy(ctx.value.at, ctx.value.b, ["b"], ctx.issues);
  });
  return { chartSchema, compatibilitySchema };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;
const chartSchemas = () => (schemas ??= buildSchemas());

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new InvalidInputError(fieldPath(issue.path), issue.message);
}

/** The engine's errors named by the request's fields. */
function chartOf(p: ChartPerson, at: CalendarDate, locale: ChartLocale, prefix: string): Chart {
  try {
    return computeChart({ fullName: p.name, birth: p.birth_date, at, system: p.numerology_system ?? "auto", locale });
  } catch (err) {
    if (err instanceof InvalidInputError && err.field === "full_name") throw new InvalidInputError(`${prefix}name`, err.reason);
    throw err;
  }
}

export function validateChart(input: unknown): ChartRequest {
  return parse(chartSchemas().chartSchema, input);
}

export function validateChartCompatibility(input: unknown): ChartCompatibilityRequest {
  return parse(chartSchemas().compatibilitySchema, input);
}

export function computeChartReading(req: ChartRequest): Chart {
  return chartOf(req, req.at, req.locale ?? "en", "");
}

const NUMBER_WEIGHTS = { life_path: 0.5, expression: 0.25, soul_urge: 0.25 } as const;

export function computeChartCompatibility(req: ChartCompatibilityRequest): ChartCompatibility {
  const a = chartOf(req.a, req.at, "en", "a.");
  const b = chartOf(req.b, req.at, "en", "b.");
  const numbers = (Object.keys(NUMBER_WEIGHTS) as (keyof typeof NUMBER_WEIGHTS)[]).map((dimension) => {
    const pair = numberPairScore(a[dimension].number, b[dimension].number);
    return { dimension, ...pair, reason: CHART_WORDS.numberReason(dimension, pair) };
  });
  const numbers_score = Math.round(numbers.reduce((s, n) => s + n.score * NUMBER_WEIGHTS[n.dimension], 0));

  // Our own dimensions, as the multi reading scores them, from each person's reading of the day.
  const at = { ...req.at, hour: 12, minute: 0 };
  const member = (p: ChartPerson, path: string) => {
    const profile = { name: p.name, birth_date: p.birth_date, numerology_system: p.numerology_system ?? null };
    return memberOf(profile, readingOf({ profile, at, profilePath: path }));
  };
  const ours = pairCompatibility(member(req.a, "a"), member(req.b, "b"), 0, 1);
  const signals = (Object.keys(ours.dimensions) as Dimension[]).map((dimension) => ({
    dimension,
    score: Math.round(ours.dimensions[dimension as keyof CompatibilityDimensions] * 100),
    reason: CHART_WORDS.signalReason(dimension, ours.dimensions[dimension]),
  }));
  const signals_score = ours.percentage;
  return {
    a_name: req.a.name,
    b_name: req.b.name,
    score: Math.round((numbers_score + signals_score) / 2),
    numbers_score,
    numbers,
    signals_score,
    signals,
  };
}
