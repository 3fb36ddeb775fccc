import os from "node:os";
import { z } from "zod";
import { readingAnalytics, ANALYTICS_MAX_DAYS } from "../../lib/db/repositories/reading-analytics";
import { AUDIT_MAX_LIMIT, SEVERITIES } from "../../lib/db/repositories/audit-log";
import { HEALTH_PATHS } from "../../lib/health-paths";
import type { ApiRouter, RouteModule } from "../http/route-kit";
import { Reply } from "../http/route-kit";
import { pagingQuery, queryBool, queryInt } from "../http/query-fields";
import { API_VERSION } from "../version";
import { readiness } from "./probes";
import { AnalyticsSchema, AuditLogPageSchema, auditEntryView, DetailedHealthSchema, PerformanceSchema, ReadySchema } from "./schemas";

/** Health and monitoring (seed guide section 8.1): three open probes, three views for administrators. */

const BASE = "/api/health";
const sub = (path: string) => path.slice(BASE.length);
const ADMIN = { scopes: ["admin"] } as const;

/** The liveness answer (seed guide section 8.1); also served ahead of Express (http/fast-liveness.ts). */
export const LIVENESS = { status: "healthy", version: API_VERSION } as const;

export const healthRoutes: RouteModule = {
  base: BASE,
  tag: "health",
  register(r: ApiRouter) {
    r.route({
      method: "get",
      path: "/",
      summary: "Liveness: 200 while the process serves",
      auth: "public",
      response: z.object({ status: z.literal("healthy"), version: z.string() }),
      handler: () => LIVENESS,
    });

    r.route({
      method: "get",
      path: sub(HEALTH_PATHS.apiReady),
      summary: "Readiness: database, Redis and the Oracle mode; 503 \"degraded\" when the database is down",
      auth: "public",
      response: ReadySchema,
      errors: { 503: "Degraded: the database does not answer (same body)" },
      handler: async ({ deps }) => {
        const ready = await readiness(deps);
        return new Reply(ready.status === "healthy" ? 200 : 503, ready);
      },
    });

    r.route({
      method: "get",
      path: sub(HEALTH_PATHS.apiPerformance),
      summary: "Uptime, request count, requests in the last minute and 95th percentile latency, from the API's metrics",
      auth: "public",
      response: PerformanceSchema,
      handler: () => r.metrics.performance(),
    });

    r.route({
      method: "get",
      path: sub(HEALTH_PATHS.apiDetailed),
      summary: "Every part of the platform as this API sees it (administrators)",
      auth: ADMIN,
      response: DetailedHealthSchema,
      handler: async ({ deps }) => {
        const ready = await readiness(deps);
        const [stats, redisMemory] = await Promise.all([
          ready.checks.database === "healthy" ? deps.repos.platformStats().catch(() => undefined) : undefined,
          deps.cacheLayer.redis?.memoryUsage(),
        ]);
        const pool = deps.db.poolStats();
        return {
          status: ready.status,
          timestamp: new Date().toISOString(),
          uptime_seconds: r.metrics.uptimeSeconds,
          system: {
            platform: `${os.platform()} ${os.release()}`,
            node_version: process.version,
            cpu_count: os.cpus().length,
            process_memory_mb: Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10,
          },
          services: {
            database: {
              status: ready.checks.database,
              type: deps.db.kind === "embedded" ? "postgresql (embedded PGlite)" : "postgresql",
              ...(stats ? { size_bytes: stats.databaseBytes } : {}),
              pool,
            },
            redis: {
              status: ready.checks.redis,
              ...(redisMemory ? { used_memory_bytes: redisMemory.usedBytes, used_memory_human: redisMemory.human } : {}),
            },
            oracle_service: { status: ready.checks.oracle_service === "grpc" ? ("healthy" as const) : ("direct_mode" as const), mode: ready.checks.oracle_service },
            api: { status: "healthy" as const, version: API_VERSION, node_version: process.version, websocket_listeners: deps.events.listenerCount() },
            telegram: { status: deps.config.telegram.botToken ? ("configured" as const) : ("not_configured" as const) },
          },
          ...(ready.details ? { details: ready.details } : {}),
        };
      },
    });

    r.route({
      method: "get",
      path: sub(HEALTH_PATHS.apiAnalytics),
      summary: "Reading analytics over the last `days` days (administrators)",
      auth: ADMIN,
      query: z.object({ days: queryInt(1, ANALYTICS_MAX_DAYS).default(30) }),
      response: AnalyticsSchema,
      handler: async ({ deps, query }) => {
        const a = await readingAnalytics(deps.db, query.days);
        const top = <T extends { count: number }>(rows: T[]) => rows.reduce<T | undefined>((best, row) => (!best || row.count > best.count ? row : best), undefined);
        return {
          period_days: a.periodDays,
          readings_per_day: a.perDay.map((d) => ({ date: d.date, count: d.count })),
          readings_by_type: a.byType,
          confidence_trend: a.perDay.map((d) => ({ date: d.date, avg_confidence: d.avgConfidence })),
          popular_hours: a.byHour,
          totals: {
            total_readings: a.total,
            avg_confidence: a.avgConfidence,
            most_popular_type: top(a.byType)?.type ?? null,
            most_active_hour: top(a.byHour)?.hour ?? null,
            error_count: a.failures,
          },
        };
      },
    });

    r.route({
      method: "get",
      path: sub(HEALTH_PATHS.apiLogs),
      summary: "The audit log, newest first, filtered (administrators)",
      auth: ADMIN,
      query: pagingQuery(AUDIT_MAX_LIMIT).extend({
        severity: z.enum(SEVERITIES).optional(),
        action: z.string().max(100).optional(),
        resource_type: z.string().max(100).optional(),
        success: queryBool.optional(),
        hours: queryInt(1, 720).default(24),
      }),
      response: AuditLogPageSchema,
      handler: async ({ deps, query }) => {
        const page = await deps.repos.audit.list({
          limit: query.limit,
          offset: query.offset,
          severity: query.severity,
          action: query.action,
          resourceType: query.resource_type,
          success: query.success,
          since: new Date(Date.now() - query.hours * 3_600_000),
        });
        return {
          logs: page.items.map(auditEntryView),
          total: page.total,
          limit: page.limit,
          offset: page.offset,
          time_window_hours: query.hours,
        };
      },
    });
  },
};
