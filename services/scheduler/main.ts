/**
 * The daily-reading scheduler: `nps start --only scheduler` (and part of `nps start`). At
 * NPS_DAILY_SCHEDULER_HOUR:MINUTE UTC (croner) it makes the day's reading for every active profile;
 * at start (and at each tick) it makes every scheduled day not yet on record, up to CATCH_UP_DAYS
 * back, so downtime over the hour, or over days, loses nothing. With
 * NPS_DAILY_SCHEDULER_ENABLED=false it only serves its metrics. /metrics, /health, /ready on :9103.
 */
import { Cron } from "croner";
import pkg from "../../package.json";
import { createRegistry } from "../lib/metrics";
import type { ServiceMain } from "../lib/service-context";
import { closeServer, createSideHttpServer, listen } from "../lib/side-http";
import { catchUp } from "./catch-up";
import type { DailyRunSummary } from "./daily-run";
import { openDailyRunDeps } from "./deps";
import { SchedulerMetrics } from "./metrics";
import { dailyPattern } from "./schedule";

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
  let running: Promise<DailyRunSummary[]> = Promise.resolve([]);
  // Set at shutdown: a running catch-up stops after the day it is making.
  let stopping = false;
  // Passes one after another: a tick that comes while a catch-up still runs waits for it.
  const run = () => {
    running = running.then(async () => {
      try {
        const summaries = await catchUp(deps, metrics, new Date(), { hourUtc, minute }, () => stopping);
        for (const summary of summaries) logger.info(summary, "daily readings done");
        return summaries;
      } catch (err) {
        logger.error({ err }, "daily readings failed");
        return [];
      }
    });
    return running;
  };
  const job = new Cron(dailyPattern(hourUtc, minute), { timezone: "UTC", protect: true }, () => void run());
  // Catch up at start: every scheduled day missed while the scheduler was down (within CATCH_UP_DAYS).
  void run();
  lifecycle.onShutdown("scheduler clock", async () => {
    stopping = true;
    job.stop();
    await running;
  });
  logger.info({ port, next: job.nextRun()?.toISOString() ?? null }, "scheduler serving");
};
