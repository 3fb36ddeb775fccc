import { randomUUID } from "node:crypto";
import { status as grpcStatus } from "@grpc/grpc-js";
import { SYSTEM_VIEWER, type Viewer } from "../../lib/db/paging";
import type { Profile } from "../../lib/db/repositories/oracle-profiles";
import type { NewReading, Reading } from "../../lib/db/repositories/readings";
import type { Locale } from "../../contract";
import { InvalidInputError } from "../../lib/errors";
import { OracleCallError, type OracleMode, type Served } from "../../oracle/client";
import type { FullReading, Interpretation, Telling } from "../../oracle/readings";
import { profileSystem } from "../../oracle/readings/engine-call";
import type { ApiDeps } from "../deps";
import type { UserEvent } from "../events/event-bus";
import { gatewayTimeout, notFound, serviceUnavailable } from "../http/errors";
import type { ApiMetrics } from "../metrics";
import { calendarDate, describeMoment, localClock, momentOf, oracleProfile, profileOffset } from "./oracle-input";
import { secretsOfProfile } from "./profile-schemas";
import type { ReadingRequest, RequestOfType } from "./reading-schemas";
import { shownResult, storedResult } from "./stored-result";

/**
 * Runs a reading request end to end: finds the profiles the caller may use, asks the Oracle
 * (gRPC, or in-process when the server is away), stores the reading with its input, structured
 * result and interpretation (the repository encrypts the private parts), and tells the caller's
 * WebSocket how it goes. The routes of every reading type, and the Telegram bot's, come through here.
 */

/** Whoever asks: events go to userId, new readings belong to it (a daily reading to its profile's owner). */
export interface ReadingActor {
  readonly userId: string;
  readonly viewer: Viewer;
}

/**
 * What a run needs: the repositories and the Oracle, the stored-readings counter, the event bus.
 * The API hands its own; the daily scheduler, which has no HTTP or WebSocket side, hands these alone.
 */
export interface ReadingEnv {
  readonly deps: Pick<ApiDeps, "repos" | "oracle">;
  readonly metrics: { readonly readingsStored: Pick<ApiMetrics["readingsStored"], "inc"> };
  publish(userId: string, event: UserEvent): void;
}

export interface ReadingOutcome {
  readonly reading: Reading;
  /** How the Oracle was reached; null when a stored reading was returned without asking it. */
  readonly mode: OracleMode | null;
  readonly created: boolean;
}

/** What a reading type hands over for storing, before it has an id and an owner; `shown`: the result as answered, when it is stored as what it was computed from. */
export type Computed = Omit<NewReading, "id" | "ownerId"> & { readonly mode: OracleMode; readonly shown?: Record<string, unknown> };

type Told = { readonly include_ai: boolean; readonly inquiry_context?: Record<string, string> | undefined; readonly locale: Locale };

/** What the Oracle is told besides the numbers: the language, and whether to ask the AI model (with the caller's context). */
function telling(body: Told): Telling {
  return { locale: body.locale, include_ai: body.include_ai, inquiry_context: body.include_ai ? (body.inquiry_context ?? null) : null };
}

/**
 * The Oracle's answer, or the API's error: its InvalidInputError names the Oracle's field path,
 * which for the one check the API leaves to it (a birth date after the reading's date) is the date.
 */
export async function ask<T>(call: () => Promise<Served<T>>): Promise<Served<T>> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof InvalidInputError) {
      throw err.field.endsWith("birth_date") ? new InvalidInputError("date", `the reading's date is before a profile's birth date (${err.reason})`) : err;
    }
    if (err instanceof OracleCallError) {
      throw err.code === grpcStatus.DEADLINE_EXCEEDED ? gatewayTimeout("the Oracle did not answer in time; try again") : serviceUnavailable("the Oracle could not compute the reading; try again shortly");
    }
    throw err;
  }
}

/** The model's words are kept (nothing derives them); the engine's own text is told again from the numbers. */
const modelText = (i: Interpretation | null): string | null => (i?.ai_generated ? i.sections.full_text : null);
const confidenceOf = (readings: readonly FullReading[]): number | null =>
  readings.length === 0 ? null : Math.round((readings.reduce((sum, r) => sum + r.confidence.score, 0) / readings.length) * 100) / 100;

