import { expect } from "chai";
import request from "supertest";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";

const ORIGIN = "http://localhost:5173";

/** The headers every response must carry, whatever its status. */
function expectSecurityHeaders(res: request.Response, cors = true): void {
  expect(res.headers["x-content-type-options"], "nosniff").to.equal("nosniff");
  expect(res.headers["x-frame-options"], "frame options").to.equal("DENY");
  expect(res.headers["content-security-policy"], "CSP").to.include("default-src 'self'");
  expect(res.headers["strict-transport-security"], "HSTS").to.include("max-age=31536000");
  expect(res.headers["referrer-policy"]).to.equal("strict-origin-when-cross-origin");
  if (cors) expect(res.headers["access-control-allow-origin"], "CORS").to.equal(ORIGIN);
}

describe("API edge: one error shape, security and CORS headers on every response", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let user: SignedInUser;

  before(async () => {
    api = await startTestApi(t.db, { env: { API_CORS_ORIGINS: `${ORIGIN},http://localhost:3000` } });
    user = await api.signIn("user");
  });
  after(() => api.close());

  it("answers an unknown route with 404 in the error shape", async () => {
    const res = await request(api.api.app).get("/api/nowhere").set("Origin", ORIGIN);
    expect(res.status).to.equal(404);
    expect(res.body).to.deep.equal({ error: { code: "not_found", message: "no route GET /api/nowhere" } });
    expectSecurityHeaders(res);
  });

  it("answers a known path asked with the wrong method with 405 and Allow, not 404", async () => {
    const login = await request(api.api.app).get("/api/auth/login").set("Origin", ORIGIN);
    expect(login.status).to.equal(405);
    expect(login.headers.allow).to.equal("POST");
    expect(login.body.error.code).to.equal("method_not_allowed");
    expectSecurityHeaders(login);
    const health = await request(api.api.app).delete("/api/health");
    expect([health.status, health.headers.allow]).to.deep.equal([405, "GET, HEAD"]);
    // Two patterns match /api/share/links: the methods of both are allowed.
    const links = await request(api.api.app).post("/api/share/links");
    expect([links.status, links.headers.allow]).to.deep.equal([405, "GET, HEAD, DELETE"]);
    for (const path of ["/metrics", "/openapi.json", `/share/${"A".repeat(43)}`]) {
      const res = await request(api.api.app).post(path);
      expect([res.status, res.headers.allow], path).to.deep.equal([405, "GET, HEAD"]);
    }
    const options = await request(api.api.app).options("/api/auth/login");
    expect([options.status, options.headers.allow]).to.deep.equal([200, "POST"]);
    expect((await request(api.api.app).get("/api/nowhere")).status).to.equal(404);
  });

  it("names the allowed range of a number out of bounds (limit=1000), and says 'a number' only for text", async () => {
    const auth = { Authorization: `Bearer ${user.token}` };
    const big = await request(api.api.app).get("/api/oracle/readings?limit=1000").set(auth);
    expect(big.status).to.equal(400);
    expect(big.body.error.fields).to.deep.equal({ limit: "must be from 1 to 100" });
    expect((await request(api.api.app).get("/api/oracle/readings?limit=ten").set(auth)).body.error.fields).to.deep.equal({ limit: "expected a number" });
    expect((await request(api.api.app).get("/api/oracle/timing?best_hours=99").set(auth)).body.error.fields).to.deep.equal({ best_hours: "must be from 1 to 24" });
  });

  it("every request example in the OpenAPI document is accepted as it stands (the stamp check's stamp is valid)", async () => {
    const doc = (await request(api.api.app).get("/openapi.json")).body;
    const resolve = (schema: { $ref?: string }) => (schema.$ref ? doc.components.schemas[schema.$ref.split("/").pop()!] : schema);
    const tried: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const schema = op.requestBody && resolve(op.requestBody.content["application/json"]!.schema);
        const props = (schema?.properties ?? {}) as Record<string, { example?: unknown }>;
        const required = (schema?.required ?? []) as string[];
        if (!schema || path.includes("{") || required.length === 0 || !required.every((k) => props[k]?.example !== undefined)) continue;
        const body = Object.fromEntries(required.map((k) => [k, props[k]!.example]));
        const res = await request(api.api.app)[method as "post"](path).set("Authorization", `Bearer ${user.token}`).send(body);
        expect(res.status, `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`).to.be.below(400);
        tried.push(path);
        if (path === "/api/oracle/validate-stamp") expect(res.body.valid, JSON.stringify(res.body)).to.equal(true);
      }
    }
    expect(tried).to.include("/api/oracle/validate-stamp");
  });

  it("answers the liveness probe ahead of Express exactly as Express does", async () => {
    const fast = await request(api.api.handler).get("/api/health").set("Origin", ORIGIN);
    const slow = await request(api.api.app).get("/api/health").set("Origin", ORIGIN);
    expectSecurityHeaders(fast);
    const comparable = (r: request.Response) => {
      const { date: _date, connection: _c, "keep-alive": _k, ...rest } = r.headers;
      return rest;
    };
    expect(fast.status).to.equal(200);
    expect(fast.text).to.equal(slow.text);
    expect(comparable(fast)).to.deep.equal(comparable(slow));
    const other = await request(api.api.handler).get("/api/health").set("Origin", "https://evil.example");
    expect(other.headers["access-control-allow-origin"]).to.equal(undefined);
    // Everything else still reaches Express through the same handler.
    expect((await request(api.api.handler).get("/api/health/ready")).status).to.equal(200);
    expect((await request(api.api.handler).get("/api/health?probe=1")).body).to.deep.equal(fast.body);
    const metrics = await request(api.api.handler).get("/metrics");
    expect(metrics.text).to.match(/nps_api_http_requests_total\{method="GET",route="\/api\/health",status="200"\} [1-9]/);
  });

  it("answers malformed JSON with 400 malformed_json, not 500", async () => {
    const res = await request(api.api.app).post("/api/auth/login").set("Origin", ORIGIN).set("Content-Type", "application/json").send('{"username": "a",');
    expect(res.status).to.equal(400);
    expect(res.body.error.code).to.equal("malformed_json");
    expectSecurityHeaders(res);
  });

  it("answers an oversize body with 413", async () => {
    const big = JSON.stringify({ username: "x", password: "y".repeat(200 * 1024) });
    const res = await request(api.api.app).post("/api/auth/login").set("Origin", ORIGIN).set("Content-Type", "application/json").send(big);
    expect(res.status).to.equal(413);
    expect(res.body.error.code).to.equal("payload_too_large");
    expectSecurityHeaders(res);
  });

  it("names the offending field of a bad body", async () => {
    const res = await request(api.api.app).post("/api/auth/login").set("Origin", ORIGIN).send({ username: "", password: 5 });
    expect(res.status).to.equal(400);
    expect(res.body.error.code).to.equal("invalid_input");
    expect(res.body.error.fields).to.have.keys(["username", "password"]);
    expectSecurityHeaders(res);
  });

  it("answers a malformed URL escape with 400, not 500", async () => {
    const res = await request(api.api.app).get("/api/users/%E0%A4%A").set("Authorization", `Bearer ${user.token}`);
    expect(res.status).to.equal(400);
    expect(res.body.error.code).to.equal("invalid_input");
  });

  it("says a JSON body is required when none came", async () => {
    const res = await request(api.api.app).post("/api/auth/refresh").set("Content-Type", "text/plain").send("refresh");
    expect(res.status).to.equal(400);
    expect(res.body.error.fields).to.deep.equal({ body: "a JSON body is required" });
  });

  it("allows cross-origin PATCH in preflight, from listed origins only", async () => {
    const ok = await request(api.api.app)
      .options("/api/users/00000000-0000-0000-0000-000000000000")
      .set("Origin", ORIGIN)
      .set("Access-Control-Request-Method", "PATCH")
      .set("Access-Control-Request-Headers", "authorization,content-type");
    expect(ok.status).to.equal(204);
    expect(ok.headers["access-control-allow-methods"]).to.include("PATCH");
    expect(ok.headers["access-control-allow-origin"]).to.equal(ORIGIN);
    const other = await request(api.api.app).options("/api/users").set("Origin", "https://evil.example").set("Access-Control-Request-Method", "PATCH");
    expect(other.headers["access-control-allow-origin"]).to.equal(undefined);
  });

  it("refuses the NUL character in any field with 400 naming it, before the database sees it", async () => {
    const admin = await api.signIn("admin");
    const query = await request(api.api.app).get("/api/users?search=a%00b").set("Authorization", `Bearer ${admin.token}`).set("Origin", ORIGIN);
    expect(query.status).to.equal(400);
    expect(query.body.error.fields).to.deep.equal({ search: "must not contain the NUL character" });
    expectSecurityHeaders(query);
    const login = await request(api.api.app).post("/api/auth/login").set("Origin", ORIGIN).send({ username: "ad\u0000min", password: "whatever-password" });
    expect(login.status).to.equal(400);
    expect(login.body.error.fields).to.have.property("username");
    const profile = await request(api.api.app)
      .post("/api/oracle/profiles")
      .set("Authorization", `Bearer ${user.token}`)
      .send({ name: "Ada\u0000Lovelace", birth_date: "1990-01-01", mother_name: "Anne" });
    expect(profile.status).to.equal(400);
    expect(profile.body.error.fields).to.deep.equal({ name: "must not contain the NUL character" });
  });

  it("serves the OpenAPI document generated from the route schemas, and Swagger UI", async () => {
    const res = await request(api.api.app).get("/openapi.json");
    expect(res.status).to.equal(200);
    expect(res.body.openapi).to.equal("3.1.0");
    expect(res.body.paths).to.have.property("/api/users/{user_id}/role");
    const login = res.body.paths["/api/auth/login"].post;
    expect(login.requestBody.content["application/json"].schema.properties).to.have.keys(["username", "password"]);
    expect(res.body.paths["/api/users"].get.parameters.map((p: { name: string }) => p.name)).to.include.members(["role", "limit", "offset"]);
    expect(res.body.components.schemas).to.have.property("Error");
    const docs = await request(api.api.app).get("/docs/");
    expect(docs.status).to.equal(200);
    expect(docs.text).to.include("swagger-ui");
  });

  it("sends no HSTS without FORCE_HTTPS, and no Swagger UI unless enabled", async () => {
    const plain = await startTestApi(t.db, { env: { FORCE_HTTPS: "false", SWAGGER_ENABLED: "false" } });
    try {
      const res = await request(plain.api.handler).get("/api/health");
      expect(res.headers).not.to.have.property("strict-transport-security");
      expect(res.headers["content-security-policy"]).to.include("default-src 'self'");
      const docs = await request(plain.api.app).get("/docs/");
      expect(docs.status).to.equal(404);
      expect(docs.body.error.code).to.equal("not_found");
      expect((await request(plain.api.app).get("/openapi.json")).status).to.equal(200);
    } finally {
      await plain.close();
    }
  });

  it("exports Prometheus metrics labelled by route pattern, not raw URL", async () => {
    await request(api.api.app).get(`/api/users/${user.user.id}`).set("Authorization", `Bearer ${user.token}`);
    const res = await request(api.api.app).get("/metrics");
    expect(res.status).to.equal(200);
    expect(res.text).to.match(/nps_api_http_requests_total\{method="GET",route="\/api\/users\/:user_id",status="403"/);
    expect(res.text).not.to.include(user.user.id);
    expect(res.text).to.include('nps_api_oracle_mode{mode="direct_mode"');
    expect(res.text).to.include("nps_api_db_pool_connections");
    expect(res.text).to.include("nps_api_redis_up");
  });

  it("rate limits per principal with 429, Retry-After and the usual headers", async () => {
    const limited = await startTestApi(t.db, {
      limits: { general: { limit: 3, windowMs: 60_000 }, ai: { limit: 1, windowMs: 60_000 }, login: { limit: 100, windowMs: 60_000 } },
      env: { API_CORS_ORIGINS: ORIGIN },
    });
    try {
      const a = await limited.signIn("user");
      const b = await limited.signIn("user");
      const call = (token: string) => request(limited.api.app).get("/api/auth/me").set("Origin", ORIGIN).set("Authorization", `Bearer ${token}`);
      const statuses: number[] = [];
      let last: request.Response | undefined;
      for (let i = 0; i < 4; i++) {
        last = await call(a.token);
        statuses.push(last.status);
      }
      expect(statuses).to.deep.equal([200, 200, 200, 429]);
      expect(last!.body.error.code).to.equal("rate_limited");
      expect(Number(last!.headers["retry-after"])).to.be.within(1, 60);
      expectSecurityHeaders(last!);
      // Another account has its own budget: every JWT starts alike, and the key is the account, not the token.
      expect((await call(b.token)).status).to.equal(200);
      // The same account through an API key counts under the key.
      const made = await request(limited.api.app).post("/api/auth/api-keys").set("Authorization", `Bearer ${b.token}`).send({ name: "k", scopes: ["oracle:read"] });
      expect(made.status).to.equal(201);
      expect((await request(limited.api.app).get("/api/auth/me").set("X-API-Key", made.body.key)).status).to.equal(200);
    } finally {
      await limited.close();
    }
  });
});
