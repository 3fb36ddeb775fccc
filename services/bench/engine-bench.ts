/**
 * `nps bench engine`: operations per second of the engine's hot paths, measured the way the
 * reference figures were (cycle the input sets, warm up, time repetitions, keep the best). Each
 * benchmark is one entry of ENGINE_BENCHMARKS; the JSON output has one key per entry, in order.
 */
import { encode } from "../oracle/engine/core/fc60-stamp-engine";
import { expressionNumber, personalityNumber, soulUrge } from "../oracle/engine/personal/numerology-engine";
import { generateReading } from "../oracle/engine/synthesis/master-orchestrator";
import { computeChart } from "../oracle/engine/chart/chart";
import { CHART_COLD_SETS, CHART_SETS, FC60_STAMP_SETS, NAME_SETS, ORCHESTRATOR_FULL_SETS } from "./engine-bench-inputs";
import { measure, progressReporter, type Batch, type BenchPlan } from "./measure";

export interface EngineBenchmark {
  key: string;
  /** One timed repetition and its warm-up, normal and quick. */
  plan: BenchPlan;
  quickPlan: BenchPlan;
  batch: Batch;
}

/** A batch that calls `op` on the input sets in turn, starting at set `start mod k`. */
export function cycling<T>(sets: readonly T[], op: (input: T) => number): Batch {
  return (calls, start) => {
    let sink = 0;
    const k = sets.length;
    for (let i = start; i < start + calls; i++) sink += op(sets[i % k]!);
    return sink;
  };
}

/** A full reading with all seven input dimensions; the operation's value is its text length. */
const orchestratorFull: EngineBenchmark = {
  key: "orchestrator_full",
  plan: { calls: 30_000, warmupCalls: 3_000, repetitions: 3 },
  quickPlan: { calls: 6_000, warmupCalls: 1_000, repetitions: 5 },
  batch: cycling(
    ORCHESTRATOR_FULL_SETS,
    (s) =>
      generateReading(
        s.full_name,
        s.birth_day,
        s.birth_month,
        s.birth_year,
        s.current_date,
        s.mother_name,
        s.gender,
        s.latitude,
        s.longitude,
        s.actual_bpm,
        s.current_hour,
        s.current_minute,
        s.current_second,
        s.tz_hours,
        s.tz_minutes,
        s.numerology_system,
        "full",
      ).synthesis.length,
  ),
};

const fc60StampEncode: EngineBenchmark = {
  key: "fc60_stamp_encode",
  plan: { calls: 100_000, warmupCalls: 10_000, repetitions: 3 },
  quickPlan: { calls: 20_000, warmupCalls: 3_000, repetitions: 5 },
  batch: cycling(FC60_STAMP_SETS, (s) => encode(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], true)._jdn),
};

/** Expression + soul urge + personality, Pythagorean: three calls make one operation. */
const nameNumerology: EngineBenchmark = {
  key: "name_numerology",
  plan: { calls: 50_000, warmupCalls: 5_000, repetitions: 3 },
  quickPlan: { calls: 15_000, warmupCalls: 2_000, repetitions: 5 },
  batch: cycling(NAME_SETS, (name) => expressionNumber(name) + soulUrge(name) + personalityNumber(name)),
};

const CHART_AT = { year: 2026, month: 2, day: 9 };

/** The complete chart with its working and meanings, for people asked about again (goal: 100,000 a second in one process). */
const chartComplete: EngineBenchmark = {
  key: "chart_complete",
  plan: { calls: 50_000, warmupCalls: 5_000, repetitions: 3 },
  quickPlan: { calls: 10_000, warmupCalls: 2_000, repetitions: 5 },
  batch: cycling(CHART_SETS, (s) => computeChart({ fullName: s.fullName, birth: s.birth, at: CHART_AT }).expression.number),
};

/** The same chart for names and birth dates met for the first time: nothing is reused. */
const chartCold: EngineBenchmark = {
  key: "chart_cold",
  plan: { calls: 20_000, warmupCalls: 2_000, repetitions: 3 },
  quickPlan: { calls: 5_000, warmupCalls: 1_000, repetitions: 3 },
  batch: cycling(CHART_COLD_SETS, (s) => computeChart({ fullName: s.fullName, birth: s.birth, at: CHART_AT }).expression.number),
};

/** In output order. */
export const ENGINE_BENCHMARKS: EngineBenchmark[] = [orchestratorFull, fc60StampEncode, nameNumerology, chartComplete, chartCold];

export interface EngineBenchOptions {
  json: boolean;
  quick: boolean;
}

export async function runEngineBench(opts: EngineBenchOptions, out: (s: string) => void = (s) => process.stdout.write(s)): Promise<Record<string, number>> {
  const progress = progressReporter();
  const results: Record<string, number> = {};
  for (const b of ENGINE_BENCHMARKS) {
    const plan = opts.quick ? b.quickPlan : b.plan;
    progress(`${b.key}: warming up`);
    const m = measure(b.batch, plan, (done, total) => progress(`${b.key}: repetition ${done}/${total}`));
    results[b.key] = Math.round(m.opsPerSecond * 10) / 10;
  }
  progress("");
  if (opts.json) {
    out(JSON.stringify(results) + "\n");
  } else {
    for (const [key, rate] of Object.entries(results)) {
      out(`${key.padEnd(20)} ${Math.round(rate).toLocaleString("en-US").padStart(12)} ops/s  ${(1e6 / rate).toFixed(3).padStart(9)} µs/op\n`);
    }
  }
  return results;
}