/** Public words that find a reading in search: the profiles' names. */
const namesOf = (profiles: readonly Profile[]): string[] => profiles.flatMap((p) => [p.name, ...(p.name_persian ? [p.name_persian] : [])]);

/** Private words that must never sit in plaintext inside the stored input or result. */
function secretsOf(profiles: readonly Profile[], body: Told): string[] {
  return [...profiles.flatMap(secretsOfProfile), ...Object.values(body.inquiry_context ?? {})].filter((s) => s.trim() !== "");
}

/** The request as stored: without its type (a column of its own), with the moment it was read for. */
function inputOf(body: object, at?: string): Record<string, unknown> {
  const { reading_type: _type, ...rest } = body as Record<string, unknown>;
  return at === undefined ? rest : { ...rest, at };
}

/**
 * What every reading with an interpretation stores alike: its input, what the Oracle was asked
 * (the result follows from it), the model's words when a model told it, search words and secrets.
 */
function toldParts(body: Told, profiles: readonly Profile[], request: object, result: { interpretation: Interpretation | null }, input: Record<string, unknown>) {
  return {
    locale: body.locale,
    input,
    result: storedResult(request, result),
    shown: shownResult(result),
    aiInterpretation: modelText(result.interpretation),
    searchTerms: namesOf(profiles),
    secrets: secretsOf(profiles, body),
  };
}

export async function profileFor(env: ReadingEnv, viewer: Viewer, id: string): Promise<Profile> {
  const profile = await env.deps.repos.profiles.get(id, viewer);
  if (!profile) throw notFound("profile");
  return profile;
}

async function optionalProfile(env: ReadingEnv, viewer: Viewer, id: string | undefined): Promise<Profile[]> {
  return id === undefined ? [] : [await profileFor(env, viewer, id)];
}


type Compute<T extends ReadingRequest["reading_type"]> = (env: ReadingEnv, viewer: Viewer, body: Omit<RequestOfType<T>, "reading_type">, now: Date) => Promise<Computed>;

const computeTime: Compute<"time"> = async (env, viewer, body, now) => {
  const profile = await profileFor(env, viewer, body.profile_id);
  const offset = profileOffset(profile, now, body);
  const at = momentOf(now, offset, body);
  const input = oracleProfile(profile, body.numerology_system, offset);
  const request = { profile: input, at, ...telling(body) };
  const { result, mode } = await ask(() => env.deps.oracle.time(request));
  return {
    mode,
    readingType: "time",
    profileId: profile.id,
    signValue: describeMoment(at).slice(11),
    numerologySystem: profileSystem(input),
    confidenceScore: result.reading.confidence.score,
    ...toldParts(body, [profile], request, result, inputOf(body, describeMoment(at))),
  };
};

type DailyTold = Omit<RequestOfType<"daily">, "reading_type" | "profile_id" | "date" | "force_regenerate">;

/** The daily reading of one profile and date (the caller decides whether one is already stored). */
async function computeDaily(env: ReadingEnv, profile: Profile, date: string, body: DailyTold): Promise<Computed> {
  const input = oracleProfile(profile, body.numerology_system, profileOffset(profile, new Date(), { date }));
  const request = { profile: input, date: calendarDate(date), ...telling(body) };
  const { result, mode } = await ask(() => env.deps.oracle.daily(request));
  return {
    mode,
    readingType: "daily",
    profileId: profile.id,
    signValue: date,
    numerologySystem: profileSystem(input),
    confidenceScore: result.reading.confidence.score,
    ...toldParts(body, [profile], request, result, inputOf({ ...body, profile_id: profile.id, date }, date)),
  };
}

const computeName: Compute<"name"> = async (env, viewer, body, now) => {
  const profiles = await optionalProfile(env, viewer, body.profile_id);
  const offset = profileOffset(profiles[0], now, body, body.timezone_offset_minutes);
  const at = momentOf(now, offset, body);
  const request = {
    name: body.name,
    numerology_system: body.numerology_system ?? null,
    profile: profiles[0] ? oracleProfile(profiles[0], body.numerology_system, offset) : null,
    at,
    ...telling(body),
  };
  const { result, mode } = await ask(() => env.deps.oracle.name(request));
  return {
    mode,
    readingType: "name",
    profileId: profiles[0]?.id ?? null,
    signValue: body.name.trim(),
    numerologySystem: result.numerology_system,
    confidenceScore: result.reading.confidence.score,
    ...toldParts(body, profiles, request, result, inputOf(body, describeMoment(at))),
  };
};

