/**
 * `nps bench oracle`: throughput of the Oracle's gRPC server. A real server is started as its own
 * process (`nps start --only oracle`, as its container runs it), and this process drives it with 32
 * calls in flight from a load generator that costs as little as a gRPC client can (requests encoded
 * once, replies kept as bytes), so what is measured is the server. In the same run it measures the
 * server's empty call (a grpc.health.v1 Check) the same way: the ratio of the two says how much of
 * a call's budget the reading itself takes. For reference it also measures the same calls through
 * the typed OracleClient the API uses (validation and decoding included), and the same readings
 * computed in-process. Rounds alternate the calls and keep each one's best. Before timing, the
 * server's readings are checked against the in-process ones.
 */
import { isDeepStrictEqual } from "node:util";
import * as grpc from "@grpc/grpc-js";
import { protoPath as HEALTH_PROTO } from "grpc-health-check";
import protobuf from "protobufjs";
import { CHANNEL_OPTIONS, OracleClient } from "../oracle/client/oracle-client";
import { oracleMethods } from "../oracle/grpc/methods";
import { HEALTH_SERVICE, ORACLE_SERVICE } from "../oracle/grpc/proto";
import { validate } from "../oracle/readings/validation";
import { ReadingService } from "../oracle/readings/reading-service";
import { startOracleProcess, type OracleProcess } from "../oracle/server-process";
import type { TimeReadingRequest } from "../oracle/readings/types";
import { ORCHESTRATOR_FULL_SETS } from "./engine-bench-inputs";
import { progressReporter } from "./measure";

export const CONCURRENCY = 32;
/** The goal: a full reading over gRPC at this share of the empty-call rate or more. */
export const GOAL_RATIO = 0.6;

export interface OracleBenchOptions {
  readonly json: boolean;
  readonly quick: boolean;
  /** Seconds per measurement and rounds per call; the defaults follow `quick`. */
  readonly seconds?: number;
  readonly rounds?: number;
}

export interface OracleBenchResult {
  /** Full time readings per second over gRPC, CONCURRENCY calls in flight. */
  get_reading: number;
  /** Health Check calls per second on the same server and channel. */
  empty_call: number;
  /** get_reading / empty_call. */
  ratio: number;
  goal_ratio: number;
  /** The same calls through the OracleClient the API uses (validation and decoding in this process). */
  get_reading_typed_client: number;
  /** The same readings computed in this process, one after another. */
  in_process: number;
  concurrency: number;
}

/** The engine benchmark's full-reading sets as time-reading requests. */
export const TIME_REQUESTS: readonly TimeReadingRequest[] = ORCHESTRATOR_FULL_SETS.map((s) => ({
  profile: {
    name: s.full_name,
    birth_date: { year: s.birth_year, month: s.birth_month, day: s.birth_day },
    mother_name: s.mother_name,
    gender: s.gender as "male" | "female",
    latitude: s.latitude,
    longitude: s.longitude,
    heart_rate_bpm: s.actual_bpm,
    timezone_offset_minutes: s.tz_hours * 60 + s.tz_minutes,
    numerology_system: s.numerology_system as "pythagorean" | "chaldean" | "abjad",
  },
  at: {
    year: s.current_date.year,
    month: s.current_date.month,
    day: s.current_date.day,
    hour: s.current_hour,
    minute: s.current_minute,
    second: s.current_second,
  },
}));

function stopServerProcess(server: OracleProcess): Promise<number | null> {
  server.child.kill("SIGTERM");
  return server.exited;
}

