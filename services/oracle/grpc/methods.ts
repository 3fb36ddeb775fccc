/**
 * The Oracle's RPCs, one row per reading type: the proto names (from the contract), and how
 * requests and results cross the wire. The server and the client both read this table, so they
 * cannot disagree. Requests cross as they are (the codec writes enums as the contract's words);
 * results that carry an engine reading swap it for its wire shape (wire-reading.ts).
 *
 * The types generated from proto/oracle.proto are held to the Oracle's own request types here:
 * a field the contract adds that the proto lacks (or the other way round) does not compile.
 */
import { READING_TYPE_INFO, READING_TYPES, type OracleProfile, type ReadingType, type SameKeys } from "../../contract";
import type { FullReading } from "../engine";
import type { MomentReading } from "../readings/types";
import type { OracleReadings } from "../readings/reading-service";
import type * as Wire from "./wire-types";
import { chartFromWire, chartToWire, compatibilityFromWire } from "./chart-wire";
import { messageCodec, type MessageCodec } from "./codec";
import { fromWireReading, toWireReading, type WireReading } from "./wire-reading";

/** Every reading type, and the calls that are not readings of their own (a chart compatibility is computed, never stored). */
export type MethodKey = keyof OracleReadings;

/** The RPCs of the calls that are not reading types. */
const OTHER_RPCS: { readonly [K in Exclude<MethodKey, ReadingType>]: string } = { chartCompatibility: "GetChartCompatibility" };

function rpcOf(key: MethodKey): string {
  return key in READING_TYPE_INFO ? READING_TYPE_INFO[key as ReadingType].rpc : OTHER_RPCS[key as Exclude<MethodKey, ReadingType>];
}
export type RequestOf<K extends MethodKey> = Parameters<OracleReadings[K]>[0];
export type ResultOf<K extends MethodKey> = Awaited<ReturnType<OracleReadings[K]>>;

/** Each request type has exactly the fields of its message, and a profile those of Profile. */
interface WireRequests {
  time: Wire.GetReadingRequest__Output;
  daily: Wire.GetDailyReadingRequest__Output;
  name: Wire.GetNameReadingRequest__Output;
  question: Wire.GetQuestionReadingRequest__Output;
  multi: Wire.GetMultiReadingRequest__Output;
  timing: Wire.GetTimingAlignmentRequest__Output;
  stamp: Wire.CheckStampRequest__Output;
  chart: Wire.GetChartRequest__Output;
  chartCompatibility: Wire.GetChartCompatibilityRequest__Output;
}
const REQUESTS_MATCH: { [K in MethodKey]: SameKeys<Required<RequestOf<K>>, WireRequests[K]> } = {
  time: true,
  daily: true,
  name: true,
  question: true,
  multi: true,
  timing: true,
  stamp: true,
  chart: true,
  chartCompatibility: true,
};
const PROFILE_MATCHES: SameKeys<Required<OracleProfile>, Wire.Profile__Output> = true;
void REQUESTS_MATCH;
void PROFILE_MATCHES;

export interface OracleMethod<K extends MethodKey> {
  readonly key: K;
  /** The RPC's name in the proto, e.g. "GetReading". */
  readonly rpc: string;
  readonly request: MessageCodec;
  readonly response: MessageCodec;
  /** Server: a result as the object the encoder writes. */
  toWireResponse(result: ResultOf<K>): object;
  /** Client: a decoded message as the very result the service returned. */
  fromWireResponse(wire: object): ResultOf<K>;
}

type Row<K extends MethodKey> = Pick<OracleMethod<K>, "toWireResponse" | "fromWireResponse">;

/** A result with no engine reading in it crosses as it is. */
function plainResult<K extends MethodKey>(): Row<K> {
  return { toWireResponse: (res) => res as object, fromWireResponse: (w) => w as ResultOf<K> };
}

/**
 * Results that carry one reading beside their own fields: the reading crosses in its own shape
 * (a name or question result's may be the moment alone, when asked without a profile).
 */
function readingResult<K extends "time" | "daily" | "name" | "question">(restore: (res: ResultOf<K>) => ResultOf<K> = (res) => res): Row<K> {
  return {
    toWireResponse: (res) => ({ ...res, reading: toWireReading((res as { reading: FullReading | MomentReading }).reading) }),
    fromWireResponse: (w) => restore({ ...(w as ResultOf<K>), reading: fromWireReading((w as { reading: WireReading }).reading) } as ResultOf<K>),
  };
}

const ROWS: { readonly [K in MethodKey]: Row<K> } = {
  time: readingResult<"time">(),
  daily: readingResult<"daily">(),
  // life_path is an optional field: absent without a profile, null in the result.
  name: readingResult<"name">((res) => ({ ...res, life_path: res.life_path ?? null })),
  question: readingResult<"question">(),
  multi: {
    toWireResponse: (res) => ({ ...res, readings: res.readings.map(toWireReading) }),
    fromWireResponse: (w) => ({ ...(w as ResultOf<"multi">), readings: (w as { readings: WireReading[] }).readings.map((r) => fromWireReading(r) as FullReading) }),
  },
  timing: plainResult<"timing">(),
  stamp: plainResult<"stamp">(),
  chart: {
    toWireResponse: (res) => ({ chart: chartToWire(res) }),
    fromWireResponse: (w) => chartFromWire((w as { chart: Record<string, unknown> }).chart),
  },
  chartCompatibility: { toWireResponse: (res) => res, fromWireResponse: (w) => compatibilityFromWire(w as Record<string, unknown>) },
};

export type OracleMethods = { readonly [K in MethodKey]: OracleMethod<K> };

let table: OracleMethods | undefined;

/** The table, built on first use (it loads the proto). */
export function oracleMethods(): OracleMethods {
  if (table) return table;
  const build = <K extends MethodKey>(key: K): OracleMethod<K> => {
    const rpc = rpcOf(key);
    return { key, rpc, ...ROWS[key], request: messageCodec(`${rpc}Request`), response: messageCodec(`${rpc}Response`) };
  };
  table = Object.fromEntries(METHOD_KEYS.map((k) => [k, build(k)])) as unknown as OracleMethods;
  return table;
}

export const METHOD_KEYS: readonly MethodKey[] = [...READING_TYPES, ...(Object.keys(OTHER_RPCS) as MethodKey[])];
