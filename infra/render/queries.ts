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
