import { z } from "zod";
import type { Feedback } from "../../lib/db/repositories/feedback";
import { SECTION_KEYS, type SectionKey } from "../../oracle/ai/sections";
import { forbidden, notFound } from "../http/errors";
import { pagingQuery, queryBool } from "../http/query-fields";
import type { ApiRouter } from "../http/route-kit";
import { Reply } from "../http/route-kit";
import type { Principal } from "../auth/principal";
import { clearOwnerCache, READ, viewerOf, WRITE } from "./access";
import { boundOf, dateBoundField, iso, readingIdParams, readingTypeField, text } from "./fields";
import { ReadingSchema, ReadingSummarySchema, readingSummaryView, readingView } from "./reading-schemas";

/**
 * A caller's readings after the fact: history (filters, search, sort, pages), one reading, the
 * favourite flag, soft deletion, statistics and feedback. Another owner's reading is a 404.
 */

const CACHE = { ttlSeconds: 60 } as const;

/** "mine" (the default) or, for administrators and moderators, "all" owners' readings. */
const scopeField = z.enum(["mine", "all"]).default("mine");

function listViewer(principal: Principal, scope: "mine" | "all") {
  const viewer = viewerOf(principal);
  if (scope === "mine") return { userId: principal.userId, seesAll: false };
  if (!viewer.seesAll) throw forbidden("scope=all is for administrators and moderators");
  return viewer;
}

const FeedbackBody = z.strictObject({
  rating: z.number().int("expected a whole number").min(1, "from 1 to 5").max(5, "from 1 to 5"),
  section_feedback: z
    .partialRecord(z.enum(SECTION_KEYS as [SectionKey, ...SectionKey[]], { message: `sections are ${SECTION_KEYS.join(", ")}` }), z.boolean())
    .default({})
    .meta({ description: "Section → whether it helped" }),
  text_feedback: text(1000).nullish(),
});

const FeedbackSchema = z
  .object({
    id: z.uuid(),
    reading_id: z.uuid(),
    user_id: z.uuid(),
    rating: z.number().int(),
    section_feedback: z.record(z.string(), z.boolean()),
    text_feedback: z.string().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "ReadingFeedback" });

const feedbackView = (f: Feedback): z.output<typeof FeedbackSchema> => ({
  id: f.id,
  reading_id: f.readingId,
  user_id: f.userId,
  rating: f.rating,
  section_feedback: f.sectionFeedback,
  text_feedback: f.textFeedback,
  created_at: iso(f.createdAt),
  updated_at: iso(f.updatedAt),
});

