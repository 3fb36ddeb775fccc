/**
 * In-process throughput measurement: warm up, then time whole repetitions of a batch of calls and
 * keep the fastest (the least disturbed by the machine). Results are operations per second.
 */

export interface BenchPlan {
  /** Calls in one timed repetition. */
  calls: number;
  /** Calls made once before timing, to let the JIT settle. */
  warmupCalls: number;
  repetitions: number;
}

/** Runs `calls` operations (cycling through its inputs from `start`) and returns a value derived from the results, so no work can be skipped. */
export type Batch = (calls: number, start: number) => number;

export interface Measurement {
  opsPerSecond: number;
  /** Seconds of the fastest repetition. */
  bestSeconds: number;
}

export function measure(batch: Batch, plan: BenchPlan, onRepetition?: (done: number, total: number) => void): Measurement {
  let sink = batch(plan.warmupCalls, 0);
  let best = Infinity;
  for (let r = 0; r < plan.repetitions; r++) {
    const t0 = process.hrtime.bigint();
    sink += batch(plan.calls, 0);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (seconds < best) best = seconds;
    onRepetition?.(r + 1, plan.repetitions);
  }
  if (Number.isNaN(sink)) throw new Error("benchmark produced no results");
  return { opsPerSecond: plan.calls / best, bestSeconds: best };
}

/** Progress lines on stderr for a person watching a terminal; silent in pipes and files. */
export function progressReporter(enabled = process.stderr.isTTY === true): (line: string) => void {
  return enabled ? (line) => process.stderr.write(`\r\x1b[K${line}`) : () => {};
}
