/**
 * The Oracle's RPCs, one row each: the proto names, the reading type, and how requests and
 * results cross the wire. The server and the client both read this table, so they cannot disagree.
 */
import type { OracleReadings } from "../readings/reading-service";
import type {
  Gender,
  InterpretationOptions,
  LocalMoment,
  NumerologySystemChoice,
  ProfileInput,
  QuestionCategory,
  ReadingType,
} from "../readings/types";
import { enumWords, messageCodec, type EnumWords, type MessageCodec } from "./codec";
import { chartFromWire, chartToWire, compatibilityFromWire } from "./chart-wire";
import { fromWireReading, toWireReading } from "./wire-reading";
import type { FullReading } from "../engine";
import type { MomentReading } from "../readings/types";

export type MethodKey = keyof OracleReadings;
export type RequestOf<K extends MethodKey> = Parameters<OracleReadings[K]>[0];
export type ResultOf<K extends MethodKey> = Awaited<ReturnType<OracleReadings[K]>>;

export interface OracleMethod<K extends MethodKey> {
  readonly key: K;
  /** The RPC's name in the proto, e.g. "GetReading". */
  readonly rpc: string;
  readonly type: ReadingType;
  readonly request: MessageCodec;
  readonly response: MessageCodec;
  /** Server: the decoded message as a request object, not yet validated. */
  fromWireRequest(wire: object): RequestOf<K>;
  /** Client: a validated request as the object the encoder writes. */
  toWireRequest(req: RequestOf<K>): object;
  /** Server: a result as the object the encoder writes. */
  toWireResponse(result: ResultOf<K>): object;
  /** Client: a decoded message as the very result the service returned. */
  fromWireResponse(wire: object): ResultOf<K>;
}

type WireReading = Parameters<typeof fromWireReading>[0];

interface WireDate {
  year?: number;
  month?: number;
  day?: number;
}

interface WireProfile {
  full_name?: string;
  persian_name?: string;
  birth_date?: WireDate;
  mother_name?: string;
  gender?: string | number;
  latitude?: number;
  longitude?: number;
  heart_rate_bpm?: number;
  timezone?: { hours?: number; minutes?: number };
  numerology_system?: string | number;
}

interface WireInterpretation {
  enabled?: boolean;
  inquiry_context?: Record<string, string>;
}

interface Enums {
  gender: EnumWords<Gender>;
  system: EnumWords<NumerologySystemChoice>;
  category: EnumWords<QuestionCategory>;
}

/**
 * Wire -> request: an absent message stays absent (validation says "required"); an absent
 * scalar of proto3 (which cannot be told from its zero) is read as that zero where zero is a
 * meaningful value, and left absent where it is not (a name, a year).
 */
function profileFromWire(w: WireProfile | undefined, e: Enums): ProfileInput | undefined {
  if (w === undefined || w === null) return undefined;
  return {
    full_name: w.full_name as string,
    persian_name: w.persian_name || null,
    birth_date: w.birth_date as ProfileInput["birth_date"],
    mother_name: w.mother_name || null,
    gender: e.gender.fromWire(w.gender) as Gender | null,
    latitude: w.latitude ?? null,
    longitude: w.longitude ?? null,
    heart_rate_bpm: w.heart_rate_bpm ?? null,
    timezone: w.timezone ? { hours: w.timezone.hours ?? 0, minutes: w.timezone.minutes ?? 0 } : null,
    numerology_system: e.system.fromWire(w.numerology_system) as NumerologySystemChoice | null,
  };
}

function profileToWire(p: ProfileInput, e: Enums): object {
  return { ...p, gender: e.gender.toWire(p.gender), numerology_system: e.system.toWire(p.numerology_system) };
}

function interpretationFromWire(w: WireInterpretation | undefined): InterpretationOptions | null {
  if (!w) return null;
  return { enabled: w.enabled ?? false, inquiry_context: w.inquiry_context ?? null };
}

function readingToWire(r: FullReading | MomentReading): object {
  return toWireReading(r);
}

/** A reading of a person (time, daily, multi): never the moment alone. */
function readingFromWire(w: unknown): FullReading {
  return fromWireReading(w as WireReading) as FullReading;
}

