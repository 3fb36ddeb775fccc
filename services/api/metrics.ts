import type { RequestHandler } from "express";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { METRICS } from "../lib/metric-names";
import { PerMinuteCounter } from "./per-minute-counter";

const M = METRICS.api;

/** Latency buckets (seconds): fine below 50 ms, where the API's goals are. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What the gauges read at scrape time; each answers undefined when the part is absent. */
export interface MetricProbes {
  readonly oracleMode?: () => "grpc" | "direct_mode" | undefined;
  readonly pool?: () => { total: number; idle: number; waiting: number } | undefined;
  readonly databaseUp?: () => Promise<boolean>;
  readonly redisUp?: () => boolean | undefined;
  readonly websocketConnections?: () => number;
}

export interface PerformanceSnapshot {
  readonly uptime_seconds: number;
  readonly requests_total: number;
  readonly requests_per_minute: number;
  readonly p95_response_ms: number;
}

/** Route label for requests no route claimed, so unknown URLs cannot blow up the label set. */
export const UNMATCHED_ROUTE = "unmatched";

/**
 * The API's Prometheus metrics on a registry of its own (names from metric-names.ts), plus the
 * figures /api/health/performance reports, read from the same histogram.
 */
export class ApiMetrics {
  readonly httpRequests: Counter<"method" | "route" | "status">;
  readonly httpDuration: Histogram<"method" | "route" | "status">;
  readonly cacheLookups: Counter<"result">;
  readonly readingsStored: Counter<"type">;
  private readonly perMinute = new PerMinuteCounter();
  /** Label-bound children per (method, route, status): prom-client then skips hashing the labels on every request. */
  private readonly children = new Map<string, { count: { inc(): void }; time: { observe(v: number): void } }>();
  private readonly startedAt = Date.now();

  constructor(
    readonly registry: Registry,
    probes: MetricProbes = {},
  ) {
    this.httpRequests = new Counter({
      name: M.httpRequests,
      help: "HTTP requests by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    });
    this.httpDuration = new Histogram({
      name: M.httpDuration,
      help: "HTTP request latency in seconds",
      labelNames: ["method", "route", "status"],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
    this.cacheLookups = new Counter({
      name: M.cacheLookups,
      help: "Response cache lookups by result (hit, miss)",
      labelNames: ["result"],
      registers: [registry],
    });
    this.readingsStored = new Counter({
      name: M.readingsStored,
      help: "Readings stored, by reading type",
      labelNames: ["type"],
      registers: [registry],
    });
    new Gauge({
      name: M.oracleMode,
      help: "1 for the mode the Oracle client uses now (grpc or direct_mode)",
      labelNames: ["mode"],
      registers: [registry],
      collect() {
        const mode = probes.oracleMode?.();
        this.set({ mode: "grpc" }, mode === "grpc" ? 1 : 0);
        this.set({ mode: "direct_mode" }, mode === "direct_mode" ? 1 : 0);
      },
    });
    new Gauge({
      name: M.dbPoolConnections,
      help: "Database pool connections by state (total, idle, waiting)",
      labelNames: ["state"],
      registers: [registry],
      collect() {
        const pool = probes.pool?.();
        if (!pool) return;
        this.set({ state: "total" }, pool.total);
        this.set({ state: "idle" }, pool.idle);
        this.set({ state: "waiting" }, pool.waiting);
      },
    });
    new Gauge({
      name: M.databaseUp,
      help: "1 when the database answers, 0 when not",
      registers: [registry],
      async collect() {
        if (probes.databaseUp) this.set((await probes.databaseUp()) ? 1 : 0);
      },
    });
    new Gauge({
      name: M.websocketConnections,
      help: "Authenticated WebSocket connections on this replica",
      registers: [registry],
      collect() {
        if (probes.websocketConnections) this.set(probes.websocketConnections());
      },
    });
    new Gauge({
      name: M.redisUp,
      help: "1 when Redis answers, 0 when cache and rate limits run in memory",
      registers: [registry],
      collect() {
        const up = probes.redisUp?.();
        if (up !== undefined) this.set(up ? 1 : 0);
      },
    });
  }

  /** Counts one finished request under its route pattern. */
  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    let child = this.children.get(key);
    if (!child) {
      const labels = { method, route, status: String(status) };
      child = { count: this.httpRequests.labels(labels), time: this.httpDuration.labels(labels) };
      this.children.set(key, child);
    }
    child.count.inc();
    child.time.observe(seconds);
    this.perMinute.add();
  }

  async performance(): Promise<PerformanceSnapshot> {
    const { count, p95 } = await this.latencySummary();
    return {
      uptime_seconds: this.uptimeSeconds,
      requests_total: count,
      requests_per_minute: this.perMinute.lastMinute(),
      p95_response_ms: Math.round(p95 * 1000 * 100) / 100,
    };
  }

  get uptimeSeconds(): number {
    return Math.round((Date.now() - this.startedAt) / 1000);
  }

  /** Request count and the 95th percentile latency (seconds), interpolated within the histogram's buckets. */
  private async latencySummary(): Promise<{ count: number; p95: number }> {
    const { values } = await this.httpDuration.get();
    const cumulative = new Map<number, number>();
    let count = 0;
    for (const v of values) {
      if (v.metricName === `${M.httpDuration}_bucket`) {
        const raw = (v.labels as Record<string, string | number>).le;
        const le = raw === "+Inf" ? Infinity : Number(raw);
        cumulative.set(le, (cumulative.get(le) ?? 0) + v.value);
      } else if (v.metricName === `${M.httpDuration}_count`) {
        count += v.value;
      }
    }
    return { count, p95: quantileFromBuckets(cumulative, count, 0.95) };
  }
}

/** The q-quantile of a cumulative bucket map (upper bound → count at or below it), as Prometheus' histogram_quantile does. */
export function quantileFromBuckets(cumulative: ReadonlyMap<number, number>, count: number, q: number): number {
  if (count === 0) return 0;
  const bounds = [...cumulative.keys()].sort((a, b) => a - b);
  const rank = q * count;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const bound of bounds) {
    const atOrBelow = cumulative.get(bound) ?? 0;
    if (atOrBelow >= rank) {
      // Past the last finite bucket there is no upper edge to interpolate towards.
      if (bound === Infinity) return lowerBound;
      const inBucket = atOrBelow - lowerCount;
      return inBucket === 0 ? bound : lowerBound + ((bound - lowerBound) * (rank - lowerCount)) / inBucket;
    }
    lowerBound = bound;
    lowerCount = atOrBelow;
  }
  return lowerBound;
}

/**
 * Times every request and counts it when the response finishes, under the route pattern the
 * route toolkit recorded in res.locals.route (never the raw URL).
 */
export function metricsMiddleware(metrics: ApiMetrics): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.once("finish", () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const route = typeof res.locals.route === "string" ? res.locals.route : UNMATCHED_ROUTE;
      metrics.observe(req.method, route, res.statusCode, seconds);
    });
    next();
  };
}
