import { z } from "zod";
import { AUDIT_MAX_LIMIT, SEVERITIES } from "../../lib/db/repositories/audit-log";
import { AuditEntrySchema, auditEntryView } from "../health/schemas";
import { queryBool, queryInt } from "../http/query-fields";
import type { ApiRouter, RouteModule } from "../http/route-kit";
import { boundOf, dateBoundField, iso, text } from "../oracle/fields";

/** /api/admin: platform statistics and the audit log, for administrators. */

const ADMIN = { scopes: ["admin"] } as const;

export const adminRoutes: RouteModule = {
  base: "/api/admin",
  tag: "admin",
  register(r: ApiRouter) {
    r.route({
      method: "get",
      path: "/stats",
      summary: "Platform statistics: accounts, profiles, readings, linked chats, failures, feedback, database size",
      auth: ADMIN,
      response: z.object({
        users: z.object({ total: z.number().int(), active: z.number().int(), inactive: z.number().int(), by_role: z.record(z.string(), z.number().int()) }),
        profiles: z.number().int(),
        readings: z.object({
          total: z.number().int(),
          today: z.number().int(),
          last_24h: z.number().int(),
          last_at: z.iso.datetime().nullable(),
          by_type: z.record(z.string(), z.number().int()),
        }),
        linked_chats: z.number().int(),
        failures_24h: z.number().int(),
        database_bytes: z.number().int(),
        feedback: z.object({
          total: z.number().int(),
          average_rating: z.number().nullable(),
          distribution: z.record(z.string(), z.number().int()),
          by_reading_type: z.record(z.string(), z.object({ count: z.number().int(), average_rating: z.number() })),
          section_helpful_pct: z.record(z.string(), z.number()),
        }),
      }),
      cache: { ttlSeconds: 30 },
      handler: async ({ deps }) => {
        const [s, f] = await Promise.all([deps.repos.platformStats(), deps.repos.feedback.stats()]);
        return {
          users: { total: s.users.total, active: s.users.active, inactive: s.users.inactive, by_role: s.users.byRole },
          profiles: s.profiles,
          readings: { total: s.readings.total, today: s.readings.today, last_24h: s.readings.last24h, last_at: s.readings.lastAt ? iso(s.readings.lastAt) : null, by_type: s.readings.byType },
          linked_chats: s.linkedChats,
          failures_24h: s.failures24h,
          database_bytes: s.databaseBytes,
          feedback: {
            total: f.total,
            average_rating: f.averageRating,
            distribution: f.distribution,
            by_reading_type: Object.fromEntries(Object.entries(f.byReadingType).map(([type, v]) => [type, { count: v.count, average_rating: Number(v.averageRating) }])),
            section_helpful_pct: Object.fromEntries(Object.entries(f.sectionHelpfulPct).map(([k, v]) => [k, Number(v)])),
          },
        };
      },
    });

    r.route({
      method: "get",
      path: "/audit",
      summary: "The audit log, newest first: filter by action, actor, resource, outcome, severity and time",
      auth: ADMIN,
      query: z.object({
        action: text(100).optional(),
        actor_id: z.uuid().optional(),
        resource_type: text(100).optional(),
        resource_id: text(200).optional(),
        success: queryBool.optional(),
        severity: z.enum(SEVERITIES).optional(),
        since: dateBoundField.optional(),
        until: dateBoundField.optional(),
        limit: queryInt(1, AUDIT_MAX_LIMIT).default(50),
        offset: queryInt(0, 1_000_000).default(0),
      }),
      response: z.object({ entries: z.array(AuditEntrySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
      handler: async ({ deps, query }) => {
        const page = await deps.repos.audit.list({
          action: query.action,
          actorId: query.actor_id,
          resourceType: query.resource_type,
          resourceId: query.resource_id,
          success: query.success,
          severity: query.severity,
          since: boundOf(query.since, false),
          until: boundOf(query.until, true),
          limit: query.limit,
          offset: query.offset,
        });
        return { entries: page.items.map(auditEntryView), total: page.total, limit: page.limit, offset: page.offset };
      },
    });
  },
};