/** The reading of a name or question result: a person's, or the moment alone when asked without a profile. */
function anyReadingFromWire(w: unknown): FullReading | MomentReading {
  return fromWireReading(w as WireReading);
}

type Row<K extends MethodKey> = Omit<OracleMethod<K>, "key" | "request" | "response">;

/** Keys of results that carry one reading beside their own fields. */
type WithReading = "daily" | "name" | "question";

/** The reading inside such a result crosses the wire in its own shape; the rest as it is. */
function readingResult<K extends WithReading>(restore: (res: ResultOf<K>) => ResultOf<K> = (res) => res): Pick<Row<K>, "toWireResponse" | "fromWireResponse"> {
  return {
    toWireResponse: (res) => ({ ...res, reading: readingToWire(res.reading) }),
    fromWireResponse: (w) => restore({ ...(w as ResultOf<K>), reading: anyReadingFromWire((w as { reading: unknown }).reading) } as ResultOf<K>),
  };
}

/** The fields a name and a question request share: the system, an optional asker, the moment, the interpretation. */
function askedFromWire(w: Record<string, unknown>, e: Enums) {
  return {
    numerology_system: e.system.fromWire(w.numerology_system) as NumerologySystemChoice | null,
    profile: profileFromWire(w.profile as WireProfile, e) ?? null,
    at: w.at as LocalMoment,
    interpretation: interpretationFromWire(w.interpretation as WireInterpretation),
  };
}

function askedToWire(req: { numerology_system?: NumerologySystemChoice | null; profile?: ProfileInput | null }, e: Enums) {
  return {
    numerology_system: e.system.toWire(req.numerology_system),
    profile: req.profile ? profileToWire(req.profile, e) : null,
  };
}