const computeQuestion: Compute<"question"> = async (env, viewer, body, now) => {
  const profiles = await optionalProfile(env, viewer, body.profile_id);
  const offset = profileOffset(profiles[0], now, body, body.timezone_offset_minutes);
  const at = momentOf(now, offset, body);
  const request = {
    question: body.question,
    numerology_system: body.numerology_system ?? null,
    category: body.category ?? null,
    profile: profiles[0] ? oracleProfile(profiles[0], body.numerology_system, offset) : null,
    at,
    ...telling(body),
  };
  const { result, mode } = await ask(() => env.deps.oracle.question(request));
  return {
    mode,
    readingType: "question",
    profileId: profiles[0]?.id ?? null,
    // The question is private: it is stored encrypted, never as the (searchable, plaintext) sign value.
    signValue: null,
    numerologySystem: result.numerology_system,
    question: body.question,
    confidenceScore: result.reading.confidence.score,
    ...toldParts(body, profiles, request, result, inputOf(body, describeMoment(at))),
    searchTerms: [result.category, ...namesOf(profiles)],
  };
};

const computeMulti: Compute<"multi"> = async (env, viewer, body, now) => {
  const profiles = await env.deps.repos.profiles.getMany(body.profile_ids, viewer);
  if (profiles.length !== body.profile_ids.length) throw notFound("profile");
  const primary = profiles[body.primary_index]!;
  const at = momentOf(now, profileOffset(primary, now, body, body.timezone_offset_minutes), body);
  const request = {
    profiles: profiles.map((p) => oracleProfile(p, body.numerology_system, profileOffset(p, now, body, body.timezone_offset_minutes))),
    at,
    ...telling(body),
  };
  const { result, mode } = await ask(() => env.deps.oracle.multi(request));
  return {
    mode,
    readingType: "multi",
    profileIds: profiles.map((p) => p.id),
    primaryIndex: body.primary_index,
    signValue: null,
    confidenceScore: confidenceOf(result.readings),
    ...toldParts(body, profiles, request, result, inputOf(body, describeMoment(at))),
  };
};

const computeTiming: Compute<"timing"> = async (env, _viewer, body, now) => {
  const at = momentOf(now, body.timezone_offset_minutes ?? 0, body);
  const request = { at, best_hours: body.best_hours, locale: body.locale };
  const { result, mode } = await ask(() => env.deps.oracle.timing(request));
  const input = inputOf(body, describeMoment(at));
  return { mode, readingType: "timing", signValue: describeMoment(at), locale: body.locale, input, result: storedResult(request, result), shown: shownResult({ ...result }) };
};

const computeStamp: Compute<"stamp"> = async (env, _viewer, body) => {
  const request = { stamp: body.stamp, locale: body.locale };
  const { result, mode } = await ask(() => env.deps.oracle.stamp(request));
  return { mode, readingType: "stamp", signValue: body.stamp.trim(), locale: body.locale, input: inputOf(body), result: storedResult(request, result), shown: shownResult({ ...result }) };
};

const COMPUTE: { readonly [T in Exclude<ReadingRequest["reading_type"], "daily">]: Compute<T> } = {
  time: computeTime,
  name: computeName,
  question: computeQuestion,
  multi: computeMulti,
  timing: computeTiming,
  stamp: computeStamp,
};

/** Reading events on the caller's WebSocket: started, progress, then complete or failed. */
function progress(env: ReadingEnv, actor: ReadingActor, readingId: string, readingType: string, includeAi: boolean) {
  const send = (event: string, data: Record<string, unknown>) => env.publish(actor.userId, { event, data: { reading_id: readingId, reading_type: readingType, ...data } });
  return {
    started: () => {
      send("reading_started", { progress: 0 });
      send("reading_progress", { step: includeAi ? "interpreting" : "calculating", progress: 25, message: includeAi ? "computing and interpreting" : "computing" });
    },
    storing: () => send("reading_progress", { step: "storing", progress: 90, message: "saving the reading" }),
    complete: () => send("reading_complete", { progress: 100 }),
    failed: (err: unknown) => send("reading_failed", { error: err instanceof Error ? err.message : "the reading failed" }),
  };
}