export function registerHistoryRoutes(r: ApiRouter): void {
  r.route({
    method: "get",
    path: "/readings",
    summary: "Reading history: filters, full-text search (questions included, though they are stored encrypted), sort and pages",
    auth: READ,
    query: pagingQuery().extend({
      reading_type: readingTypeField.optional(),
      profile_id: z.uuid().optional(),
      is_favorite: queryBool.optional(),
      date_from: dateBoundField.optional(),
      date_to: dateBoundField.optional(),
      search: text(200).optional(),
      sort_by: z.enum(["created_at", "confidence"]).default("created_at"),
      sort_order: z.enum(["asc", "desc"]).default("desc"),
      view: z.enum(["summary", "full"]).default("summary").meta({ description: "summary leaves out input, result and interpretation" }),
      scope: scopeField,
    }),
    response: z.object({
      readings: z.array(z.union([ReadingSummarySchema, ReadingSchema])),
      total: z.number().int(),
      limit: z.number().int(),
      offset: z.number().int(),
    }),
    cache: CACHE,
    handler: async ({ deps, principal, query }) => {
      const page = await deps.repos.readings.list(listViewer(principal, query.scope), {
        readingType: query.reading_type,
        profileId: query.profile_id,
        isFavorite: query.is_favorite,
        dateFrom: boundOf(query.date_from, false),
        dateTo: boundOf(query.date_to, true),
        search: query.search,
        sortBy: query.sort_by,
        sortOrder: query.sort_order,
        view: query.view,
        limit: query.limit,
        offset: query.offset,
      });
      const readings = query.view === "full" ? page.items.map(readingView) : page.items.map(readingSummaryView);
      return { readings, total: page.total, limit: page.limit, offset: page.offset };
    },
  });

  r.route({
    method: "get",
    path: "/readings/stats",
    summary: "Reading statistics: totals by type and month, favourites, today, this week and month, streak",
    auth: READ,
    query: z.object({ scope: scopeField }),
    response: z.object({
      total_readings: z.number().int(),
      by_type: z.record(z.string(), z.number().int()),
      by_month: z.array(z.object({ month: z.string(), count: z.number().int() })),
      favorites_count: z.number().int(),
      readings_today: z.number().int(),
      readings_this_week: z.number().int(),
      readings_this_month: z.number().int(),
      average_confidence: z.number().nullable(),
      most_used_type: z.string().nullable(),
      most_active_day: z.string().nullable(),
      streak_days: z.number().int(),
    }),
    cache: CACHE,
    handler: async ({ deps, principal, query }) => {
      const s = await deps.repos.readings.stats(listViewer(principal, query.scope));
      return {
        total_readings: s.total,
        by_type: s.byType,
        by_month: s.byMonth,
        favorites_count: s.favorites,
        readings_today: s.today,
        readings_this_week: s.thisWeek,
        readings_this_month: s.thisMonth,
        average_confidence: s.averageConfidence === null ? null : Math.round(s.averageConfidence * 100) / 100,
        most_used_type: s.mostUsedType,
        most_active_day: s.mostActiveDay,
        streak_days: s.streakDays,
      };
    },
  });

  r.route({
    method: "get",
    path: "/readings/:reading_id",
    summary: "One reading, decrypted",
    auth: READ,
    params: readingIdParams,
    response: ReadingSchema,
    cache: CACHE,
    errors: { 404: "No such reading, or not yours" },
    handler: async ({ deps, principal, params }) => {
      const reading = await deps.repos.readings.get(params.reading_id, viewerOf(principal));
      if (!reading) throw notFound("reading");
      return readingView(reading);
    },
  });

  const FavoriteSchema = z.object({ id: z.uuid(), is_favorite: z.boolean() });
  const setFavorite = async (ctx: { deps: typeof r.deps; principal: Principal; invalidateCache(userId: string): Promise<void> }, id: string, value?: boolean) => {
    const viewer = viewerOf(ctx.principal);
    const reading = await ctx.deps.repos.readings.get(id, viewer);
    if (!reading) throw notFound("reading");
    const next = await ctx.deps.repos.readings.setFavorite(id, viewer, value);
    if (next === null) throw notFound("reading");
    await clearOwnerCache(ctx, ctx.principal, reading.ownerId);
    return { id, is_favorite: next };
  };

  r.route({
    method: "patch",
    path: "/readings/:reading_id/favorite",
    summary: "Toggle a reading's favourite flag",
    auth: WRITE,
    params: readingIdParams,
    response: FavoriteSchema,
    errors: { 404: "No such reading, or not yours" },
    handler: (ctx) => setFavorite(ctx, ctx.params.reading_id),
  });

  r.route({
    method: "put",
    path: "/readings/:reading_id/favorite",
    summary: "Set or clear a reading's favourite flag",
    auth: WRITE,
    params: readingIdParams,
    body: z.strictObject({ is_favorite: z.boolean() }),
    response: FavoriteSchema,
    errors: { 404: "No such reading, or not yours" },
    handler: (ctx) => setFavorite(ctx, ctx.params.reading_id, ctx.body.is_favorite),
  });

  r.route({
    method: "delete",
    path: "/readings/:reading_id",
    summary: "Delete a reading (soft: it leaves history, share links stop working)",
    auth: WRITE,
    params: readingIdParams,
    status: 204,
    errors: { 404: "No such reading, or not yours" },
    handler: async (ctx) => {
      const viewer = viewerOf(ctx.principal);
      const reading = await ctx.deps.repos.readings.get(ctx.params.reading_id, viewer);
      if (!reading || !(await ctx.deps.repos.readings.softDelete(reading.id, viewer))) throw notFound("reading");
      await clearOwnerCache(ctx, ctx.principal, reading.ownerId);
      await ctx.audit({ action: "oracle_reading.delete", resourceType: "oracle_reading", resourceId: reading.id, details: { reading_type: reading.readingType } });
    },
  });

  r.route({
    method: "post",
    path: "/readings/:reading_id/feedback",
    summary: "Rate a reading (1-5), say which sections helped, add a comment; a second submission replaces the first",
    auth: WRITE,
    params: readingIdParams,
    body: FeedbackBody,
    response: FeedbackSchema,
    status: 201,
    errors: { 404: "No such reading, or not yours" },
    handler: async ({ deps, principal, params, body }) => {
      const reading = await deps.repos.readings.get(params.reading_id, viewerOf(principal));
      if (!reading) throw notFound("reading");
      const { feedback, created } = await deps.repos.feedback.upsert({
        readingId: reading.id,
        userId: principal.userId,
        rating: body.rating,
        sectionFeedback: body.section_feedback as Record<string, boolean>,
        textFeedback: body.text_feedback ?? null,
      });
      return new Reply(created ? 201 : 200, feedbackView(feedback));
    },
  });

  r.route({
    method: "get",
    path: "/readings/:reading_id/feedback",
    summary: "Feedback on a reading: your own (every account's for administrators and moderators)",
    auth: READ,
    params: readingIdParams,
    response: z.object({ feedback: z.array(FeedbackSchema) }),
    errors: { 404: "No such reading, or not yours" },
    handler: async ({ deps, principal, params }) => {
      const viewer = viewerOf(principal);
      const reading = await deps.repos.readings.get(params.reading_id, viewer);
      if (!reading) throw notFound("reading");
      const all = await deps.repos.feedback.listForReading(reading.id);
      return { feedback: all.filter((f) => viewer.seesAll || f.userId === principal.userId).map(feedbackView) };
    },
  });
}
