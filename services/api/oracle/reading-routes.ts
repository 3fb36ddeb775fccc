import { z } from "zod";
import { notFound } from "../http/errors";
import { queryInt } from "../http/query-fields";
import type { ApiRouter } from "../http/route-kit";
import { Reply } from "../http/route-kit";
import { actorOf, aiLimitWhenAsked, readingEnv, READ, viewerOf, WRITE } from "./access";
import { dateField, localeField, offsetMinutesField, profileIdParams, timeField } from "./fields";
import { localClock, momentOf, profileOffset } from "./oracle-input";
import { ask, dailyReading, runReading, storedDaily, type ReadingOutcome } from "./reading-runner";
import { settingDefaults, settingsLocale } from "./setting-defaults";
import { CreatedReadingSchema, DailyBody, NameBody, QuestionBody, ReadingBody, ReadingSchema, readingView, StampBody, type ReadingRequest } from "./reading-schemas";

/**
 * Asking for readings: every type through POST /readings, and the routes that read better on
 * their own (a question, a name, a profile's daily reading). Each stored reading keeps its input,
 * result and interpretation; the caller's WebSocket hears its progress. Timing and the stamp check
 * also have quick routes that compute without storing anything.
 */

const READING_ERRORS = {
  404: "A profile named in the request does not exist or is not yours",
  503: "The Oracle could not compute the reading",
  504: "The Oracle did not answer in time",
} as const;

function created(outcome: ReadingOutcome) {
  const body = { ...readingView(outcome.reading), oracle_mode: outcome.mode };
  return new Reply(outcome.created ? 201 : 200, body);
}

const CreatedOrStoredSchema = CreatedReadingSchema.extend({ oracle_mode: CreatedReadingSchema.shape.oracle_mode.nullable() });

export function registerReadingRoutes(r: ApiRouter): void {
  const aiLimit = aiLimitWhenAsked(r);

  r.route({
    method: "post",
    path: "/readings",
    summary: "Ask for a reading of any type (reading_type: time, daily, name, question, multi, timing, stamp); it is stored",
    description:
      "Progress and completion reach the caller's WebSocket (/ws) as reading_started, reading_progress, reading_complete or reading_failed, " +
      "each with data.reading_id. A daily reading already stored for the day is returned (200) unless force_regenerate. " +
      "The account's settings fill what the body leaves out: reading_type (default_reading_type), numerology_system and locale (language).",
    auth: WRITE,
    middleware: [settingDefaults(r.deps), aiLimit],
    body: ReadingBody,
    response: CreatedOrStoredSchema,
    status: 201,
    errors: READING_ERRORS,
    handler: async (ctx) => created(await runReading(readingEnv(r, ctx), actorOf(ctx.principal), ctx.body)),
  });

  const perType = [
    { type: "question", body: QuestionBody, summary: "Ask a question (stored encrypted); the same as POST /readings with reading_type question" },
    { type: "name", body: NameBody, summary: "Read a name; the same as POST /readings with reading_type name" },
  ] as const;
  for (const { type, body, summary } of perType) {
    r.route({
      method: "post",
      path: `/${type}`,
      summary,
      auth: WRITE,
      middleware: [settingDefaults(r.deps, { readingType: type }), aiLimit],
      body,
      response: CreatedReadingSchema,
      status: 201,
      errors: READING_ERRORS,
      handler: async (ctx) => {
        // The body is this type's, which is what reading_type tells runReading.
        const request = { ...ctx.body, reading_type: type } as ReadingRequest;
        const outcome = await runReading(readingEnv(r, ctx), actorOf(ctx.principal), request);
        return { ...readingView(outcome.reading), oracle_mode: outcome.mode! };
      },
    });
  }

  r.route({
    method: "get",
    path: "/profiles/:profile_id/daily",
    summary: "The stored daily reading of a profile for a date (default today on the profile's clock)",
    auth: READ,
    params: profileIdParams,
    query: z.object({ date: dateField.optional() }),
    response: ReadingSchema,
    cache: { ttlSeconds: 60 },
    errors: { 404: "No such profile, or no daily reading for that date yet (POST to make it)" },
    handler: async ({ deps, principal, params, query }) => {
      const viewer = viewerOf(principal);
      const profile = await deps.repos.profiles.get(params.profile_id, viewer);
      if (!profile) throw notFound("profile");
      const date = query.date ?? localClock(new Date(), profileOffset(profile, new Date())).date;
      const reading = await storedDaily({ deps }, viewer, profile.id, date);
      if (!reading) throw notFound(`daily reading of ${date}`);
      return readingView(reading);
    },
  });

  r.route({
    method: "post",
    path: "/profiles/:profile_id/daily",
    summary: "The daily reading of a profile: the stored one for the date, or a new one (201); one per profile and date",
    auth: WRITE,
    middleware: [settingDefaults(r.deps, { readingType: "daily" }), aiLimit],
    params: profileIdParams,
    body: DailyBody.omit({ profile_id: true }),
    response: CreatedOrStoredSchema,
    status: 201,
    errors: READING_ERRORS,
    handler: async (ctx) => {
      const { force_regenerate, ...rest } = ctx.body;
      const outcome = await dailyReading(readingEnv(r, ctx), actorOf(ctx.principal), ctx.params.profile_id, {
        ...rest,
        force: force_regenerate,
      });
      if (outcome.reading.ownerId !== ctx.principal.userId) await ctx.invalidateCache(outcome.reading.ownerId);
      return created(outcome);
    },
  });

  r.route({
    method: "get",
    path: "/timing",
    summary: "How well a day and hour align (moon, numbers, weekday) and its best hours; computed, not stored",
    auth: READ,
    query: z.object({
      date: dateField.optional(),
      time: timeField.optional(),
      timezone_offset_minutes: z.coerce.number({ message: "expected a number" }).pipe(offsetMinutesField).optional(),
      best_hours: queryInt(1, 24).default(5),
      locale: localeField.optional().meta({ description: "The language of the notes and reasons; default the account's language setting" }),
    }),
    response: z.record(z.string(), z.unknown()).meta({ description: "The timing alignment" }),
    handler: async ({ deps, query, principal }) => {
      // Without a time, now (as `time` is documented), not a fixed hour.
      const at = momentOf(new Date(), query.timezone_offset_minutes ?? 0, query);
      const locale = query.locale ?? (principal ? settingsLocale(await deps.repos.settings.getAll(principal.userId)) : undefined);
      return { ...(await ask(() => deps.oracle.timing({ at, best_hours: query.best_hours, locale }))).result };
    },
  });

  r.route({
    method: "post",
    path: "/validate-stamp",
    summary: "Check and decode an FC60 stamp; computed, not stored",
    auth: READ,
    // The reason a stamp is refused is told in the caller's language, as a reading's prose is.
    middleware: [settingDefaults(r.deps, { readingType: "stamp" })],
    body: StampBody,
    response: z.object({ valid: z.boolean(), stamp: z.string(), error: z.string(), decoded: z.record(z.string(), z.unknown()).nullable() }),
    handler: async ({ deps, body }) => {
      const check = (await ask(() => deps.oracle.stamp({ stamp: body.stamp, locale: body.locale }))).result;
      return { ...check, decoded: check.decoded ? { ...check.decoded } : null };
    },
  });
}
