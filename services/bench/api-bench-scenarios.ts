/**
 * What `nps bench api` measures, each beside the bare node:http hello-world of the same run.
 * A scenario whose route the API does not serve yet is reported as skipped, so adding the route
 * (and, if its shape differs, adjusting `route`, `body` or `setup` here) is all it takes.
 */

/** The profile the benchmarks read: every optional field given. */
export const BENCH_PROFILE = {
  name: "Bench Profile",
  birth_date: "1990-06-15",
  mother_name: "Bench Mother",
  gender: "female",
  heart_rate_bpm: 68,
  timezone_offset_minutes: 60,
  latitude: 51.5,
  longitude: -0.12,
} as const;

/** Readings the bench account owns before the history page is measured. */
export const HISTORY_SEED_READINGS = 60;

export interface ScenarioContext {
  readonly apiUrl: string;
  readonly token: string;
}

export interface ApiScenario {
  readonly name: "health" | "persisted_time_reading" | "history_page" | "chart" | "chart_compatibility";
  readonly description: string;
  /** "METHOD /openapi/path" that must be served for the scenario to run. */
  readonly route: string;
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly authenticated: boolean;
  /** Prepares what the requests need (a profile, say) and returns the request body, if any. */
  readonly setup?: (ctx: ScenarioContext) => Promise<unknown>;
  /** Goals: req/s at least this share of bare node:http; p99 below this many milliseconds (either may be absent, not both). */
  readonly goal: { readonly ratio: number; readonly p99Ms?: number } | { readonly ratio?: undefined; readonly p99Ms: number };
}

async function call(ctx: ScenarioContext, method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${ctx.apiUrl}${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${ctx.token}` },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

export const SCENARIOS: readonly ApiScenario[] = [
  {
    name: "health",
    description: "GET /api/health",
    route: "GET /api/health",
    method: "GET",
    path: "/api/health",
    authenticated: false,
    goal: { ratio: 0.5 },
  },
  {
    name: "persisted_time_reading",
    description: "POST /api/oracle/readings (time reading of a profile, stored), signed in",
    route: "POST /api/oracle/readings",
    method: "POST",
    path: "/api/oracle/readings",
    authenticated: true,
    setup: async (ctx) => {
      const profile = await call(ctx, "POST", "/api/oracle/profiles", BENCH_PROFILE);
      // No AI: the benchmark measures the API and the engine, not a remote model.
      return { reading_type: "time", profile_id: profile.id, date: "2026-03-14", time: "14:30:00", include_ai: false };
    },
    goal: { ratio: 0.1, p99Ms: 50 },
  },
  {
    name: "history_page",
    description: "GET /api/oracle/readings?limit=20 (a page of the account's history), signed in",
    route: "GET /api/oracle/readings",
    method: "GET",
    path: "/api/oracle/readings?limit=20&offset=0",
    authenticated: true,
    goal: { ratio: 0.25, p99Ms: 20 },
  },
  {
    name: "chart",
    description: "POST /api/oracle/chart (the complete chart of a name and birth date, stored), signed in",
    route: "POST /api/oracle/chart",
    method: "POST",
    path: "/api/oracle/chart",
    authenticated: true,
    setup: async () => ({ name: "Иван Петров", birth_date: "1988-03-02", date: "2026-03-14" }),
    // The chart's promise is the latency hosted numerology APIs advertise; its ratio is reported, not a goal.
    goal: { p99Ms: 50 },
  },
  {
    name: "chart_compatibility",
    description: "POST /api/oracle/chart/compatibility (two people, computed, not stored), signed in",
    route: "POST /api/oracle/chart/compatibility",
    method: "POST",
    path: "/api/oracle/chart/compatibility",
    authenticated: true,
    setup: async () => ({ a: { name: "Alice Johnson", birth_date: "1990-07-15" }, b: { name: "张伟", birth_date: "1988-03-02" }, date: "2026-03-14" }),
    goal: { p99Ms: 50 },
  },
];