/** Calls per second of `call` with `concurrency` calls always in flight, for `seconds`. */
async function rate(call: (i: number) => Promise<unknown>, seconds: number, concurrency = CONCURRENCY): Promise<number> {
  let done = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async (w: number): Promise<void> => {
    for (let i = w; performance.now() < end; i += concurrency) {
      await call(i);
      done++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return done / ((performance.now() - t0) / 1000);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** A load generator that costs as little as a gRPC client can: request bytes encoded once, replies kept as bytes. */
class RawLoad {
  private readonly client: grpc.Client;

  constructor(target: string) {
    // The API's channel settings, so the server is driven the way the API drives it.
    this.client = new grpc.Client(target, grpc.credentials.createInsecure(), CHANNEL_OPTIONS);
  }

  call(path: string, request: Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(path, identity, identity, request, (err, reply) => (err ? reject(err) : resolve(reply!)));
    });
  }

  close(): void {
    this.client.close();
  }
}

/** The JSON pointer of the first place two values differ, or undefined when they are deep-equal. */
function firstDifference(a: unknown, b: unknown, at = ""): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return at;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const inner = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}/${key}`);
    if (inner !== undefined) return inner;
  }
  return at;
}

function identity(b: Buffer): Buffer {
  return b;
}

export async function runOracleBench(opts: OracleBenchOptions, out: (s: string) => void = (s) => process.stdout.write(s)): Promise<OracleBenchResult> {
  const progress = progressReporter();
  const seconds = opts.seconds ?? (opts.quick ? 1 : 3);
  const rounds = opts.rounds ?? (opts.quick ? 2 : 3);
  const requests = TIME_REQUESTS;
  const time = oracleMethods().time;

  progress("in-process: measuring");
  const local = new ReadingService();
  const expected = await Promise.all(requests.map((r) => local.time(r)));
  const inProcess = await rate((i) => local.time(requests[i % requests.length]!), seconds, 1);

  progress("starting the oracle server");
  const server = await startOracleProcess();
  const target = `127.0.0.1:${server.port}`;
  const load = new RawLoad(target);
  // No direct fallback: a failing server must fail the benchmark, not be measured in-process.
  const client = new OracleClient({ target });
  const readingPath = `/${ORACLE_SERVICE}/${time.rpc}`;
  const readingBytes = requests.map((r) => time.request.encode(validate.time(r)));
  const healthTypes = new protobuf.Root().loadSync(HEALTH_PROTO, { keepCase: true });
  const checkPath = `/${HEALTH_SERVICE}/Check`;
  const checkBytes = Buffer.from(healthTypes.lookupType("grpc.health.v1.HealthCheckRequest").encode({ service: ORACLE_SERVICE }).finish());

  const empty = () => load.call(checkPath, checkBytes);
  const reading = (i: number) => load.call(readingPath, readingBytes[i % readingBytes.length]!);
  const typed = async (i: number) => {
    const served = await client.time(requests[i % requests.length]!);
    if (served.mode !== "grpc") throw new Error("a reading was not served over gRPC");
  };

  let bestEmpty = 0;
  let bestReading = 0;
  let bestTyped = 0;
  try {
    // What is timed must be the real thing: the server's answers are the readings computed here.
    for (let i = 0; i < requests.length; i++) {
      const answer = time.fromWireResponse(time.response.decodeResponse(await reading(i)));
      const where = firstDifference(answer, expected[i]);
      if (where !== undefined) throw new Error(`the server's reading ${i} differs from the in-process one at ${where || "the root"}`);
    }
    progress("warming up");
    await rate(empty, seconds / 2);
    await rate(reading, seconds / 2);
    await rate(typed, seconds / 2);
    for (let r = 1; r <= rounds; r++) {
      progress(`round ${r}/${rounds}: empty call`);
      bestEmpty = Math.max(bestEmpty, await rate(empty, seconds));
      progress(`round ${r}/${rounds}: GetReading`);
      bestReading = Math.max(bestReading, await rate(reading, seconds));
      progress(`round ${r}/${rounds}: GetReading through the typed client`);
      bestTyped = Math.max(bestTyped, await rate(typed, seconds));
    }
  } finally {
    load.close();
    client.close();
    await stopServerProcess(server);
    progress("");
  }

  const result: OracleBenchResult = {
    get_reading: round1(bestReading),
    empty_call: round1(bestEmpty),
    ratio: Math.round((bestReading / bestEmpty) * 1000) / 1000,
    goal_ratio: GOAL_RATIO,
    get_reading_typed_client: round1(bestTyped),
    in_process: round1(inProcess),
    concurrency: CONCURRENCY,
  };
  if (opts.json) {
    out(JSON.stringify(result) + "\n");
  } else {
    const line = (label: string, value: number) => out(`${label.padEnd(52)} ${Math.round(value).toLocaleString("en-US").padStart(9)} calls/s\n`);
    line(`GetReading over gRPC (${CONCURRENCY} in flight)`, result.get_reading);
    line(`health Check over gRPC (${CONCURRENCY} in flight)`, result.empty_call);
    line(`GetReading through the typed client (${CONCURRENCY} in flight)`, result.get_reading_typed_client);
    line("time reading in-process", result.in_process);
    out(`GetReading / empty call: ${(result.ratio * 100).toFixed(1)}% (goal ${GOAL_RATIO * 100}% or more)\n`);
  }
  return result;
}
