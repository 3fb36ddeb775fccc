import { countedName, profileSystem } from "../../oracle/readings/engine-call";
import type { ChartPerson } from "../../oracle/readings/chart-reading";
import type { Viewer } from "../../lib/db/paging";
import type { ApiRouter } from "../http/route-kit";
import { Reply } from "../http/route-kit";
import { z } from "zod";
import { actorOf, readingEnv, READ, viewerOf, WRITE } from "./access";
import type { Reading } from "../../lib/db/repositories/readings";
import type { OracleMode } from "../../oracle/client";
import { ChartBody, ChartCompatibilityBody, type ChartBodyInput, type ChartPersonInput } from "./chart-schemas";
import { calendarDate, describeMoment, momentOf, oracleProfile } from "./oracle-input";
import { settingDefaults } from "./setting-defaults";
import { ask, computeAndStore, profileFor, type ReadingActor, type ReadingEnv } from "./reading-runner";
import { CreatedReadingSchema, readingView } from "./reading-schemas";
import { shownResult, storedResult } from "./stored-result";

/**
 * The complete chart: POST /chart computes it for a profile or a name and birth date and stores
 * it like any reading (it shows in history); POST /chart/compatibility scores two people and
 * stores nothing.
 */

const CHART_ERRORS = {
  404: "The profile named in the request does not exist or is not yours",
  503: "The Oracle could not compute the chart",
  504: "The Oracle did not answer in time",
} as const;

/** A person of the request as the Oracle takes them, and the clock of their profile (minutes east of UTC). */
async function chartPerson(env: ReadingEnv, viewer: Viewer, p: ChartPersonInput, path: string): Promise<{ person: ChartPerson; offset: number | null; profileId: string | null }> {
  if (p.profile_id === undefined) {
    return { person: { name: p.name!, birth_date: calendarDate(p.birth_date!), numerology_system: p.numerology_system ?? null }, offset: null, profileId: null };
  }
  const profile = await profileFor(env, viewer, p.profile_id).catch((err: unknown) => {
    throw Object.assign(err as Error, { field: `${path}profile_id` });
  });
  const input = oracleProfile(profile, p.numerology_system ?? "auto");
  return {
    person: { name: countedName(input, profileSystem(input)), birth_date: input.birth_date, numerology_system: input.numerology_system ?? null },
    offset: profile.timezone_offset_minutes,
    profileId: profile.id,
  };
}

/**
 * Computes the chart of a body for an actor and stores it like any reading (its history, its
 * events): the web API's route and the bot's route both come here.
 */
export async function storeChart(env: ReadingEnv, actor: ReadingActor, body: ChartBodyInput): Promise<{ reading: Reading; mode: OracleMode }> {
  return computeAndStore(env, actor, actor.userId, "chart", false, async () => {
    const { person, offset, profileId } = await chartPerson(env, actor.viewer, body, "");
    const at = momentOf(new Date(), offset ?? body.timezone_offset_minutes ?? 0, { date: body.date }, true);
    const request = { ...person, at, locale: body.locale };
    const { result, mode } = await ask(() => env.deps.oracle.chart(request));
    return {
      mode,
      readingType: "chart",
      profileId,
      signValue: person.name.trim(),
      numerologySystem: result.system.name,
      locale: body.locale,
      input: { ...body, at: describeMoment(at) },
      // Stored as what it is computed from, like every reading: a few hundred bytes instead of the
      // chart's kilobytes of working and meanings, which are told again when it is shown.
      result: storedResult(request, result),
      shown: shownResult({ ...result }),
      searchTerms: [person.name],
    };
  });
}

export function registerChartRoutes(r: ApiRouter): void {
  r.route({
    method: "post",
    path: "/chart",
    summary: "The complete chart of a profile, or of a name and birth date: every number with its working and meaning; it is stored (reading_type chart)",
    auth: WRITE,
    // The account's language tells the chart when the body does not, as for every reading.
    middleware: [settingDefaults(r.deps, { readingType: "chart" })],
    body: ChartBody,
    response: CreatedReadingSchema,
    status: 201,
    errors: CHART_ERRORS,
    handler: async (ctx) => {
      const { reading, mode } = await storeChart(readingEnv(r, ctx), actorOf(ctx.principal), ctx.body);
      return new Reply(201, { ...readingView(reading), oracle_mode: mode });
    },
  });

  r.route({
    method: "post",
    path: "/chart/compatibility",
    summary: "Two people's compatibility 0-100: life path, expression and soul urge beside NPS's own signals, each with its reason; computed, not stored",
    auth: READ,
    body: ChartCompatibilityBody,
    response: z.record(z.string(), z.unknown()).meta({ description: "The compatibility, with the numbers' and the signals' scores and reasons" }),
    errors: CHART_ERRORS,
    handler: async (ctx) => {
      const env = readingEnv(r, ctx);
      const viewer = viewerOf(ctx.principal);
      const a = await chartPerson(env, viewer, ctx.body.a, "a.");
      const b = await chartPerson(env, viewer, ctx.body.b, "b.");
      const at = momentOf(new Date(), a.offset ?? ctx.body.timezone_offset_minutes ?? 0, { date: ctx.body.date }, true);
      const { result } = await ask(() => env.deps.oracle.chartCompatibility({ a: a.person, b: b.person, at }));
      return { ...result };
    },
  });
}
