import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { issueToken } from "../../crypto/tokens";
import { verifyPassword } from "../../crypto/passwords";
import { makeUser, TEST_PASSWORD } from "../../testing/fixtures";
import { testCipher } from "../../testing/test-cipher";
import { createTestDatabase, useTestDatabase, type TestDatabase } from "../../testing/test-database";
import { ensureFirstAdmin } from "../first-admin";
import { createRepositories, type Repositories } from ".";

async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return (err as Error).message;
  }
  return "(resolved)";
}

describe("accounts: users, API keys, refresh tokens, first administrator", function () {
  this.timeout(60_000);
  const t = useTestDatabase();
  let repos: Repositories;
  before(async () => {
    repos = createRepositories(t.db, await testCipher());
  });

  describe("users", () => {
    it("finds by id and by username case-insensitively; a malformed id finds nothing", async () => {
      const u = await makeUser(repos, { username: "Darius_1" });
      expect((await repos.users.findByUsername("darius_1"))?.id).to.equal(u.id);
      expect((await repos.users.findById(u.id))?.username).to.equal("Darius_1");
      expect(await repos.users.findById("not-a-uuid")).to.equal(null);
      expect(await verifyPassword(u.passwordHash, TEST_PASSWORD)).to.equal(true);
      expect(await verifyPassword(u.passwordHash, "wrong")).to.equal(false);
      expect(await verifyPassword(null, TEST_PASSWORD)).to.equal(false);
    });

    it("locks after the fifth failure in a row, and a success or an unlock clears it", async () => {
      const u = await makeUser(repos);
      const policy = { maxAttempts: 5, lockSeconds: 900 };
      for (let i = 1; i <= 4; i++) expect(await repos.users.recordFailedLogin(u.id, policy)).to.deep.include({ failedAttempts: i, lockedUntil: null });
      const fifth = await repos.users.recordFailedLogin(u.id, policy);
      expect(fifth?.failedAttempts).to.equal(5);
      expect(fifth?.lockedUntil?.getTime()).to.be.greaterThan(Date.now() + 800_000);
      await repos.users.unlock(u.id);
      expect(await repos.users.findById(u.id)).to.deep.include({ failedAttempts: 0, lockedUntil: null });
      await repos.users.recordFailedLogin(u.id, policy);
      await repos.users.recordSuccessfulLogin(u.id);
      const after = await repos.users.findById(u.id);
      expect(after).to.deep.include({ failedAttempts: 0, lockedUntil: null });
      expect(after?.lastLoginAt).to.be.instanceOf(Date);
    });

    it("starts counting again once a lock has run out", async () => {
      const u = await makeUser(repos);
      await t.db.query(`UPDATE users SET failed_attempts = 5, locked_until = now() - interval '1 second' WHERE id = $1`, [u.id]);
      expect(await repos.users.recordFailedLogin(u.id, { maxAttempts: 5, lockSeconds: 900 })).to.deep.equal({ failedAttempts: 1, lockedUntil: null });
    });

    it("lists with filters, search, sort and paging, counting each account's readings", async () => {
      const tag = randomUUID().slice(0, 6);
      const made = [];
      for (let i = 0; i < 5; i++) made.push(await makeUser(repos, { username: `list_${tag}_${i}`, role: i % 2 ? "readonly" : "user" }));
      await repos.readings.create({ ownerId: made[0]!.id, readingType: "time", result: {} });
      const page = await repos.users.list({ search: `list_${tag}`, sortBy: "username", sortOrder: "asc", limit: 2, offset: 1 });
      expect(page.total).to.equal(5);
      expect(page.items.map((u) => u.username)).to.deep.equal([`list_${tag}_1`, `list_${tag}_2`]);
      const readonly = await repos.users.list({ search: `list_${tag}`, role: "readonly" });
      expect(readonly.items.map((u) => u.username).sort()).to.deep.equal([`list_${tag}_1`, `list_${tag}_3`]);
      const first = await repos.users.list({ search: `list_${tag}_0` });
      expect(first.items[0]?.readingCount).to.equal(1);
      const past = await repos.users.list({ search: `list_${tag}`, offset: 50 });
      expect(past).to.deep.include({ total: 5, items: [] });
      expect(await rejection(repos.users.list({ sortBy: "password_hash" as never }))).to.match(/^sort_by: /);
      expect(await rejection(repos.users.list({ limit: 1000 }))).to.match(/^limit: /);
    });

    it("updates, sets a password (clearing a lock) and counts admins and roles", async () => {
      const u = await makeUser(repos);
      expect((await repos.users.update(u.id, { role: "moderator", isActive: false }))?.role).to.equal("moderator");
      await t.db.query(`UPDATE users SET failed_attempts = 5, locked_until = now() + interval '1 hour' WHERE id = $1`, [u.id]);
      expect(await repos.users.setPassword(u.id, u.passwordHash)).to.equal(true);
      expect(await repos.users.findById(u.id)).to.deep.include({ failedAttempts: 0, lockedUntil: null, isActive: false });
      expect(await repos.users.update(randomUUID(), { role: "user" })).to.equal(null);
      const stats = await repos.users.stats();
      expect(stats.byRole.moderator).to.be.greaterThan(0);
      expect(stats.total).to.equal(stats.active + stats.inactive);
    });
  });

  describe("API keys", () => {
    it("stores only a hash, finds an active key with its owner, and stops at revocation, expiry or deactivation", async () => {
      const owner = await makeUser(repos);
      const issued = issueToken("nps_");
      const key = await repos.apiKeys.create({ userId: owner.id, name: "cli", keyHash: issued.hash, keyPrefix: issued.token.slice(0, 12), scopes: ["oracle:read"] });
      const stored = await t.db.query(`SELECT * FROM api_keys WHERE id = $1`, [key.id]);
      expect(JSON.stringify(stored.rows[0])).not.to.contain(issued.token);
      const found = await repos.apiKeys.findActiveByHash(issued.hash);
      expect(found?.key.id).to.equal(key.id);
      expect(found?.owner.username).to.equal(owner.username);
      expect(found?.key.scopes).to.deep.equal(["oracle:read"]);

      await repos.users.update(owner.id, { isActive: false });
      expect(await repos.apiKeys.findActiveByHash(issued.hash)).to.equal(null);
      await repos.users.update(owner.id, { isActive: true });

      const other = await makeUser(repos);
      expect(await repos.apiKeys.revoke(key.id, { ownerId: other.id })).to.equal(false);
      expect(await repos.apiKeys.revoke(key.id, { ownerId: owner.id })).to.equal(true);
      expect(await repos.apiKeys.findActiveByHash(issued.hash)).to.equal(null);
      expect(await repos.apiKeys.listForUser(owner.id)).to.deep.equal([]);
      expect((await repos.apiKeys.listForUser(owner.id, { includeRevoked: true })).length).to.equal(1);

      const expiring = issueToken("nps_");
      const k2 = await repos.apiKeys.create({ userId: owner.id, name: "soon", keyHash: expiring.hash, keyPrefix: "nps_x", scopes: [], expiresAt: new Date(Date.now() + 60_000) });
      await t.db.query(`UPDATE api_keys SET expires_at = created_at + interval '1 microsecond', created_at = created_at - interval '1 day' WHERE id = $1`, [k2.id]);
      expect(await repos.apiKeys.findActiveByHash(expiring.hash)).to.equal(null);
    });

    it("records last use at most once a minute", async () => {
      const owner = await makeUser(repos);
      const issued = issueToken("nps_");
      const key = await repos.apiKeys.create({ userId: owner.id, name: "k", keyHash: issued.hash, keyPrefix: "nps_", scopes: [] });
      await repos.apiKeys.touch(key.id);
      const first = (await repos.apiKeys.findById(key.id))?.lastUsedAt;
      await repos.apiKeys.touch(key.id);
      expect((await repos.apiKeys.findById(key.id))?.lastUsedAt?.getTime()).to.equal(first?.getTime());
    });
  });

  describe("refresh tokens", () => {
    it("rotate within a family; a reused token revokes the whole family", async () => {
      const u = await makeUser(repos);
      const a = issueToken();
      const b = issueToken();
      const c = issueToken();
      const later = new Date(Date.now() + 3_600_000);
      const first = await repos.refreshTokens.issue({ userId: u.id, tokenHash: a.hash, expiresAt: later });
      const rotated = await repos.refreshTokens.rotate(a.hash, b.hash, later);
      expect(rotated.status).to.equal("rotated");
      if (rotated.status !== "rotated") return;
      expect(rotated.token.familyId).to.equal(first.familyId);
      expect(rotated.token.userId).to.equal(u.id);

      expect(await repos.refreshTokens.rotate(a.hash, c.hash, later)).to.deep.equal({ status: "reused", userId: u.id, familyId: first.familyId });
      // The successor was revoked along with the family.
      expect((await repos.refreshTokens.rotate(b.hash, c.hash, later)).status).to.equal("revoked");
      expect((await repos.refreshTokens.rotate(issueToken().hash, c.hash, later)).status).to.equal("unknown");
    });

    it("lets only one of two concurrent refreshes with the same token win", async () => {
      const u = await makeUser(repos);
      const a = issueToken();
      const later = new Date(Date.now() + 3_600_000);
      await repos.refreshTokens.issue({ userId: u.id, tokenHash: a.hash, expiresAt: later });
      const outcomes = await Promise.all([repos.refreshTokens.rotate(a.hash, issueToken().hash, later), repos.refreshTokens.rotate(a.hash, issueToken().hash, later)]);
      expect(outcomes.map((o) => o.status).sort()).to.deep.equal(["reused", "rotated"]);
    });

    it("refuses expired and logged-out tokens", async () => {
      const u = await makeUser(repos);
      const a = issueToken();
      const b = issueToken();
      await repos.refreshTokens.issue({ userId: u.id, tokenHash: a.hash, expiresAt: new Date(Date.now() + 3_600_000) });
      await t.db.query(`UPDATE refresh_tokens SET issued_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE token_hash = $1`, [a.hash]);
      expect((await repos.refreshTokens.rotate(a.hash, issueToken().hash, new Date(Date.now() + 1000))).status).to.equal("expired");
      await repos.refreshTokens.issue({ userId: u.id, tokenHash: b.hash, expiresAt: new Date(Date.now() + 3_600_000) });
      expect(await repos.refreshTokens.revokeByHash(b.hash)).to.equal(true);
      expect((await repos.refreshTokens.rotate(b.hash, issueToken().hash, new Date(Date.now() + 1000))).status).to.equal("revoked");
      expect(await repos.refreshTokens.deleteExpired()).to.be.greaterThan(0);
    });
  });

  describe("first administrator", () => {
    // Each test needs a database with no administrator yet.
    let fresh: TestDatabase;
    beforeEach(async () => {
      fresh = await createTestDatabase();
    });
    afterEach(() => fresh.drop());
    const cost = { memoryCost: 1024, timeCost: 1 };

    it("creates one with a generated password shown once, then does nothing", async () => {
      const shown: string[] = [];
      const config = { admin: { username: "root_admin", password: "" } };
      const first = await ensureFirstAdmin({ db: fresh.db, config, announce: (s) => shown.push(s), cost });
      expect(first.created).to.equal(true);
      expect(first.generatedPassword).to.match(/^[A-Za-z0-9_-]{24}$/);
      expect(shown.join("")).to.contain(first.generatedPassword!);
      const admin = await createRepositories(fresh.db, await testCipher()).users.findByUsername("root_admin");
      expect(admin?.role).to.equal("admin");
      expect(await verifyPassword(admin!.passwordHash, first.generatedPassword!)).to.equal(true);
      // A printed password must be replaced at first sign-in; setting one clears the demand.
      expect(admin!.passwordChangeRequired).to.equal(true);
      await createRepositories(fresh.db, await testCipher()).users.setPassword(admin!.id, admin!.passwordHash);
      expect((await createRepositories(fresh.db, await testCipher()).users.findById(admin!.id))!.passwordChangeRequired).to.equal(false);
      const again = await ensureFirstAdmin({ db: fresh.db, config, announce: (s) => shown.push(s), cost });
      expect(again).to.deep.equal({ created: false, username: "root_admin" });
      expect(shown.length).to.equal(1);
    });

    it("uses NPS_ADMIN_PASSWORD when set, and replicas starting together create one administrator", async () => {
      const config = { admin: { username: "boss", password: "a very long password" } };
      const shown: string[] = [];
      const outcomes = await Promise.all([1, 2, 3].map(() => ensureFirstAdmin({ db: fresh.db, config, announce: (s) => shown.push(s), cost })));
      expect(outcomes.filter((o) => o.created).length).to.equal(1);
      expect(shown).to.deep.equal([]);
      const admin = await createRepositories(fresh.db, await testCipher()).users.findByUsername("boss");
      expect(await verifyPassword(admin!.passwordHash, "a very long password")).to.equal(true);
      expect(admin!.passwordChangeRequired).to.equal(false);
    });

    it("refuses a NPS_ADMIN_PASSWORD that is too short", async () => {
      let err: unknown;
      try {
        await ensureFirstAdmin({ db: fresh.db, config: { admin: { username: "boss", password: "short" } } });
      } catch (e) {
        err = e;
      }
      expect((err as Error).message).to.match(/^password: must be 8/);
    });
  });
});
