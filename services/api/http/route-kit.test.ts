import { expect } from "chai";
import request from "supertest";
import { z } from "zod";
import { useTestDatabase } from "../../lib/testing/test-database";
import { ROUTE_MODULES } from "../routes";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { ownedOr404, type RouteModule } from "./route-kit";

/** A feature-style module: a cached read of a per-user counter, a write that changes it, an owned resource. */
/** Runs of the slow read's handler, and the gate that holds them until a test opens it. */
const slow = { runs: 0, open: Promise.resolve() };

function probeModule(): { module: RouteModule; counters: Map<string, number> } {
  const counters = new Map<string, number>();
  const module: RouteModule = {
    base: "/api/probe",
    tag: "probe",
    register(r) {
      r.route({
        method: "get",
        path: "/counter",
        summary: "cached per-user read",
        auth: { scopes: ["oracle:read"] },
        query: z.object({ page: z.coerce.number().int().min(1).default(1) }),
        response: z.object({ user: z.string(), value: z.number(), page: z.number() }),
        cache: { ttlSeconds: 60 },
        handler: ({ principal, query }) => ({ user: principal.username, value: counters.get(principal.userId) ?? 0, page: query.page }),
      });
      r.route({
        method: "get",
        path: "/slow",
        summary: "cached per-user read that takes a while",
        auth: { scopes: ["oracle:read"] },
        response: z.object({ runs: z.number() }),
        cache: { ttlSeconds: 60 },
        handler: async () => {
          const run = ++slow.runs;
          await slow.open;
          return { runs: run };
        },
      });
      r.route({
        method: "post",
        path: "/counter",
        summary: "a write: clears the caller's cached reads",
        auth: { scopes: ["oracle:write"] },
        body: z.object({ by: z.number().int() }),
        response: z.object({ value: z.number() }),
        status: 201,
        handler: async ({ principal, body, audit, publish }) => {
          const value = (counters.get(principal.userId) ?? 0) + body.by;
          counters.set(principal.userId, value);
          await audit({ action: "probe.increment", resourceType: "counter", resourceId: principal.userId, details: { by: body.by } });
          publish(principal.userId, { event: "counter", data: { value } });
          return { value };
        },
      });
      r.route({
        method: "get",
        path: "/owned/:owner_id",
        summary: "owner sees own, moderators all, others 404",
        auth: { scopes: ["oracle:read"] },
        params: z.object({ owner_id: z.uuid() }),
        response: z.object({ owner: z.string() }),
        handler: ({ principal, params }) => ownedOr404(principal, { owner: params.owner_id }, (r) => r.owner, "thing"),
      });
    },
  };
  return { module, counters };
}

