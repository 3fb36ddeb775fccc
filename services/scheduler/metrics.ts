import { Counter, Gauge, type Registry } from "prom-client";
import { METRICS } from "../lib/metric-names";
import type { DailyRunSummary } from "./daily-run";

const M = METRICS.scheduler;

export class SchedulerMetrics {
  readonly dailyReadings: Counter<"outcome">;
  readonly lastSuccess: Gauge;
  readonly runs: Counter<"outcome">;

  constructor(readonly registry: Registry) {
    const registers = [registry];
    this.dailyReadings = new Counter({ name: M.dailyReadings, help: "Daily readings the scheduler made or found made, and failures", labelNames: ["outcome"], registers });
    this.lastSuccess = new Gauge({ name: M.lastSuccess, help: "When the last daily run finished with no failure (unix seconds)", registers });
    this.runs = new Counter({ name: M.runs, help: "Daily runs by outcome", labelNames: ["outcome"], registers });
  }

  recordRun(summary: DailyRunSummary): void {
    this.runs.inc({ outcome: summary.failed === 0 ? "success" : "failure" });
    if (summary.failed === 0) this.lastSuccess.setToCurrentTime();
  }
}