export async function computeAndStore(env: ReadingEnv, actor: ReadingActor, ownerId: string, readingType: string, includeAi: boolean, compute: () => Promise<Computed>): Promise<{ reading: Reading; mode: OracleMode }> {
  const id = randomUUID();
  const events = progress(env, actor, id, readingType, includeAi);
  events.started();
  try {
    const { mode, shown, ...stored } = await compute();
    events.storing();
    // The stored result is the recipe; the answer shows the result just computed, not computed again.
    const created = await env.deps.repos.readings.create({ ...stored, id, ownerId });
    const reading = shown ? { ...created, result: shown } : created;
    env.metrics.readingsStored.inc({ type: reading.readingType });
    events.complete();
    return { reading, mode };
  } catch (err) {
    events.failed(err);
    throw err;
  }
}

/** One reading of any type for `actor`, stored; a daily request returns the day's stored reading when there is one. */
export async function runReading(env: ReadingEnv, actor: ReadingActor, request: ReadingRequest, now = new Date()): Promise<ReadingOutcome> {
  if (request.reading_type === "daily") {
    const { reading_type: _t, profile_id, date, force_regenerate, ...rest } = request;
    return dailyReading(env, actor, profile_id, { date, force: force_regenerate, ...rest }, now);
  }
  const includeAi = "include_ai" in request && request.include_ai;
  // The table pairs each type with its own compute; TypeScript cannot follow that through the union.
  const compute = COMPUTE[request.reading_type] as unknown as (env: ReadingEnv, viewer: Viewer, body: ReadingRequest, now: Date) => Promise<Computed>;
  const { reading, mode } = await computeAndStore(env, actor, actor.userId, request.reading_type, includeAi, () => compute(env, actor.viewer, request, now));
  return { reading, mode, created: true };
}

export interface DailyOptions extends DailyTold {
  readonly date?: string | undefined;
  readonly force?: boolean;
}

/**
 * The daily reading of a profile: one per profile and date (default: today on the profile's clock).
 * The stored one is returned unless `force`; otherwise it is computed and claimed for the day. It
 * belongs to the profile's owner, so the owner finds it whoever asked first. Two requests racing
 * for the same day agree on one reading; the loser's copy is withdrawn.
 */
export async function dailyReading(env: ReadingEnv, actor: ReadingActor, profileId: string, options: DailyOptions, now = new Date()): Promise<ReadingOutcome> {
  const { repos } = env.deps;
  const profile = await profileFor(env, actor.viewer, profileId);
  const date = options.date ?? localClock(now, profileOffset(profile, now)).date;
  if (!options.force) {
    const stored = await storedDaily(env, actor.viewer, profile.id, date);
    if (stored) return { reading: stored, mode: null, created: false };
  }
  const { force: _f, date: _d, ...told } = options;
  const { reading, mode } = await computeAndStore(env, actor, profile.owner_id, "daily", told.include_ai, () => computeDaily(env, profile, date, told));
  const claimed = await repos.daily.record(profile.id, date, reading.id, { replace: options.force === true });
  if (claimed === reading.id) return { reading, mode, created: true };
  await repos.readings.softDelete(reading.id, SYSTEM_VIEWER);
  const winner = await repos.readings.get(claimed, SYSTEM_VIEWER);
  if (!winner) throw serviceUnavailable("the daily reading changed while it was computed; try again");
  return { reading: winner, mode, created: false };
}

/** The stored daily reading of a profile and date that the viewer may see, or null. */
export async function storedDaily(env: Pick<ReadingEnv, "deps">, viewer: Viewer, profileId: string, date: string): Promise<Reading | null> {
  const found = await env.deps.repos.daily.find(profileId, date, viewer);
  return found ? env.deps.repos.readings.get(found.readingId, viewer) : null;
}
