import { z } from "zod";
import { SEVERITIES, type AuditEntry } from "../../lib/db/repositories/audit-log";

/** Response shapes of the health routes (seed guide section 8.1), for the OpenAPI document. */

const partState = z.enum(["healthy", "unhealthy", "not_configured"]);

export const ReadySchema = z
  .object({
    status: z.enum(["healthy", "degraded"]),
    checks: z.object({
      database: z.enum(["healthy", "unhealthy"]),
      redis: partState,
      oracle_service: z.enum(["grpc", "direct_mode"]),
    }),
    details: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: "Readiness" });

export const PerformanceSchema = z
  .object({
    uptime_seconds: z.number().int(),
    requests_total: z.number().int(),
    requests_per_minute: z.number().int(),
    p95_response_ms: z.number(),
  })
  .meta({ id: "Performance" });

export const DetailedHealthSchema = z
  .object({
    status: z.enum(["healthy", "degraded"]),
    timestamp: z.iso.datetime(),
    uptime_seconds: z.number().int(),
    system: z.object({ platform: z.string(), node_version: z.string(), cpu_count: z.number().int(), process_memory_mb: z.number() }),
    services: z.object({
      database: z.object({
        status: z.enum(["healthy", "unhealthy"]),
        type: z.string(),
        size_bytes: z.number().int().optional(),
        pool: z.object({ total: z.number().int(), idle: z.number().int(), waiting: z.number().int() }),
      }),
      redis: z.object({ status: partState, used_memory_bytes: z.number().int().optional(), used_memory_human: z.string().optional() }),
      oracle_service: z.object({ status: z.enum(["healthy", "direct_mode"]), mode: z.enum(["grpc", "direct_mode"]) }),
      api: z.object({ status: z.literal("healthy"), version: z.string(), node_version: z.string(), websocket_listeners: z.number().int() }),
      telegram: z.object({ status: z.enum(["configured", "not_configured"]) }),
    }),
    details: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: "DetailedHealth" });

const dated = z.object({ date: z.string().meta({ description: "YYYY-MM-DD (UTC)" }), count: z.number().int() });

export const AnalyticsSchema = z
  .object({
    period_days: z.number().int(),
    readings_per_day: z.array(dated),
    readings_by_type: z.array(z.object({ type: z.string(), count: z.number().int() })),
    confidence_trend: z.array(z.object({ date: z.string(), avg_confidence: z.number().nullable() })),
    popular_hours: z.array(z.object({ hour: z.number().int(), count: z.number().int() })),
    totals: z.object({
      total_readings: z.number().int(),
      avg_confidence: z.number().nullable(),
      most_popular_type: z.string().nullable(),
      most_active_hour: z.number().int().nullable(),
      error_count: z.number().int().meta({ description: "Failed actions in the audit log over the period" }),
    }),
  })
  .meta({ id: "Analytics" });

/** One audit row as administrators see it (here and in the admin routes). */
export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    timestamp: z.iso.datetime(),
    action: z.string(),
    actor_id: z.string().nullable(),
    actor_username: z.string().nullable(),
    api_key_id: z.string().nullable(),
    resource_type: z.string().nullable(),
    resource_id: z.string().nullable(),
    success: z.boolean(),
    ip_address: z.string().nullable(),
    severity: z.enum(SEVERITIES),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditEntry" });

export function auditEntryView(e: AuditEntry): z.output<typeof AuditEntrySchema> {
  return {
    id: e.id,
    timestamp: e.occurredAt.toISOString(),
    action: e.action,
    actor_id: e.actorId,
    actor_username: e.actorUsername,
    api_key_id: e.apiKeyId,
    resource_type: e.resourceType,
    resource_id: e.resourceId,
    success: e.success,
    ip_address: e.ipAddress,
    severity: e.severity,
    details: e.details,
  };
}

export const AuditLogPageSchema = z
  .object({
    logs: z.array(AuditEntrySchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    time_window_hours: z.number().int(),
  })
  .meta({ id: "AuditLogPage" });
