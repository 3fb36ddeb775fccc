import { generateKeyPairSync, randomUUID } from "node:crypto";
import { expect } from "chai";
import jwt from "jsonwebtoken";
import request from "supertest";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { signAccessToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from "./access-tokens";

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe("auth routes", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let app: TestApi["api"]["app"];
  let admin: SignedInUser;

  before(async () => {
    api = await startTestApi(t.db);
    app = api.api.app;
    admin = await api.signIn("admin");
  });
  after(() => api.close());

  /** A token signed the way an attacker might, with the app's claims unless overridden. */
  function forge(user: SignedInUser, claims: Record<string, unknown> = {}, options: jwt.SignOptions = {}, key: jwt.Secret = api.config.api.secretKey): string {
    const now = Math.floor(Date.now() / 1000);
    return jwt.sign(
      { sub: user.user.id, jti: randomUUID(), sid: randomUUID(), typ: "access", pwd: user.user.passwordChangedAt.getTime(), iat: now, exp: now + 600, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, ...claims },
      key,
      { algorithm: "HS256", ...options },
    );
  }

  describe("login", () => {
    it("returns a token pair that authenticates", async () => {
      const { user, password } = await api.createUser("user");
      const res = await request(app).post("/api/auth/login").send({ username: user.username, password });
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ token_type: "bearer", expires_in: 1440 * 60 });
      const claims = jwt.decode(res.body.access_token) as Record<string, unknown>;
      expect(claims).to.include({ sub: user.id, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, typ: "access" });
      expect(claims.jti).to.be.a("string");
      const me = await request(app).get("/api/auth/me").set(bearer(res.body.access_token));
      expect(me.status).to.equal(200);
      expect(me.body).to.include({ id: user.id, username: user.username, role: "user" });
      expect(me.body.scopes).to.have.members(["oracle:write", "oracle:read"]);
      expect(me.body).not.to.have.property("password_hash");
    });

    it("matches usernames case-insensitively", async () => {
      const { user, password } = await api.createUser("user");
      const res = await request(app).post("/api/auth/login").send({ username: user.username.toUpperCase(), password });
      expect(res.status).to.equal(200);
    });

    it("answers a wrong password and an unknown user alike", async () => {
      const { user } = await api.createUser("user");
      const wrong = await request(app).post("/api/auth/login").send({ username: user.username, password: "not-the-password" });
      const unknown = await request(app).post("/api/auth/login").send({ username: "nobody_here_at_all", password: "whatever1" });
      expect(wrong.status).to.equal(401);
      expect(unknown.status).to.equal(401);
      expect(wrong.body).to.deep.equal(unknown.body);
      expect(wrong.headers["www-authenticate"]).to.include("Bearer");
    });

    it("locks the account after 5 failures (423) until an administrator unlocks it", async () => {
      const { user, password } = await api.createUser("user");
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await request(app).post("/api/auth/login").send({ username: user.username, password: "wrong-password" })).status);
      expect(statuses).to.deep.equal([401, 401, 401, 401, 423]);
      const locked = await request(app).post("/api/auth/login").send({ username: user.username, password });
      expect(locked.status).to.equal(423);
      expect(locked.body.error.code).to.equal("locked");
      expect(Number(locked.headers["retry-after"])).to.be.within(800, 900);
      const unlock = await request(app).post(`/api/users/${user.id}/unlock`).set(bearer(admin.token));
      expect(unlock.status).to.equal(200);
      expect((await request(app).post("/api/auth/login").send({ username: user.username, password })).status).to.equal(200);
      const audit = await api.deps.repos.audit.list({ action: "auth.lockout" });
      expect(audit.items.some((e) => e.actorId === user.id && e.severity === "critical")).to.equal(true);
    });

    it("refuses a disabled account only to someone who knows its password", async () => {
      const { user, password } = await api.createUser("user");
      await api.deps.repos.users.update(user.id, { isActive: false });
      expect((await request(app).post("/api/auth/login").send({ username: user.username, password: "wrong-password" })).status).to.equal(401);
      expect((await request(app).post("/api/auth/login").send({ username: user.username, password })).status).to.equal(403);
    });
  });

  describe("tokens an attacker might present", () => {
    let victim: SignedInUser;
    before(async () => {
      victim = await api.signIn("user");
    });
    const me = (headers: Record<string, string>) => request(app).get("/api/auth/me").set(headers);

    it("accepts the genuine token (control)", async () => {
      expect((await me(bearer(victim.token))).status).to.equal(200);
      expect((await me(bearer(forge(victim)))).status).to.equal(200);
    });

    it("refuses alg none", async () => {
      const unsigned = jwt.sign(jwt.decode(victim.token) as object, "", { algorithm: "none" });
      const res = await me(bearer(unsigned));
      expect(res.status).to.equal(401);
      expect(res.body.error.code).to.equal("unauthorized");
    });

    it("refuses HS/RS confusion: an RS256 token, and the right secret under another HMAC algorithm", async () => {
      const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
      expect((await me(bearer(forge(victim, {}, { algorithm: "RS256" }, privateKey)))).status).to.equal(401);
      expect((await me(bearer(forge(victim, {}, { algorithm: "HS512" })))).status).to.equal(401);
    });

    it("refuses an expired token, saying so", async () => {
      const past = Math.floor(Date.now() / 1000) - 3600;
      const res = await me(bearer(forge(victim, { iat: past - 60, exp: past })));
      expect(res.status).to.equal(401);
      expect(res.body.error.message).to.include("expired");
    });

    it("refuses a token issued in the future (beyond the clock tolerance), saying so; a few seconds of skew pass", async () => {
      const now = Math.floor(Date.now() / 1000);
      const future = await me(bearer(forge(victim, { iat: now + 3600, exp: now + 7200 })));
      expect(future.status).to.equal(401);
      expect(future.body.error.message).to.include("issued in the future");
      expect((await me(bearer(forge(victim, { iat: now + 120, exp: now + 720 })))).status).to.equal(401);
      expect((await me(bearer(forge(victim, { iat: now + 2, exp: now + 600 })))).status).to.equal(200);
    });

    it("refuses a token older than the configured lifetime even when its exp is far away", async () => {
      const old = Math.floor(Date.now() / 1000) - 2 * 24 * 3600;
      expect((await me(bearer(forge(victim, { iat: old, exp: old + 10 * 24 * 3600 })))).status).to.equal(401);
    });

    it("refuses a wrong issuer or audience", async () => {
      expect((await me(bearer(forge(victim, { iss: "someone-else" })))).status).to.equal(401);
      expect((await me(bearer(forge(victim, { aud: "another-app" })))).status).to.equal(401);
    });

    it("refuses a tampered signature or payload", async () => {
      const [h, p, s] = victim.token.split(".");
      const flipped = s!.slice(0, -2) + (s!.endsWith("AA") ? "BB" : "AA");
      expect((await me(bearer(`${h}.${p}.${flipped}`))).status).to.equal(401);
      const claims = { ...(jwt.decode(victim.token) as Record<string, unknown>), sub: admin.user.id };
      const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
      expect((await me(bearer(`${h}.${payload}.${s}`))).status).to.equal(401);
    });

    it("refuses a token signed with another key, and one missing NPS claims", async () => {
      expect((await me(bearer(forge(victim, {}, {}, "another-secret-key")))).status).to.equal(401);
      expect((await me(bearer(forge(victim, { typ: undefined })))).status).to.equal(401);
      expect((await me(bearer(forge(victim, { jti: undefined })))).status).to.equal(401);
    });

    it("never accepts API_SECRET_KEY itself as a credential", async () => {
      const secret = api.config.api.secretKey;
      expect((await me(bearer(secret))).status).to.equal(401);
      expect((await me({ "X-API-Key": secret })).status).to.equal(401);
      expect((await me(bearer(`nps_${secret}`))).status).to.equal(401);
      const register = await request(app).post("/api/auth/register").set(bearer(secret)).send({ username: "intruder", password: "password123" });
      expect(register.status).to.equal(401);
    });

    it("refuses garbage in the Authorization header with 401, never 500", async () => {
      for (const value of ["Bearer", "Bearer ", "Basic abc", "Bearer a.b", "Bearer ....", "Bearer \u00ff\u00fe"]) {
        const res = await request(app).get("/api/auth/me").set("Authorization", value);
        expect(res.status, value).to.equal(401);
      }
    });
  });

  describe("sessions", () => {
    it("logout revokes the access token and its refresh token until they expire", async () => {
      const s = await api.signIn("user");
      expect((await request(app).post("/api/auth/logout").set(bearer(s.token))).status).to.equal(204);
      const after = await request(app).get("/api/auth/me").set(bearer(s.token));
      expect(after.status).to.equal(401);
      expect(after.body.error.message).to.include("revoked");
      expect((await request(app).post("/api/auth/refresh").send({ refresh_token: s.refreshToken })).status).to.equal(401);
      // The revocation is in Redis too, so other replicas honour it.
      const jti = (jwt.decode(s.token) as { jti: string }).jti;
      expect(await api.deps.cacheLayer.redis!.client.exists(`${api.keyPrefix}revoked:${jti}`)).to.equal(1);
    });

    it("refresh rotates; presenting a spent refresh token revokes the whole session", async () => {
      const s = await api.signIn("user");
      const first = await request(app).post("/api/auth/refresh").send({ refresh_token: s.refreshToken });
      expect(first.status).to.equal(200);
      expect(first.body.refresh_token).not.to.equal(s.refreshToken);
      expect((await request(app).get("/api/auth/me").set(bearer(first.body.access_token))).status).to.equal(200);

      const reuse = await request(app).post("/api/auth/refresh").send({ refresh_token: s.refreshToken });
      expect(reuse.status).to.equal(401);
      expect(reuse.body.error.message).to.include("already used");
      // The thief's and the owner's newer tokens die with the family.
      expect((await request(app).post("/api/auth/refresh").send({ refresh_token: first.body.refresh_token })).status).to.equal(401);
      expect((await request(app).get("/api/auth/me").set(bearer(first.body.access_token))).status).to.equal(401);
      expect((await request(app).get("/api/auth/me").set(bearer(s.token))).status).to.equal(401);
      const audit = await api.deps.repos.audit.list({ action: "auth.refresh_reuse" });
      expect(audit.items.some((e) => e.actorId === s.user.id && e.severity === "critical")).to.equal(true);
    });

    it("refuses unknown refresh tokens", async () => {
      const res = await request(app).post("/api/auth/refresh").send({ refresh_token: "made-up-token" });
      expect(res.status).to.equal(401);
    });

    it("change password: wrong current password is a 400 naming the field; success ends older tokens", async () => {
      const s = await api.signIn("user");
      const wrong = await request(app).post("/api/auth/change-password").set(bearer(s.token)).send({ current_password: "nope-nope", new_password: "a-new-password" });
      expect(wrong.status).to.equal(400);
      expect(wrong.body.error.fields).to.have.key("current_password");
      const short = await request(app).post("/api/auth/change-password").set(bearer(s.token)).send({ current_password: s.password, new_password: "short" });
      expect(short.status).to.equal(400);
      expect(short.body.error.fields).to.have.key("new_password");

      const ok = await request(app).post("/api/auth/change-password").set(bearer(s.token)).send({ current_password: s.password, new_password: "a-new-password" });
      expect(ok.status).to.equal(200);
      expect((await request(app).get("/api/auth/me").set(bearer(s.token))).status).to.equal(401);
      expect((await request(app).get("/api/auth/me").set(bearer(ok.body.access_token))).status).to.equal(200);
      expect((await request(app).post("/api/auth/refresh").send({ refresh_token: s.refreshToken })).status).to.equal(401);
      expect((await request(app).post("/api/auth/login").send({ username: s.user.username, password: "a-new-password" })).status).to.equal(200);
    });

    it("a token for a deactivated account stops working at once", async () => {
      const s = await api.signIn("user");
      await api.deps.repos.users.update(s.user.id, { isActive: false });
      expect((await request(app).get("/api/auth/me").set(bearer(s.token))).status).to.equal(401);
    });
  });

  describe("register", () => {
    it("lets an administrator create an account; 409 for a taken name", async () => {
      const username = `reg_${Date.now()}`;
      const res = await request(app).post("/api/auth/register").set(bearer(admin.token)).send({ username, password: "password123", role: "moderator" });
      expect(res.status).to.equal(201);
      expect(res.body).to.include({ username, role: "moderator", is_active: true });
      const dup = await request(app).post("/api/auth/register").set(bearer(admin.token)).send({ username: username.toUpperCase(), password: "password123" });
      expect(dup.status).to.equal(409);
      expect(dup.body.error.code).to.equal("conflict");
      expect(dup.body.error.fields).to.have.key("username");
    });

    it("is refused to everyone else (401 anonymous, 403 non-admin)", async () => {
      const mod = await api.signIn("moderator");
      expect((await request(app).post("/api/auth/register").send({ username: "x_anon", password: "password123" })).status).to.equal(401);
      const res = await request(app).post("/api/auth/register").set(bearer(mod.token)).send({ username: "x_mod", password: "password123" });
      expect(res.status).to.equal(403);
      expect(res.body.error.code).to.equal("forbidden");
    });

    it("names bad fields", async () => {
      const res = await request(app).post("/api/auth/register").set(bearer(admin.token)).send({ username: "a b", password: "x", role: "emperor" });
      expect(res.status).to.equal(400);
      expect(res.body.error.fields).to.have.keys(["username", "password", "role"]);
    });
  });

  describe("API keys", () => {
    it("creates a key shown once, stores only its hash, lists and revokes it", async () => {
      const s = await api.signIn("user");
      const made = await request(app).post("/api/auth/api-keys").set(bearer(s.token)).send({ name: "script", scopes: ["oracle:read"], expires_in_days: 30 });
      expect(made.status).to.equal(201);
      expect(made.body.key).to.match(/^nps_/);
      expect(made.body.scopes).to.deep.equal(["oracle:read"]);
      const stored = await t.db.query<{ row: string }>("SELECT row_to_json(k)::text AS row FROM api_keys k WHERE id = $1", [made.body.id]);
      expect(stored.rows).to.have.length(1);
      expect(stored.rows[0]!.row).not.to.include(made.body.key.slice(12));

      const viaKey = await request(app).get("/api/auth/me").set("X-API-Key", made.body.key);
      expect(viaKey.status).to.equal(200);
      expect(viaKey.body.scopes).to.deep.equal(["oracle:read"]);
      expect(viaKey.body.auth).to.deep.equal({ kind: "api_key", api_key_id: made.body.id });
      expect((await request(app).get("/api/auth/me").set(bearer(made.body.key))).status).to.equal(200);

      const list = await request(app).get("/api/auth/api-keys").set(bearer(s.token));
      expect(list.body.api_keys.map((k: { id: string }) => k.id)).to.deep.equal([made.body.id]);
      expect(list.body.api_keys[0]).not.to.have.property("key");

      const other = await api.signIn("user");
      expect((await request(app).delete(`/api/auth/api-keys/${made.body.id}`).set(bearer(other.token))).status).to.equal(404);
      expect((await request(app).delete(`/api/auth/api-keys/${made.body.id}`).set(bearer(s.token))).status).to.equal(204);
      expect((await request(app).get("/api/auth/me").set("X-API-Key", made.body.key)).status).to.equal(401);
    });

    it("refuses scope escalation: a key never exceeds its creator", async () => {
      const s = await api.signIn("user");
      for (const scopes of [["admin"], ["oracle:admin"], ["oracle:read", "admin"]]) {
        const res = await request(app).post("/api/auth/api-keys").set(bearer(s.token)).send({ name: "grab", scopes });
        expect(res.status, scopes.join()).to.equal(403);
      }
      // A narrow key cannot mint a wider one.
      const narrow = await request(app).post("/api/auth/api-keys").set(bearer(s.token)).send({ name: "narrow", scopes: ["oracle:read"] });
      const wider = await request(app).post("/api/auth/api-keys").set("X-API-Key", narrow.body.key).send({ name: "wider", scopes: ["oracle:write"] });
      expect(wider.status).to.equal(403);
      // An admin's key without the admin scope cannot do admin work.
      const adminKey = await request(app).post("/api/auth/api-keys").set(bearer(admin.token)).send({ name: "reader", scopes: ["oracle:read"] });
      const register = await request(app).post("/api/auth/register").set("X-API-Key", adminKey.body.key).send({ username: `via_key_${Date.now()}`, password: "password123" });
      expect(register.status).to.equal(403);
    });

    it("cuts a key down when its owner is demoted", async () => {
      const mod = await api.signIn("moderator");
      const key = await request(app).post("/api/auth/api-keys").set(bearer(mod.token)).send({ name: "mod", scopes: ["oracle:admin"] });
      expect(key.status).to.equal(201);
      await api.deps.repos.users.update(mod.user.id, { role: "readonly" });
      const me = await request(app).get("/api/auth/me").set("X-API-Key", key.body.key);
      expect(me.body.scopes).to.deep.equal(["oracle:read"]);
    });

    it("validates the request", async () => {
      const s = await api.signIn("user");
      const res = await request(app).post("/api/auth/api-keys").set(bearer(s.token)).send({ name: "", scopes: ["root"], expires_in_days: 0 });
      expect(res.status).to.equal(400);
      expect(res.body.error.fields).to.include.keys(["name", "scopes.0", "expires_in_days"]);
      expect((await request(app).delete("/api/auth/api-keys/not-a-uuid").set(bearer(s.token))).status).to.equal(400);
    });
  });

  it("signAccessToken carries a fresh jti every time", () => {
    const subject = { userId: randomUUID(), passwordChangedAt: new Date() };
    const a = signAccessToken(api.config.api, subject, randomUUID());
    const b = signAccessToken(api.config.api, subject, randomUUID());
    expect(a.jti).not.to.equal(b.jti);
  });
});
