import { METRICS } from "../../services/lib/metric-names";

/**
 * PromQL the alert rules and the dashboards share, so a panel shows exactly what an alert
 * measures. Metric names come from services/lib/metric-names.ts only.
 */

/** gRPC codes that mean the server failed, not that the caller sent a bad request. */
export const SERVER_FAILURE_CODES = ["UNKNOWN", "DEADLINE_EXCEEDED", "RESOURCE_EXHAUSTED", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS"];

/** prom-client's default process metrics, under the services' prefix. */
export const PROCESS_METRICS = {
  residentMemory: `${METRICS.processPrefix}process_resident_memory_bytes`,
  cpuSeconds: `${METRICS.processPrefix}process_cpu_seconds_total`,
} as const;

const api = METRICS.api;
const oracle = METRICS.oracle;

export const Q = {
  apiErrorRatio: (w = "5m") => `sum(rate(${api.httpRequests}{status=~"5.."}[${w}])) / sum(rate(${api.httpRequests}[${w}]))`,
  apiRequestRate: (by = "status", w = "5m") => `sum by (${by}) (rate(${api.httpRequests}[${w}]))`,
  apiLatencyP95: (by: readonly string[] = [], w = "5m") =>
    `histogram_quantile(0.95, sum by (${["le", ...by].join(", ")}) (rate(${api.httpDuration}_bucket[${w}])))`,
  oracleErrorRatio: (w = "5m") =>
    `sum(rate(${oracle.grpcCalls}{code=~"${SERVER_FAILURE_CODES.join("|")}"}[${w}])) / sum(rate(${oracle.grpcCalls}[${w}]))`,
  oracleCallRate: (w = "5m") => `sum by (method) (rate(${oracle.grpcCalls}[${w}]))`,
  oracleLatencyP95: (w = "5m") => `histogram_quantile(0.95, sum by (le, method) (rate(${oracle.grpcDuration}_bucket[${w}])))`,
} as const;

/*
 * Shapes that read alike whether a series is scraped from a long-running service or pushed once by
 * a one-shot task (the prod stack's scheduled backups and daily readings). A pushed sample is
 * seen for five minutes and then goes stale; a scraped series starts again from zero when its
 * process restarts. A plain instant query misreads both: it finds nothing between pushes, and a
 * "last success" gauge of 0 right after a restart.
 */

/**
 * The newest "last success" timestamp any series of `metric` reported within `window` (a 0, the
 * value before any success, does not count); empty when there is none.
 */
export const latestWithin = (metric: string, window: string): string => `max(max_over_time(${metric}[${window}]) > 0)`;

/** One series (no labels) while no series of `metric` reported a success within `window`. */
export const noneWithin = (metric: string, window: string): string => `absent(max_over_time(${metric}[${window}]) > 0)`;

/**
 * How much each series of `counter` rose within `window`, only the series that rose. increase()
 * misses a series that first appears with its count (a labelled counter is exported from its
 * first event on, and every pushed run starts from zero): such a series, new since the window
 * before, counts its whole value.
 */
export const risenWithin = (counter: string, window: string): string =>
  `((increase(${counter}[${window}]) > 0) or ((max_over_time(${counter}[${window}]) > 0) unless max_over_time(${counter}[${window}] offset ${window})))`;
