import { expect } from "chai";
import { issueToken } from "../../crypto/tokens";
import { makeProfile, makeUser } from "../../testing/fixtures";
import { testCipher } from "../../testing/test-cipher";
import { useTestDatabase } from "../../testing/test-database";
import { createRepositories, type Repositories } from ".";

describe("settings, Telegram links and preferences, audit log, platform stats", function () {
  this.timeout(60_000);
  const t = useTestDatabase();
  let repos: Repositories;
  before(async () => {
    repos = createRepositories(t.db, await testCipher());
  });

  it("settings: upserts several keys at once and refuses unknown keys", async () => {
    const u = await makeUser(repos);
    expect(await repos.settings.setMany(u.id, { theme: "dark", locale: "fa" })).to.deep.equal({ locale: "fa", theme: "dark" });
    expect(await repos.settings.setMany(u.id, { theme: "light" })).to.deep.equal({ locale: "fa", theme: "light" });
    expect(await repos.settings.remove(u.id, "locale")).to.equal(true);
    expect(await repos.settings.getAll(u.id)).to.deep.equal({ theme: "light" });
    let err: unknown;
    try {
      await repos.settings.setMany(u.id, { wallet: "x" } as never);
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).to.equal("setting_key: is not a known setting");
  });

  describe("Telegram", () => {
    it("links a chat with a one-time code, once; relinking moves the chat; unlink ends it", async () => {
      const u = await makeUser(repos);
      const code = issueToken("", 9);
      await repos.telegram.createLinkCode(u.id, code.hash, new Date(Date.now() + 600_000));
      const link = await repos.telegram.consumeLinkCode(code.hash, 555_000_111, "sara");
      expect(link).to.deep.include({ chatId: 555_000_111, userId: u.id, telegramUsername: "sara", isActive: true });
      expect(await repos.telegram.consumeLinkCode(code.hash, 555_000_112, null)).to.equal(null);
      expect(await repos.telegram.findLink(555_000_111)).to.deep.include({ username: u.username, role: "user" });

      const v = await makeUser(repos);
      const code2 = issueToken("", 9);
      await repos.telegram.createLinkCode(v.id, code2.hash, new Date(Date.now() + 600_000));
      expect((await repos.telegram.consumeLinkCode(code2.hash, 555_000_111, "sara2"))?.userId).to.equal(v.id);
      expect(await repos.telegram.linksForUser(u.id)).to.deep.equal([]);
      expect(await repos.telegram.unlink(555_000_111, { userId: u.id })).to.equal(false);
      expect(await repos.telegram.unlink(555_000_111, { userId: v.id })).to.equal(true);
      expect(await repos.telegram.findLink(555_000_111)).to.equal(null);
    });

    it("refuses an expired code", async () => {
      const u = await makeUser(repos);
      const code = issueToken("", 9);
      await repos.telegram.createLinkCode(u.id, code.hash, new Date(Date.now() + 600_000));
      await t.db.query(`UPDATE telegram_link_codes SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE code_hash = $1`, [code.hash]);
      expect(await repos.telegram.consumeLinkCode(code.hash, 555_000_200, null)).to.equal(null);
    });

    it("finds deliveries due at each chat's local time, once per local day", async () => {
      const u = await makeUser(repos);
      const p = await makeProfile(repos, u);
      const chats = [555_000_301, 555_000_302, 555_000_303];
      for (const chat of chats) {
        const code = issueToken("", 9);
        await repos.telegram.createLinkCode(u.id, code.hash, new Date(Date.now() + 600_000));
        await repos.telegram.consumeLinkCode(code.hash, chat, null);
      }
      // 06:30 UTC: Tehran (+03:30) is at 10:00, London at 06:30, Los Angeles (-08:00) at 22:30 the day before.
      await repos.telegram.setPreferences(chats[0]!, { dailyEnabled: true, deliveryTime: "08:00", timezoneOffsetMinutes: 210, profileId: p.id });
      await repos.telegram.setPreferences(chats[1]!, { dailyEnabled: true, deliveryTime: "08:00", timezoneOffsetMinutes: 0 });
      await repos.telegram.setPreferences(chats[2]!, { dailyEnabled: true, deliveryTime: "22:00", timezoneOffsetMinutes: -480 });
      const now = new Date("2026-06-01T06:30:00Z");
      const due = (await repos.telegram.pendingDeliveries(now)).filter((d) => chats.includes(d.chatId));
      expect(due.map((d) => [d.chatId, d.localDate])).to.deep.equal([
        [chats[0], "2026-06-01"],
        [chats[2], "2026-05-31"],
      ]);
      expect(due[0]).to.deep.include({ profileId: p.id, deliveryTime: "08:00", userId: u.id });
      expect(await repos.telegram.markDelivered(chats[0]!, "2026-06-01")).to.equal(true);
      expect((await repos.telegram.pendingDeliveries(now)).map((d) => d.chatId)).not.to.include(chats[0]);
      // A partial update keeps the rest.
      const prefs = await repos.telegram.setPreferences(chats[0]!, { deliveryTime: "09:15" });
      expect(prefs).to.deep.include({ dailyEnabled: true, deliveryTime: "09:15", timezoneOffsetMinutes: 210, profileId: p.id, lastDeliveredDate: "2026-06-01" });
      expect(await repos.telegram.activeChatIds()).to.include.members(chats);
    });
  });

  describe("audit log", () => {
    it("appends and lists newest first with filters; a non-IP address goes to details", async () => {
      const u = await makeUser(repos);
      await repos.audit.append({ action: "auth.login", success: true, actorId: u.id, actorUsername: u.username, ipAddress: "::ffff:10.0.0.7" });
      await repos.audit.append({ action: "auth.failed", success: false, actorUsername: u.username, ipAddress: "203.0.113.9", details: { reason: "bad password" } });
      await repos.audit.append({ action: "telegram.command", success: true, ipAddress: "telegram" });
      const mine = await repos.audit.list({ actorId: u.id });
      expect(mine.items.map((e) => [e.action, e.ipAddress, e.severity])).to.deep.equal([["auth.login", "10.0.0.7", "info"]]);
      const failures = await repos.audit.list({ success: false, action: "auth.failed" });
      expect(failures.items[0]).to.deep.include({ ipAddress: "203.0.113.9", severity: "warning", details: { reason: "bad password" } });
      const bot = await repos.audit.list({ action: "telegram.command" });
      expect(bot.items[0]).to.deep.include({ ipAddress: null, details: { source: "telegram" } });
      expect(await repos.audit.countFailuresSince(new Date(Date.now() - 60_000))).to.be.at.least(1);
      expect((await repos.audit.list({ limit: 200 })).limit).to.equal(200);
    });
  });

  it("platform stats count everything in one go", async () => {
    const u = await makeUser(repos);
    await makeProfile(repos, u);
    await repos.readings.create({ ownerId: u.id, readingType: "time", result: {} });
    await repos.audit.append({ action: "auth.failed", success: false });
    const s = await repos.platformStats();
    expect(s.readings.total).to.be.greaterThan(0);
    expect(s.readings.byType.time).to.be.greaterThan(0);
    expect(s.users.total).to.be.greaterThan(0);
    expect(s.users.total).to.equal(s.users.active + s.users.inactive);
    expect(s.profiles).to.be.greaterThan(0);
    expect(s.failures24h).to.be.at.least(1);
    expect(s.databaseBytes).to.be.greaterThan(1_000_000);
  });
});