function rows(e: Enums): { [K in MethodKey]: Row<K> } {
  type W = Record<string, unknown>;
  const moment = (w: W) => w.at as LocalMoment;
  return {
    time: {
      rpc: "GetReading",
      type: "time",
      fromWireRequest: (w: W) => ({
        profile: profileFromWire(w.profile as WireProfile, e) as ProfileInput,
        at: moment(w),
        interpretation: interpretationFromWire(w.interpretation as WireInterpretation),
      }),
      toWireRequest: (req) => ({ ...req, profile: profileToWire(req.profile, e) }),
      toWireResponse: (res) => ({ reading: readingToWire(res.reading), interpretation: res.interpretation }),
      fromWireResponse: (w: W) => ({ reading: readingFromWire(w.reading), interpretation: w.interpretation as ResultOf<"time">["interpretation"] }),
    },
    daily: {
      rpc: "GetDailyReading",
      type: "daily",
      fromWireRequest: (w: W) => ({
        profile: profileFromWire(w.profile as WireProfile, e) as ProfileInput,
        date: w.date as ProfileInput["birth_date"],
        interpretation: interpretationFromWire(w.interpretation as WireInterpretation),
      }),
      toWireRequest: (req) => ({ ...req, profile: profileToWire(req.profile, e) }),
      ...readingResult<"daily">(),
    },
    name: {
      rpc: "GetNameReading",
      type: "name",
      fromWireRequest: (w: W) => ({ name: w.name as string, ...askedFromWire(w, e) }),
      toWireRequest: (req) => ({ ...req, ...askedToWire(req, e) }),
      // life_path is an optional field: absent without a profile, null in the result.
      ...readingResult<"name">((res) => ({ ...res, life_path: res.life_path ?? null })),
    },
    question: {
      rpc: "GetQuestionReading",
      type: "question",
      fromWireRequest: (w: W) => ({
        question: w.question as string,
        category: e.category.fromWire(w.category) as QuestionCategory | null,
        ...askedFromWire(w, e),
      }),
      toWireRequest: (req) => ({ ...req, ...askedToWire(req, e), category: e.category.toWire(req.category) }),
      ...readingResult<"question">(),
    },
    multi: {
      rpc: "GetMultiReading",
      type: "multi",
      fromWireRequest: (w: W) => ({
        profiles: (w.profiles as WireProfile[]).map((p) => profileFromWire(p, e) as ProfileInput),
        at: moment(w),
        interpretation: interpretationFromWire(w.interpretation as WireInterpretation),
      }),
      toWireRequest: (req) => ({ ...req, profiles: req.profiles.map((p) => profileToWire(p, e)) }),
      toWireResponse: (res) => ({ ...res, readings: res.readings.map(readingToWire) }),
      fromWireResponse: (w: W) => ({ ...(w as unknown as ResultOf<"multi">), readings: (w.readings as unknown[]).map(readingFromWire) }),
    },
    timing: {
      rpc: "GetTimingAlignment",
      type: "timing",
      fromWireRequest: (w: W) => ({ at: moment(w), best_hours: (w.best_hours as number | undefined) ?? null }),
      toWireRequest: (req) => req,
      toWireResponse: (res) => res,
      fromWireResponse: (w: W) => w as unknown as ResultOf<"timing">,
    },
    stamp: {
      rpc: "CheckStamp",
      type: "stamp",
      fromWireRequest: (w: W) => ({ stamp: w.stamp as string }),
      toWireRequest: (req) => req,
      toWireResponse: (res) => res,
      fromWireResponse: (w: W) => w as unknown as ResultOf<"stamp">,
    },
    chart: {
      rpc: "GetChart",
      type: "chart",
      fromWireRequest: (w: W) => ({
        name: w.name as string,
        birth_date: w.birth_date as RequestOf<"chart">["birth_date"],
        numerology_system: e.system.fromWire(w.numerology_system) as NumerologySystemChoice | null,
        at: w.at as RequestOf<"chart">["at"],
        locale: ((w.locale as string | undefined) || null) as RequestOf<"chart">["locale"],
      }),
      toWireRequest: (req) => ({ ...req, numerology_system: e.system.toWire(req.numerology_system), locale: req.locale ?? "" }),
      toWireResponse: (res) => ({ chart: chartToWire(res) }),
      fromWireResponse: (w: W) => chartFromWire(w.chart as W),
    },
    chartCompatibility: {
      rpc: "GetChartCompatibility",
      type: "chart",
      fromWireRequest: (w: W) => {
        const person = (p: W | undefined) =>
          p ? { name: p.name as string, birth_date: p.birth_date as RequestOf<"chart">["birth_date"], numerology_system: e.system.fromWire(p.numerology_system) as NumerologySystemChoice | null } : undefined;
        return { a: person(w.a as W) as RequestOf<"chartCompatibility">["a"], b: person(w.b as W) as RequestOf<"chartCompatibility">["b"], at: w.at as RequestOf<"chart">["at"] };
      },
      toWireRequest: (req) => ({
        a: { ...req.a, numerology_system: e.system.toWire(req.a.numerology_system) },
        b: { ...req.b, numerology_system: e.system.toWire(req.b.numerology_system) },
        at: req.at,
      }),
      toWireResponse: (res) => res,
      fromWireResponse: (w: W) => compatibilityFromWire(w),
    },
  };
}

export type OracleMethods = { readonly [K in MethodKey]: OracleMethod<K> };

let table: OracleMethods | undefined;

/** The table, built on first use (it loads the proto). */
export function oracleMethods(): OracleMethods {
  if (table) return table;
  const e: Enums = {
    gender: enumWords<Gender>("Gender", "GENDER_"),
    system: enumWords<NumerologySystemChoice>("NumerologySystem", "NUMEROLOGY_SYSTEM_"),
    category: enumWords<QuestionCategory>("QuestionCategory", "QUESTION_CATEGORY_"),
  };
  const r = rows(e);
  const build = <K extends MethodKey>(key: K): OracleMethod<K> => {
    const rpc = r[key].rpc;
    return { key, ...r[key], request: messageCodec(`${rpc}Request`), response: messageCodec(`${rpc}Response`) } as OracleMethod<K>;
  };
  table = {
    time: build("time"),
    daily: build("daily"),
    name: build("name"),
    question: build("question"),
    multi: build("multi"),
    timing: build("timing"),
    stamp: build("stamp"),
    chart: build("chart"),
    chartCompatibility: build("chartCompatibility"),
  };
  return table;
}

export const METHOD_KEYS: readonly MethodKey[] = ["time", "daily", "name", "question", "multi", "timing", "stamp", "chart", "chartCompatibility"];

