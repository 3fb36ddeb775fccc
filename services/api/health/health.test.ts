import http from "node:http";
import { expect } from "chai";
import request from "supertest";
import { freePort } from "../../lib/cache/test-redis-server";
import { postgresDatabase } from "../../lib/db/database";
import { closeServer, listen } from "../../lib/side-http";
import { useTestDatabase } from "../../lib/testing/test-database";
import { OracleServer } from "../../oracle/grpc/server";
import { ReadingService } from "../../oracle/readings/reading-service";
import { CliError } from "../../cli-error";
import { checkHealth, checkReadiness } from "../health-check";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";

describe("health routes", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let admin: SignedInUser;
  let user: SignedInUser;
  let oracle: OracleServer;

  before(async () => {
    oracle = new OracleServer({ readings: new ReadingService() });
    const port = await oracle.listen("127.0.0.1", 0);
    api = await startTestApi(t.db, { oracleTarget: `127.0.0.1:${port}` });
    admin = await api.signIn("admin");
    user = await api.signIn("user");
  });
  after(async () => {
    await api.close();
    oracle.forceStop();
  });

  it("GET /api/health: liveness in the seed guide's shape", async () => {
    const res = await request(api.api.app).get("/api/health");
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ status: "healthy", version: "4.0.0" });
  });

  it("GET /api/health/ready: database, redis and the Oracle over gRPC", async () => {
    const res = await request(api.api.app).get("/api/health/ready");
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ status: "healthy", checks: { database: "healthy", redis: "healthy", oracle_service: "grpc" } });
  });

  it("GET /api/health/performance: real figures from the metrics", async () => {
    for (let i = 0; i < 5; i++) await request(api.api.app).get("/api/health");
    const res = await request(api.api.app).get("/api/health/performance");
    expect(res.status).to.equal(200);
    expect(res.body.requests_total).to.be.at.least(5);
    expect(res.body.requests_per_minute).to.be.at.least(5);
    expect(res.body.p95_response_ms).to.be.above(0);
    expect(res.body.uptime_seconds).to.be.a("number");
  });

  it("the administrator views are refused to anonymous callers (401) and non-admins (403)", async () => {
    for (const path of ["/api/health/detailed", "/api/health/analytics", "/api/health/logs"]) {
      expect((await request(api.api.app).get(path)).status, path).to.equal(401);
      expect((await request(api.api.app).get(path).set("Authorization", `Bearer ${user.token}`)).status, path).to.equal(403);
    }
  });

  it("GET /api/health/detailed: every part", async () => {
    const res = await request(api.api.app).get("/api/health/detailed").set("Authorization", `Bearer ${admin.token}`);
    expect(res.status).to.equal(200);
    expect(res.body.status).to.equal("healthy");
    expect(res.body.system.cpu_count).to.be.above(0);
    expect(res.body.services.database).to.include({ status: "healthy", type: "postgresql" });
    expect(res.body.services.database.size_bytes).to.be.above(0);
    expect(res.body.services.redis.status).to.equal("healthy");
    expect(res.body.services.redis.used_memory_bytes).to.be.above(0);
    expect(res.body.services.oracle_service).to.deep.equal({ status: "healthy", mode: "grpc" });
    expect(res.body.services.api.version).to.equal("4.0.0");
  });

  it("GET /api/health/analytics: readings per day, type and hour", async () => {
    const repos = api.deps.repos;
    for (const [type, score] of [["time", 60], ["time", 80], ["name", 40]] as const) {
      await repos.readings.create({ ownerId: user.user.id, readingType: type, result: { ok: true }, confidenceScore: score });
    }
    const res = await request(api.api.app).get("/api/health/analytics?days=7").set("Authorization", `Bearer ${admin.token}`);
    expect(res.status).to.equal(200);
    expect(res.body.period_days).to.equal(7);
    expect(res.body.totals).to.include({ total_readings: 3, most_popular_type: "time", avg_confidence: 60 });
    expect(res.body.readings_by_type).to.deep.equal([{ type: "time", count: 2 }, { type: "name", count: 1 }]);
    expect(res.body.readings_per_day).to.have.length(1);
    expect(res.body.popular_hours[0].count).to.equal(3);
    const bad = await request(api.api.app).get("/api/health/analytics?days=0").set("Authorization", `Bearer ${admin.token}`);
    expect(bad.status).to.equal(400);
    expect(bad.body.error.fields).to.have.key("days");
  });

  it("GET /api/health/logs: filtered audit rows, totals counted with the filters", async () => {
    await request(api.api.app).post("/api/auth/login").send({ username: user.user.username, password: "wrong-password" });
    const res = await request(api.api.app).get("/api/health/logs?action=auth.failed&success=false&hours=1&limit=5").set("Authorization", `Bearer ${admin.token}`);
    expect(res.status).to.equal(200);
    expect(res.body.time_window_hours).to.equal(1);
    expect(res.body.total).to.equal(res.body.logs.length);
    expect(res.body.logs[0]).to.include({ action: "auth.failed", success: false, severity: "warning", actor_username: user.user.username });
    const severe = await request(api.api.app).get("/api/health/logs?severity=critical").set("Authorization", `Bearer ${admin.token}`);
    expect(severe.body.logs.every((l: { severity: string }) => l.severity === "critical")).to.equal(true);
    const bad = await request(api.api.app).get("/api/health/logs?severity=loud&hours=9999").set("Authorization", `Bearer ${admin.token}`);
    expect(bad.status).to.equal(400);
    expect(bad.body.error.fields).to.have.keys(["severity", "hours"]);
  });

  it("ready says direct_mode once the Oracle server is down, and readings still compute", async () => {
    oracle.forceStop();
    const res = await request(api.api.app).get("/api/health/ready");
    expect(res.status).to.equal(200);
    expect(res.body.checks.oracle_service).to.equal("direct_mode");
    expect(res.body.details.oracle_service).to.include("in this process");
    const req = {
      profile: { name: "Ada Lovelace", birth_date: { year: 1815, month: 12, day: 10 }, mother_name: "Anne" },
      at: { year: 2026, month: 3, day: 14, hour: 9, minute: 26, second: 53 },
    };
    const served = await api.deps.oracle.time(req);
    expect(served.mode).to.equal("direct_mode");
    expect(served.result).to.deep.equal(await new ReadingService().time(req));
  });

  it("nps health and nps readiness read a running API", async () => {
    const server = http.createServer(api.api.app);
    const port = await listen(server, 0, "127.0.0.1");
    try {
      expect(await checkHealth(`http://127.0.0.1:${port}`)).to.equal("healthy (version 4.0.0)");
      expect(await checkReadiness(`http://127.0.0.1:${port}`)).to.match(/^ready: database healthy, redis healthy, oracle direct_mode/);
      const closed = await freePort();
      const err = await checkHealth(`http://127.0.0.1:${closed}`, 2).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(CliError);
      expect((err as CliError).exitCode).to.equal(1);
      expect((err as CliError).message).to.include("does not answer");
    } finally {
      await closeServer(server);
    }
  });

  describe("with the database down", () => {
    let down: TestApi;
    before(async () => {
      const dead = postgresDatabase(`postgres://postgres@127.0.0.1:${await freePort()}/none`, { connectionTimeoutMs: 500 });
      down = await startTestApi(dead);
    });
    after(async () => {
      await down.close();
      await down.deps.db.close();
    });

    it("ready answers 503 degraded naming the database; liveness stays 200; nps readiness exits 1", async () => {
      const ready = await request(down.api.app).get("/api/health/ready");
      expect(ready.status).to.equal(503);
      expect(ready.body.status).to.equal("degraded");
      expect(ready.body.checks.database).to.equal("unhealthy");
      expect((await request(down.api.app).get("/api/health")).status).to.equal(200);

      const server = http.createServer(down.api.app);
      const port = await listen(server, 0, "127.0.0.1");
      try {
        const err = await checkReadiness(`http://127.0.0.1:${port}`).catch((e: unknown) => e);
        expect(err).to.be.instanceOf(CliError);
        expect((err as CliError).exitCode).to.equal(1);
        expect((err as CliError).message).to.include("database down");
      } finally {
        await closeServer(server);
      }
    });

    it("routes that need the database answer 503, not 500", async () => {
      const res = await request(down.api.app).post("/api/auth/login").send({ username: "someone", password: "whatever1" });
      expect(res.status).to.equal(503);
      expect(res.body.error.code).to.equal("unavailable");
    });
  });
});
