import { expect } from "chai";
import type { Express } from "express";
import { MINUTE } from "express-rate-limit";
import request from "supertest";
import { z } from "zod";
import { useTestDatabase } from "../../lib/testing/test-database";
import { responseCacheKey } from "./response-cache-key";
import type { RouteModule } from "./route-kit";
import { ROUTE_MODULES } from "../routes";
import { RELAXED_LIMITS, startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";

const ORIGIN = "http://localhost:5173";
const HISTORY = "/api/oracle/readings?limit=20&offset=0";

/** A cached read only writers may make, for a stored entry whose rule refuses the caller. */
const writersModule: RouteModule = {
  base: "/api/writers",
  tag: "writers",
  register(r) {
    r.route({
      method: "get",
      path: "/note",
      summary: "cached read for oracle:write holders",
      auth: { scopes: ["oracle:write"] },
      response: z.object({ note: z.string() }),
      cache: { ttlSeconds: 60 },
      handler: () => ({ note: "for writers" }),
    });
  },
};

/** Counts the requests Express itself handles, so a test knows which path answered. */
function countExpress(express: Express): { readonly calls: number } {
  // Express's untyped entry point: app(req, res) calls app.handle(req, res, next).
  const app = express as Express & { handle: (...args: unknown[]) => void };
  const seen = { calls: 0 };
  const handle = app.handle.bind(app);
  app.handle = (...args) => {
    seen.calls++;
    handle(...args);
  };
  return seen;
}

/** Counts the calls of one method of an object until restored. */
function countCalls<T extends object, K extends keyof T>(target: T, method: K): { readonly calls: number; restore(): void } {
  const original = target[method] as unknown as (...args: unknown[]) => unknown;
  const seen = { calls: 0, restore: () => void (target[method] = original as T[K]) };
  target[method] = ((...args: unknown[]) => {
    seen.calls++;
    return original.apply(target, args);
  }) as T[K];
  return seen;
}

/** Headers that may differ between two identical requests: the clock, the connection, the limit's remaining count. */
function comparable(res: request.Response): Record<string, unknown> {
  const { date: _date, connection: _c, "keep-alive": _k, ratelimit, ...rest } = res.headers;
  return { ...rest, ratelimit: String(ratelimit).replace(/remaining=\d+/, "remaining=_") };
}

const remaining = (res: request.Response): number => Number(/remaining=(\d+)/.exec(String(res.headers.ratelimit))?.[1]);

for (const redisUrl of [undefined, "memory"] as const) {
  describe(`cached reads ahead of Express (${redisUrl ?? "redis"})`, function () {
    const t = useTestDatabase();
    let api: TestApi;
    let express: { readonly calls: number };
    let alice: SignedInUser;

    before(async () => {
      api = await startTestApi(t.db, { redisUrl, modules: [...ROUTE_MODULES, writersModule], env: { API_CORS_ORIGINS: ORIGIN } });
      express = countExpress(api.api.app);
      alice = await api.signIn("user");
    });
    after(() => api.close());

    const via = (target: "lane" | "express", who: SignedInUser, path = HISTORY, headers: Record<string, string> = {}) =>
      request(target === "lane" ? api.api.handler : api.api.app)
        .get(path)
        .set("Authorization", `Bearer ${who.token}`)
        .set(headers);

    /** The same request through the handler and through Express alone: the answers must match. */
    async function both(who: SignedInUser, path = HISTORY, headers: Record<string, string> = {}) {
      const before = express.calls;
      const lane = await via("lane", who, path, headers);
      const byLane = express.calls === before;
      const plain = await via("express", who, path, headers);
      expect(lane.status).to.equal(plain.status);
      expect(lane.text).to.equal(plain.text);
      expect(comparable(lane)).to.deep.equal(comparable(plain));
      return { lane, plain, byLane };
    }

    it("a hit: the same status, body and headers as Express, without Express", async () => {
      expect((await via("express", alice)).headers["x-cache"]).to.equal("MISS");
      const { lane, byLane } = await both(alice);
      expect(byLane).to.equal(true);
      expect(lane.status).to.equal(200);
      expect(lane.headers["x-cache"]).to.equal("HIT");
      expect(lane.headers["content-type"]).to.equal("application/json; charset=utf-8");
      expect(lane.headers["x-frame-options"]).to.equal("DENY");
      expect(lane.headers["ratelimit-policy"]).to.match(/^\d+;w=60$/);
      expect(lane.body.readings).to.be.an("array");
    });

    it("a HEAD hit: headers only, as Express gives them", async () => {
      await via("express", alice);
      const lane = await request(api.api.handler).head(HISTORY).set("Authorization", `Bearer ${alice.token}`);
      const plain = await request(api.api.app).head(HISTORY).set("Authorization", `Bearer ${alice.token}`);
      expect(lane.status).to.equal(200);
      expect(comparable(lane)).to.deep.equal(comparable(plain));
    });

    it("a query in another order, or escaped, is the same entry", async () => {
      await via("express", alice);
      const { lane, byLane } = await both(alice, "/api/oracle/readings?offset=0&limit=20");
      expect(byLane).to.equal(true);
      expect(lane.headers["x-cache"]).to.equal("HIT");
      expect((await both(alice, "/api/oracle/readings?limit=%32%30&offset=0")).lane.headers["x-cache"]).to.equal("HIT");
    });

    it("revalidation: 304 when If-None-Match names the tag; other forms are answered as Express answers them", async () => {
      const etag = (await via("express", alice)).headers.etag!;
      const named = await both(alice, HISTORY, { "If-None-Match": etag });
      expect(named.byLane).to.equal(true);
      expect(named.lane.status).to.equal(304);
      expect(named.lane.text).to.equal("");
      expect((await both(alice, HISTORY, { "If-None-Match": `"other", W/${etag}` })).lane.status).to.equal(304);
      expect((await both(alice, HISTORY, { "If-None-Match": '"other"' })).lane.status).to.equal(200);
      expect((await both(alice, HISTORY, { "If-None-Match": "*" })).lane.status).to.equal(304);
    });

    it("a CORS request from an allowed origin carries the same CORS headers", async () => {
      await via("express", alice);
      const { lane, byLane } = await both(alice, HISTORY, { Origin: ORIGIN });
      expect(byLane).to.equal(true);
      expect(lane.headers["access-control-allow-origin"]).to.equal(ORIGIN);
      expect(lane.headers["access-control-expose-headers"]).to.include("X-Cache");
      expect(lane.headers.vary).to.include("Origin");
    });

    it("a revoked token is refused (401), never answered from the cache", async () => {
      const carol = await api.signIn("user");
      await via("express", carol);
      expect((await via("lane", carol)).headers["x-cache"]).to.equal("HIT");
      expect((await request(api.api.app).post("/api/auth/logout").set("Authorization", `Bearer ${carol.token}`)).status).to.equal(204);
      const { lane } = await both(carol);
      expect(lane.status).to.equal(401);
      expect(lane.headers["x-cache"]).to.equal(undefined);
      expect(lane.body.error.message).to.match(/revoked/);
    });

    it("scopes: another scope set never gets the entry; an entry the route's rule refuses goes to Express", async () => {
      const dave = await api.signIn("user");
      await via("express", dave);
      expect((await via("lane", dave)).headers["x-cache"]).to.equal("HIT");
      // Demoted to read-only: new scopes, so not the entry kept under the old ones.
      await api.deps.repos.users.update(dave.user.id, { role: "readonly" });
      const demoted = await via("lane", dave);
      expect(demoted.status).to.equal(200);
      expect(demoted.headers["x-cache"]).to.equal("MISS");

      // An entry at a read-only caller's key for a route that needs oracle:write: Express's 403 stands.
      const reader = await api.signIn("readonly");
      // Used once, so its token is one the lane takes.
      expect((await via("express", reader, "/api/auth/me")).status).to.equal(200);
      const readerScopes = new Set(["oracle:read"] as const);
      await api.deps.cacheLayer.cache.set(
        reader.user.id,
        responseCacheKey("/api/writers/note", readerScopes),
        { status: 200, contentType: "application/json", body: '{"note":"for writers"}', etag: '"w"', route: "/api/writers/note" },
        60,
      );
      const refused = await both(reader, "/api/writers/note");
      expect(refused.lane.status).to.equal(403);
      expect(refused.byLane).to.equal(false);
    });

    it("a request the lane leaves to Express has its token checked once, not again by Express", async () => {
      const lookups = countCalls(api.deps.cacheLayer.revocations, "isRevoked");
      try {
        const miss = await via("lane", alice, "/api/oracle/readings?limit=3");
        expect(miss.headers["x-cache"]).to.equal("MISS");
        expect(lookups.calls).to.equal(1);
      } finally {
        lookups.restore();
      }
    });

    it("a read the lane leaves to Express is looked up in the cache once, not again by its route", async () => {
      const lookups = countCalls(api.deps.cacheLayer.cache, "get");
      try {
        const miss = await via("lane", alice, "/api/oracle/readings?limit=4");
        expect(miss.headers["x-cache"]).to.equal("MISS");
        expect(lookups.calls).to.equal(1);
        const hit = await via("lane", alice, "/api/oracle/readings?limit=4");
        expect(hit.headers["x-cache"]).to.equal("HIT");
        expect(lookups.calls).to.equal(2);
      } finally {
        lookups.restore();
      }
    });

    it("counts in the same metrics as Express, under the route pattern", async () => {
      await via("express", alice);
      const count = async () => {
        const text = await api.deps.registry.metrics();
        const line = (re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
        return {
          requests: line(/nps_api_http_requests_total\{method="GET",route="\/api\/oracle\/readings",status="200"\} (\d+)/),
          hits: line(/nps_api_cache_lookups_total\{result="hit"\} (\d+)/),
        };
      };
      const before = await count();
      await via("lane", alice);
      expect(await count()).to.deep.equal({ requests: before.requests + 1, hits: before.hits + 1 });
    });
  });
}

describe("cached reads ahead of Express: the general limit", function () {
  const t = useTestDatabase();
  let api: TestApi;
  const LIMIT = 5;

  before(async () => {
    api = await startTestApi(t.db, { limits: { ...RELAXED_LIMITS, general: { limit: LIMIT, windowMs: MINUTE } } });
  });
  after(() => api.close());

  const get = (target: "lane" | "express", who: SignedInUser) =>
    request(target === "lane" ? api.api.handler : api.api.app)
      .get(HISTORY)
      .set("Authorization", `Bearer ${who.token}`);

  it("counts each request once and answers the 429 Express gives once over the limit", async () => {
    const [erin, frank] = [await api.signIn("user"), await api.signIn("user")];
    const seen: number[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const res = await get(i === 0 ? "express" : "lane", erin);
      seen.push(remaining(res));
      statuses.push(res.status);
      expect(res.headers["x-cache"]).to.equal(i === 0 ? "MISS" : "HIT");
    }
    expect(statuses).to.deep.equal([200, 200, 200, 200, 200]);
    expect(seen).to.deep.equal([4, 3, 2, 1, 0]);
    for (let i = 0; i < LIMIT; i++) await get("express", frank);

    const lane = await get("lane", erin);
    const plain = await get("express", frank);
    expect(lane.status).to.equal(429);
    expect(lane.text).to.equal(plain.text);
    const steady = (res: request.Response) => {
      const { "retry-after": retry, ratelimit, ...rest } = comparable(res);
      return { ...rest, retry: Number(retry) > 0, ratelimit: String(ratelimit).replace(/reset=\d+/, "reset=_") };
    };
    expect(steady(lane)).to.deep.equal(steady(plain));
    // One count per request, the refused one included (the lane's count is the one Express applied).
    const counted = await api.deps.cacheLayer.redis!.client.get(`${api.keyPrefix}rl:general:user:${erin.user.id}`);
    expect(Number(counted)).to.equal(LIMIT + 1);
  });
});
