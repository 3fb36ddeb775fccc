import { expect } from "chai";
import fc from "fast-check";
import request from "supertest";
import { useTestDatabase } from "../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "./testing/api-harness";

/**
 * Property: whatever body, query or path a caller sends to a route this module owns, the answer
 * is never a 5xx. Bodies are arbitrary JSON, near-miss objects with the route's own field names,
 * or raw text sent as JSON; queries mix the route's parameters with junk.
 */

interface FuzzRoute {
  readonly method: "get" | "post" | "put" | "patch" | "delete";
  /** ":id" is replaced by a fuzzed path segment. */
  readonly path: string;
  readonly fields?: readonly string[];
  readonly query?: readonly string[];
  /** Who calls: an administrator by default. */
  readonly as?: "admin" | "none" | "fresh";
}

const ROUTES: readonly FuzzRoute[] = [
  { method: "get", path: "/api/health" },
  { method: "get", path: "/api/health/ready" },
  { method: "get", path: "/api/health/performance" },
  { method: "get", path: "/api/health/detailed" },
  { method: "get", path: "/api/health/analytics", query: ["days"] },
  { method: "get", path: "/api/health/logs", query: ["limit", "offset", "severity", "action", "resource_type", "success", "hours"] },
  { method: "post", path: "/api/auth/login", fields: ["username", "password"], as: "none" },
  { method: "post", path: "/api/auth/refresh", fields: ["refresh_token"], as: "none" },
  { method: "post", path: "/api/auth/logout", fields: ["refresh_token"], as: "fresh" },
  { method: "get", path: "/api/auth/me" },
  { method: "post", path: "/api/auth/change-password", fields: ["current_password", "new_password"], as: "fresh" },
  { method: "post", path: "/api/auth/register", fields: ["username", "password", "role"] },
  { method: "post", path: "/api/auth/api-keys", fields: ["name", "scopes", "expires_in_days"] },
  { method: "get", path: "/api/auth/api-keys" },
  { method: "delete", path: "/api/auth/api-keys/:id" },
  { method: "get", path: "/api/users", query: ["role", "is_active", "search", "sort_by", "sort_order", "limit", "offset"] },
  { method: "get", path: "/api/users/:id" },
  { method: "patch", path: "/api/users/:id", fields: ["username", "is_active"] },
  { method: "delete", path: "/api/users/:id" },
  { method: "post", path: "/api/users/:id/reset-password", fields: ["new_password"] },
  { method: "post", path: "/api/users/:id/unlock" },
  { method: "put", path: "/api/users/:id/role", fields: ["role"] },
];

const RUNS = Number(process.env.NPS_FUZZ_RUNS ?? 40);

/** JSON values, biased toward the awkward: huge numbers, long and odd strings, nesting, nulls. */
const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, -1, 0, 1e308, -0, "", " ", "\u0000", "'; DROP TABLE users; --", "a".repeat(5000), "admin", "oracle:admin", "00000000-0000-0000-0000-000000000000"),
  fc.string({ unit: "binary", maxLength: 300 }),
);

function bodyFor(fields: readonly string[]): fc.Arbitrary<{ raw?: string; json?: unknown }> {
  return fc.oneof(
    jsonish.map((json) => ({ json })),
    fc.record(Object.fromEntries(fields.map((f) => [f, jsonish])), { requiredKeys: [] }).map((json) => ({ json })),
    fc.string({ maxLength: 200 }).map((raw) => ({ raw })),
  );
}

function queryFor(names: readonly string[]): fc.Arbitrary<string> {
  const key = names.length ? fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 10 })) : fc.string({ maxLength: 10 });
  return fc.array(fc.tuple(key, fc.oneof(fc.string({ maxLength: 40 }), fc.integer().map(String), fc.constantFrom("true", "NaN", "-1", "1e999"))), { maxLength: 6 })
    .map((pairs) => new URLSearchParams(pairs).toString());
}

describe("fuzz: no input makes any route answer 5xx", function () {
  this.timeout(300_000);
  const t = useTestDatabase();
  let api: TestApi;
  let admin: SignedInUser;
  let knownIds: string[];

  before(async () => {
    api = await startTestApi(t.db);
    admin = await api.signIn("admin");
    const victims = await Promise.all([api.createUser("user"), api.createUser("readonly"), api.createUser("moderator")]);
    knownIds = [...victims.map((v) => v.user.id), admin.user.id];
  });
  after(() => api.close());

  for (const route of ROUTES) {
    it(`${route.method.toUpperCase()} ${route.path}`, async () => {
      const segment = fc.oneof(fc.constantFrom(...knownIds), fc.uuid(), fc.string({ maxLength: 40 }).filter((s) => s.length > 0));
      await fc.assert(
        fc.asyncProperty(bodyFor(route.fields ?? ["x"]), queryFor(route.query ?? []), segment, async (body, query, id) => {
          const path = route.path.replace(":id", encodeURIComponent(id));
          let req = request(api.api.app)[route.method](`${path}${query ? `?${query}` : ""}`);
          if (route.as === "fresh") req = req.set("Authorization", `Bearer ${(await api.signIn("user")).token}`);
          else if (route.as !== "none") req = req.set("Authorization", `Bearer ${admin.token}`);
          if (route.method !== "get") {
            req = req.set("Content-Type", "application/json").send(body.raw !== undefined ? body.raw : JSON.stringify(body.json));
          }
          const res = await req;
          expect(res.status, `${route.method} ${path}?${query} ${JSON.stringify(body).slice(0, 300)} -> ${JSON.stringify(res.body).slice(0, 300)}`).to.be.below(500);
          if (res.status >= 400) expect(res.body.error, "error shape").to.have.keys(res.body.error?.fields ? ["code", "message", "fields"] : ["code", "message"]);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
