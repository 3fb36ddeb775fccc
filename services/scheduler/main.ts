/**
 * The daily-reading scheduler: `nps start --only scheduler` (and part of `nps start`). At
 * NPS_DAILY_SCHEDULER_HOUR:MINUTE UTC (croner) it makes the day's reading for every active profile;
 * at start it catches up the latest scheduled day, so downtime over the hour loses nothing. With
 * NPS_DAILY_SCHEDULER_ENABLED=false it only serves its metrics. /metrics, /health, /ready on :9103.
 */
import { Cron } from "croner";
import pkg from "../../package.json";
import { createRegistry } from "../lib/metrics";
import type { ServiceMain } from "../lib/service-context";
import { closeServer, createSideHttpServer, listen } from "../lib/side-http";
import { runDailyReadings, type DailyRunSummary } from "./daily-run";
import { openDailyRunDeps } from "./deps";
import { SchedulerMetrics } from "./metrics";
import { dailyPattern, latestRunDate } from "./schedule";

export const main: ServiceMain = async ({ config, logger, lifecycle, together }) => {
  const metrics = new SchedulerMetrics(createRegistry("scheduler"));
  const deps = await openDailyRunDeps(config, logger, together ? { oracleTarget: `127.0.0.1:${config.oracle.grpcPort}` } : {});
  lifecycle.onShutdown("scheduler database", () => deps.close());

  const side = createSideHttpServer({
    registry: metrics.registry,
    service: "scheduler",
    version: pkg.version,
    readiness: { database: async () => ((await deps.db.ping()) ? true : "the database does not answer") },
  });
  const port = await listen(side, config.scheduler.metricsPort, config.bindHost, { what: "the scheduler's metrics port", portVariable: "NPS_SCHEDULER_METRICS_PORT", hostVariable: "NPS_BIND_HOST" });
  lifecycle.onShutdown("scheduler metrics", () => closeServer(side));

  const { enabled, hourUtc, minute } = config.scheduler;
  if (!enabled) {
    logger.info({ port }, "scheduler serving; daily readings are off (NPS_DAILY_SCHEDULER_ENABLED=false)");
    return;
  }
  let running: Promise<DailyRunSummary | undefined> = Promise.resolve(undefined);
  const run = (date: string) => {
    running = running.then(async () => {
      try {
        const summary = await runDailyReadings({ ...deps, onReading: (outcome) => metrics.dailyReadings.inc({ outcome }) }, date);
        metrics.recordRun(summary);
        logger.info(summary, "daily readings done");
        return summary;
      } catch (err) {
        metrics.runs.inc({ outcome: "failure" });
        logger.error({ err, date }, "daily readings failed");
        return undefined;
      }
    });
    return running;
  };
  const job = new Cron(dailyPattern(hourUtc, minute), { timezone: "UTC", protect: true }, () => {
    void run(latestRunDate(new Date(), hourUtc, minute));
  });
  // Catch up the latest scheduled day: a pass over a day already done makes nothing.
  void run(latestRunDate(new Date(), hourUtc, minute));
  lifecycle.onShutdown("scheduler clock", async () => {
    job.stop();
    await running;
  });
  logger.info({ port, next: job.nextRun()?.toISOString() ?? null }, "scheduler serving");
};
