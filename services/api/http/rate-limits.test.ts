import { expect } from "chai";
import request from "supertest";
import { z } from "zod";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type TestApi } from "../testing/api-harness";
import type { RouteModule } from "./route-kit";
import { ROUTE_MODULES } from "../routes";

/** A route declared the way an AI-backed reading is, to check the toolkit applies the hourly AI limit. */
const aiProbe: RouteModule = {
  base: "/api/test-ai",
  tag: "test",
  register(r) {
    r.route({
      method: "post",
      path: "/",
      summary: "AI-limited probe",
      auth: { scopes: ["oracle:write"] },
      rateLimit: "ai",
      body: z.object({ n: z.number() }),
      response: z.object({ n: z.number() }),
      handler: ({ body }) => ({ n: body.n }),
    });
  },
};

describe("rate limits", function () {
  const t = useTestDatabase();
  let api: TestApi;

  before(async () => {
    api = await startTestApi(t.db, {
      limits: { general: { limit: 1000, windowMs: 60_000 }, ai: { limit: 2, windowMs: 3_600_000 }, login: { limit: 5, windowMs: 60_000 } },
      modules: [...ROUTE_MODULES, aiProbe],
    });
  });
  after(() => api.close());

  const login = (username: string, ip: string, password = "wrong-password") =>
    request(api.api.app).post("/api/auth/login").set("X-Forwarded-For", ip).send({ username, password });

  it("limits failed logins per address, whatever the usernames", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(`ghost_${i}`, "203.0.113.7")).status);
    expect(statuses).to.deep.equal([401, 401, 401, 401, 401, 429]);
    const res = await login("ghost_x", "203.0.113.7");
    expect(res.headers["retry-after"]).to.match(/^\d+$/);
    expect((await login("ghost_y", "203.0.113.8")).status).to.equal(401);
  });

  it("limits failed logins per username, whatever the addresses", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login("target_name", `198.51.100.${i + 1}`)).status);
    expect(statuses).to.deep.equal([401, 401, 401, 401, 401, 429]);
  });

  it("does not count successful logins", async () => {
    const { user, password } = await api.createUser("user");
    for (let i = 0; i < 7; i++) expect((await login(user.username, "192.0.2.50", password)).status).to.equal(200);
  });

  it("applies the AI limit to routes that declare it, per principal", async () => {
    const a = await api.signIn("user");
    const b = await api.signIn("user");
    const call = (token: string) => request(api.api.app).post("/api/test-ai").set("Authorization", `Bearer ${token}`).send({ n: 1 });
    expect([(await call(a.token)).status, (await call(a.token)).status, (await call(a.token)).status]).to.deep.equal([200, 200, 429]);
    expect((await call(b.token)).status).to.equal(200);
    const doc = await request(api.api.app).get("/openapi.json");
    expect(doc.body.paths["/api/test-ai"].post.responses).to.have.property("429");
  });

  it("keeps its counters in Redis, under the app's prefix", async () => {
    const keys = await api.deps.cacheLayer.redis!.client.keys(`${api.keyPrefix}rl:*`);
    expect(keys.some((k) => k.startsWith(`${api.keyPrefix}rl:login-ip:`))).to.equal(true);
    expect(keys.some((k) => k.startsWith(`${api.keyPrefix}rl:ai:`))).to.equal(true);
  });
});
