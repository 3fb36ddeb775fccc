import { expect } from "chai";
import request from "supertest";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";

describe("users routes (administrators and moderators)", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let admin: SignedInUser;
  let moderator: SignedInUser;
  let plain: SignedInUser;

  before(async () => {
    api = await startTestApi(t.db);
    admin = await api.signIn("admin");
    moderator = await api.signIn("moderator");
    plain = await api.signIn("user");
  });
  after(() => api.close());

  const as = (who: SignedInUser) => ({
    get: (path: string) => request(api.api.app).get(path).set("Authorization", `Bearer ${who.token}`),
    patch: (path: string, body: object) => request(api.api.app).patch(path).set("Authorization", `Bearer ${who.token}`).send(body),
    put: (path: string, body: object) => request(api.api.app).put(path).set("Authorization", `Bearer ${who.token}`).send(body),
    post: (path: string, body: object = {}) => request(api.api.app).post(path).set("Authorization", `Bearer ${who.token}`).send(body),
    delete: (path: string) => request(api.api.app).delete(path).set("Authorization", `Bearer ${who.token}`),
  });

  it("is closed to anonymous callers (401) and plain users (403)", async () => {
    expect((await request(api.api.app).get("/api/users")).status).to.equal(401);
    expect((await as(plain).get("/api/users")).status).to.equal(403);
    expect((await as(plain).get(`/api/users/${plain.user.id}`)).status).to.equal(403);
  });

  it("lists with filters, sort and paging", async () => {
    const res = await as(moderator).get("/api/users?role=user&is_active=true&limit=2&sort_by=username&sort_order=asc");
    expect(res.status).to.equal(200);
    expect(res.body.limit).to.equal(2);
    expect(res.body.total).to.be.at.least(1);
    expect(res.body.users.length).to.be.at.most(2);
    for (const u of res.body.users) {
      expect(u).to.include({ role: "user", is_active: true });
      expect(u).to.have.property("reading_count");
      expect(u).not.to.have.property("password_hash");
    }
    const names = res.body.users.map((u: { username: string }) => u.username);
    expect(names).to.deep.equal([...names].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const search = await as(admin).get(`/api/users?search=${encodeURIComponent(plain.user.username)}`);
    expect(search.body.users.map((u: { id: string }) => u.id)).to.deep.equal([plain.user.id]);
  });

  it("names bad query fields", async () => {
    const res = await as(admin).get("/api/users?limit=0&role=king&is_active=perhaps&sort_by=password_hash");
    expect(res.status).to.equal(400);
    expect(res.body.error.fields).to.have.keys(["limit", "role", "is_active", "sort_by"]);
  });

  it("reads one account; 404 for none; 400 for a malformed id", async () => {
    const res = await as(moderator).get(`/api/users/${plain.user.id}`);
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ id: plain.user.id, username: plain.user.username });
    expect((await as(admin).get("/api/users/00000000-0000-4000-8000-000000000000")).status).to.equal(404);
    const bad = await as(admin).get("/api/users/12345");
    expect(bad.status).to.equal(400);
    expect(bad.body.error.fields).to.have.key("user_id");
  });

  it("renames and (de)activates; 409 when the name is taken", async () => {
    const target = await api.createUser("user");
    const renamed = await as(moderator).patch(`/api/users/${target.user.id}`, { username: `${target.user.username}_x` });
    expect(renamed.status).to.equal(200);
    expect(renamed.body.username).to.equal(`${target.user.username}_x`);
    const taken = await as(admin).patch(`/api/users/${target.user.id}`, { username: plain.user.username });
    expect(taken.status).to.equal(409);
    expect((await as(admin).patch(`/api/users/${target.user.id}`, {})).status).to.equal(400);
  });

  it("deactivates: the account's token and refresh token stop working", async () => {
    const target = await api.signIn("user");
    const res = await as(admin).delete(`/api/users/${target.user.id}`);
    expect(res.status).to.equal(200);
    expect(res.body.is_active).to.equal(false);
    expect((await request(api.api.app).get("/api/auth/me").set("Authorization", `Bearer ${target.token}`)).status).to.equal(401);
    expect((await request(api.api.app).post("/api/auth/refresh").send({ refresh_token: target.refreshToken })).status).to.equal(401);
    const audit = await api.deps.repos.audit.list({ action: "system_user.deactivate", resourceId: target.user.id });
    expect(audit.items).to.have.length(1);
    expect(audit.items[0]).to.include({ actorId: admin.user.id, severity: "warning" });
  });

  it("resets a password (given or generated, shown once) and ends the old sessions", async () => {
    const target = await api.signIn("user");
    const given = await as(moderator).post(`/api/users/${target.user.id}/reset-password`, { new_password: "brand-new-pass" });
    expect(given.status).to.equal(200);
    expect(given.body).not.to.have.property("temporary_password");
    expect((await request(api.api.app).get("/api/auth/me").set("Authorization", `Bearer ${target.token}`)).status).to.equal(401);
    expect((await request(api.api.app).post("/api/auth/login").send({ username: target.user.username, password: "brand-new-pass" })).status).to.equal(200);

    const generated = await as(admin).post(`/api/users/${target.user.id}/reset-password`);
    expect(generated.body.temporary_password).to.be.a("string").with.length.above(15);
    expect((await request(api.api.app).post("/api/auth/login").send({ username: target.user.username, password: generated.body.temporary_password })).status).to.equal(200);
    const short = await as(admin).post(`/api/users/${target.user.id}/reset-password`, { new_password: "x" });
    expect(short.status).to.equal(400);
  });

  it("changes roles within the caller's rank", async () => {
    const target = await api.signIn("readonly");
    const up = await as(moderator).put(`/api/users/${target.user.id}/role`, { role: "user" });
    expect(up.status).to.equal(200);
    expect(up.body.role).to.equal("user");
    // The new role applies to the account's existing token at once.
    const me = await request(api.api.app).get("/api/auth/me").set("Authorization", `Bearer ${target.token}`);
    expect(me.body.scopes).to.include("oracle:write");

    expect((await as(moderator).put(`/api/users/${target.user.id}/role`, { role: "admin" })).status).to.equal(403);
    expect((await as(moderator).put(`/api/users/${target.user.id}/role`, { role: "moderator" })).status).to.equal(403);
    expect((await as(admin).put(`/api/users/${target.user.id}/role`, { role: "moderator" })).status).to.equal(200);
    expect((await as(admin).put(`/api/users/${target.user.id}/role`, { role: "wizard" })).status).to.equal(400);
  });

  it("never acts on the caller's own account, nor lets a moderator touch an administrator", async () => {
    for (const res of [
      await as(admin).delete(`/api/users/${admin.user.id}`),
      await as(admin).put(`/api/users/${admin.user.id}/role`, { role: "user" }),
      await as(admin).patch(`/api/users/${admin.user.id}`, { is_active: false }),
      await as(moderator).post(`/api/users/${moderator.user.id}/reset-password`, { new_password: "whatever-123" }),
      await as(moderator).delete(`/api/users/${admin.user.id}`),
      await as(moderator).post(`/api/users/${admin.user.id}/reset-password`, { new_password: "whatever-123" }),
    ]) {
      expect(res.status).to.equal(403);
      expect(res.body.error.code).to.equal("forbidden");
    }
  });

  it("unlocks a locked account", async () => {
    const target = await api.createUser("user");
    await api.deps.repos.users.recordFailedLogin(target.user.id, { maxAttempts: 1, lockSeconds: 900 });
    const before = await as(admin).get(`/api/users/${target.user.id}`);
    expect(before.body.locked_until).to.be.a("string");
    const res = await as(moderator).post(`/api/users/${target.user.id}/unlock`);
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ locked_until: null, failed_attempts: 0 });
  });

  it("writes an audit row for each administrative action", async () => {
    const managers = new Set([admin.user.id, moderator.user.id]);
    const page = await api.deps.repos.audit.list({ resourceType: "user", limit: 200 });
    const actions = new Set(page.items.filter((e) => e.actorId && managers.has(e.actorId)).map((e) => e.action));
    for (const action of ["system_user.update", "system_user.deactivate", "system_user.password_reset", "system_user.role_change", "system_user.unlock"]) {
      expect(actions, action).to.include(action);
    }
  });
});
