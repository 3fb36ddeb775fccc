import { once } from "node:events";
import { expect } from "chai";
import jwt from "jsonwebtoken";
import request from "supertest";
import { TestRedisServer } from "../lib/cache/test-redis-server";
import { useTestDatabase } from "../lib/testing/test-database";
import { startTestApi, type TestApi } from "./testing/api-harness";

describe("API with Redis stopped mid-run", function () {
  const t = useTestDatabase();
  let redis: TestRedisServer;
  let api: TestApi;

  before(async () => {
    redis = await TestRedisServer.start();
    api = await startTestApi(t.db, {
      redisUrl: redis.url,
      limits: { general: { limit: 40, windowMs: 60_000 }, ai: { limit: 10, windowMs: 60_000 }, login: { limit: 50, windowMs: 60_000 } },
    });
  });
  after(async () => {
    await api.close();
    await redis.stop();
  });

  it("keeps serving in memory, says so in readiness, and returns to Redis when it is back", async () => {
    const a = await api.signIn("user");
    const b = await api.signIn("user");
    const ready1 = await request(api.api.app).get("/api/health/ready");
    expect(ready1.body.checks.redis).to.equal("healthy");

    const connection = api.deps.cacheLayer.redis!;
    const down = once(connection, "down");
    await redis.stop();
    await down;

    // Still serving: reads, logins, writes.
    expect((await request(api.api.app).get("/api/auth/me").set("Authorization", `Bearer ${a.token}`)).status).to.equal(200);
    const login = await request(api.api.app).post("/api/auth/login").send({ username: b.user.username, password: b.password });
    expect(login.status).to.equal(200);

    const ready2 = await request(api.api.app).get("/api/health/ready");
    expect(ready2.status).to.equal(200);
    expect(ready2.body.status).to.equal("healthy");
    expect(ready2.body.checks.redis).to.equal("unhealthy");
    expect(ready2.body.details.redis).to.include("in memory");
    const metrics = await request(api.api.app).get("/metrics");
    expect(metrics.text).to.match(/^nps_api_redis_up(\{[^}]*\})? 0$/m);

    // Logout still revokes while Redis is away.
    expect((await request(api.api.app).post("/api/auth/logout").set("Authorization", `Bearer ${a.token}`)).status).to.equal(204);
    expect((await request(api.api.app).get("/api/auth/me").set("Authorization", `Bearer ${a.token}`)).status).to.equal(401);

    // Rate limits still hold, counted in memory.
    let limited = false;
    for (let i = 0; i < 45 && !limited; i++) {
      limited = (await request(api.api.app).get("/api/auth/me").set("Authorization", `Bearer ${login.body.access_token}`)).status === 429;
    }
    expect(limited, "429 from the in-memory limiter").to.equal(true);

    const up = once(connection, "up");
    await redis.restart();
    await up;
    const ready3 = await request(api.api.app).get("/api/health/ready");
    expect(ready3.body.checks.redis).to.equal("healthy");
    // The revocation made during the outage reached Redis, so other replicas refuse the token too.
    const jti = (jwt.decode(a.token) as { jti: string }).jti;
    for (let i = 0; i < 40 && (await connection.client.exists(`${api.keyPrefix}revoked:${jti}`)) === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await connection.client.exists(`${api.keyPrefix}revoked:${jti}`)).to.equal(1);
    expect((await request(api.api.app).get("/api/auth/me").set("Authorization", `Bearer ${a.token}`)).status).to.equal(401);
  });
});