describe("route toolkit", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let alice: SignedInUser;
  let bob: SignedInUser;

  before(async () => {
    api = await startTestApi(t.db, { modules: [...ROUTE_MODULES, probeModule().module] });
    alice = await api.signIn("user");
    bob = await api.signIn("user");
  });
  after(() => api.close());

  const get = (who: SignedInUser, path = "/api/probe/counter", headers: Record<string, string> = {}) =>
    request(api.api.app).get(path).set("Authorization", `Bearer ${who.token}`).set(headers);

  it("caches reads per principal with ETag; 304 on If-None-Match", async () => {
    const first = await get(alice);
    expect(first.status).to.equal(200);
    expect(first.headers["x-cache"]).to.equal("MISS");
    expect(first.headers["cache-control"]).to.equal("private, no-cache");
    const second = await get(alice);
    expect(second.headers["x-cache"]).to.equal("HIT");
    expect(second.body).to.deep.equal(first.body);
    expect(second.headers.etag).to.equal(first.headers.etag);
    const revalidated = await get(alice, "/api/probe/counter", { "If-None-Match": first.headers.etag! });
    expect(revalidated.status).to.equal(304);
    // The query is part of the key.
    expect((await get(alice, "/api/probe/counter?page=2")).headers["x-cache"]).to.equal("MISS");
  });

  it("identical reads missing the cache at the same moment run the handler once and get one answer", async () => {
    let open = () => {};
    slow.open = new Promise<void>((resolve) => (open = resolve));
    const asks = [0, 1, 2, 3, 4].map(() => get(alice, "/api/probe/slow").then((res) => res));
    // Every request is in before the handler may finish.
    while (slow.runs === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 100));
    open();
    const answers = await Promise.all(asks);
    expect(answers.map((a) => a.status)).to.deep.equal([200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.body)).to.deep.equal(answers.map(() => ({ runs: 1 })));
    expect(slow.runs).to.equal(1);
    // Another caller's identical URL is not theirs to share.
    expect((await get(bob, "/api/probe/slow")).body).to.deep.equal({ runs: 2 });
  });

  it("never serves one principal's cached answer to another", async () => {
    await get(alice);
    const theirs = await get(bob);
    expect(theirs.headers["x-cache"]).to.equal("MISS");
    expect(theirs.body.user).to.equal(bob.user.username);
  });

  it("a successful write clears the writer's cached reads only; the write is audited and published", async () => {
    await get(alice);
    await get(bob);
    const received: unknown[] = [];
    const off = api.deps.events.subscribe(alice.user.id, (e) => received.push(e));
    const write = await request(api.api.app).post("/api/probe/counter").set("Authorization", `Bearer ${alice.token}`).send({ by: 5 });
    off();
    expect(write.status).to.equal(201);
    const after = await get(alice);
    expect(after.headers["x-cache"]).to.equal("MISS");
    expect(after.body.value).to.equal(5);
    expect((await get(bob)).headers["x-cache"]).to.equal("HIT");
    expect(received).to.deep.equal([{ event: "counter", data: { value: 5 } }]);
    const audit = await api.deps.repos.audit.list({ action: "probe.increment" });
    expect(audit.items[0]).to.include({ actorId: alice.user.id, resourceId: alice.user.id, success: true });
  });

  it("a failed write clears nothing and answers in the error shape", async () => {
    await get(alice);
    const bad = await request(api.api.app).post("/api/probe/counter").set("Authorization", `Bearer ${alice.token}`).send({ by: "many" });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.fields).to.have.key("by");
    expect((await get(alice)).headers["x-cache"]).to.equal("HIT");
  });

  it("ownership: another user's resource is a 404, a moderator sees it", async () => {
    expect((await get(alice, `/api/probe/owned/${alice.user.id}`)).status).to.equal(200);
    const other = await get(alice, `/api/probe/owned/${bob.user.id}`);
    expect(other.status).to.equal(404);
    expect(other.body.error.code).to.equal("not_found");
    const mod = await api.signIn("moderator");
    expect((await get(mod, `/api/probe/owned/${bob.user.id}`)).status).to.equal(200);
  });

  it("scopes: a read-only account may read but not write (403)", async () => {
    const reader = await api.signIn("readonly");
    expect((await get(reader)).status).to.equal(200);
    const res = await request(api.api.app).post("/api/probe/counter").set("Authorization", `Bearer ${reader.token}`).send({ by: 1 });
    expect(res.status).to.equal(403);
    expect(res.body.error.message).to.include("oracle:write");
  });

  it("documents the module's routes in the OpenAPI document", async () => {
    const doc = await request(api.api.app).get("/openapi.json");
    const op = doc.body.paths["/api/probe/owned/{owner_id}"].get;
    expect(op.tags).to.deep.equal(["probe"]);
    expect(op.parameters[0]).to.include({ name: "owner_id", in: "path", required: true });
    expect(op.security).to.deep.equal([{ bearerAuth: [] }, { apiKeyAuth: [] }]);
    expect(op.responses).to.include.keys(["200", "400", "401", "403", "429"]);
    expect(doc.body.paths["/api/probe/counter"].post.responses).to.have.property("201");
  });
});
