import { expect } from "chai";
import request from "supertest";
import { useTestDatabase } from "../../lib/testing/test-database";
import { RELAXED_LIMITS, startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { client, createProfile } from "../oracle/testing/feature-client";

const SERVICE_KEY = "bot-service-key-for-the-telegram-suite-0123456789";

describe("telegram routes", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let alice: SignedInUser;
  let bob: SignedInUser;
  let admin: SignedInUser;
  let aliceProfile: string;
  let chatSeq = 700_000_000;

  before(async () => {
    api = await startTestApi(t.db, { env: { TELEGRAM_BOT_SERVICE_KEY: SERVICE_KEY } });
    [alice, bob, admin] = await Promise.all([api.signIn("user"), api.signIn("user"), api.signIn("admin")]);
    aliceProfile = await createProfile(api, alice, { name: "Telegram Alice" });
  });
  after(() => api.close());

  const bot = (key = SERVICE_KEY) => {
    const app = api.api.app;
    const auth = (r: request.Test) => r.set("Authorization", `Bearer ${key}`);
    return {
      get: (path: string) => auth(request(app).get(`/api/telegram/bot${path}`)),
      post: (path: string, body: object) => auth(request(app).post(`/api/telegram/bot${path}`)).send(body),
      put: (path: string, body: object) => auth(request(app).put(`/api/telegram/bot${path}`)).send(body),
      delete: (path: string) => auth(request(app).delete(`/api/telegram/bot${path}`)),
    };
  };

  /** Links a fresh chat to `who` the way a user does it: a code from the API, sent to the bot. */
  async function link(who: SignedInUser, username = "tg_user"): Promise<number> {
    const code = await client(api, who).post("/api/telegram/link-code");
    expect(code.status).to.equal(201);
    const chatId = ++chatSeq;
    const res = await bot().post("/link", { code: code.body.code, chat_id: chatId, telegram_username: username });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return chatId;
  }

  it("links a chat with a one-time code the user sends to the bot", async () => {
    const code = await client(api, alice).post("/api/telegram/link-code");
    expect(code.status).to.equal(201);
    expect(code.body.command).to.equal(`/link ${code.body.code}`);
    expect(Date.parse(code.body.expires_at)).to.be.greaterThan(Date.now());
    expect((await client(api).post("/api/telegram/link-code")).status).to.equal(401);
    const chatId = ++chatSeq;
    const res = await bot().post("/link", { code: code.body.code, chat_id: chatId, telegram_username: "alice_tg" });
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ chat_id: chatId, user_id: alice.user.id, username: alice.user.username, role: "user", telegram_username: "alice_tg" });

    const reused = await bot().post("/link", { code: code.body.code, chat_id: ++chatSeq });
    expect(reused.status).to.equal(400);
    expect(reused.body.error.fields).to.have.key("code");
    expect((await bot().post("/link", { code: "made-up-code", chat_id: chatSeq })).status).to.equal(400);

    const status = await client(api, alice).get("/api/telegram/status");
    expect(status.body.linked).to.equal(true);
    expect(status.body.chats.map((c: { chat_id: number }) => c.chat_id)).to.include(chatId);
    expect((await client(api, bob).get("/api/telegram/status")).body).to.deep.equal({ linked: false, chats: [] });
    const audit = await api.deps.repos.audit.list({ action: "telegram.link", resourceId: String(chatId) });
    expect(audit.items[0]?.actorId).to.equal(alice.user.id);
  });

  it("an expired code does not link", async () => {
    const code = await client(api, alice).post("/api/telegram/link-code");
    await api.deps.db.query("UPDATE telegram_link_codes SET created_at = now() - interval '1 hour', expires_at = now() - interval '1 minute'");
    expect((await bot().post("/link", { code: code.body.code, chat_id: ++chatSeq })).status).to.equal(400);
  });

  it("the bot's routes take only the service key; the service key is not an account's credential", async () => {
    expect((await request(api.api.app).get("/api/telegram/bot/daily/pending")).status).to.equal(401);
    expect((await bot("wrong-key").get("/daily/pending")).status).to.equal(401);
    expect((await bot(alice.token).get("/daily/pending")).status).to.equal(401);
    const admins = await request(api.api.app).get("/api/telegram/bot/daily/pending").set("Authorization", `Bearer ${admin.token}`);
    expect(admins.status).to.equal(401);
    expect((await request(api.api.app).get("/api/telegram/status").set("Authorization", `Bearer ${SERVICE_KEY}`)).status).to.equal(401);
    expect((await request(api.api.app).get("/api/oracle/profiles").set("Authorization", `Bearer ${SERVICE_KEY}`)).status).to.equal(401);
  });

  it("the bot's routes answer 503 when no service key is configured", async () => {
    const bare = await startTestApi(t.db);
    try {
      const res = await request(bare.api.app).get("/api/telegram/bot/daily/pending").set("Authorization", "Bearer ");
      expect(res.status).to.equal(503);
      expect((await request(bare.api.app).get("/api/telegram/bot/daily/pending").set("Authorization", "Bearer anything")).status).to.equal(503);
    } finally {
      await bare.close();
    }
  });

  it("status of a chat for the bot: linked or not, with the account's counts and locale", async () => {
    const chatId = await link(alice);
    await client(api, alice).put("/api/settings", { locale: "fa" });
    const res = await bot().get(`/chats/${chatId}`);
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ linked: true, chat_id: chatId, user_id: alice.user.id, role: "user", locale: "fa" });
    expect(res.body.profile_count).to.be.at.least(1);
    expect(res.body.preferences).to.include({ daily_enabled: false, delivery_time: "08:00" });
    expect(res.body.last_active_at).to.be.a("string");
    expect((await bot().get("/chats/123")).body).to.deep.equal({ linked: false, chat_id: 123 });
    expect((await bot().get("/chats/not-a-chat")).status).to.equal(400);
  });

  it("daily preferences, set by the bot or by the account; a profile must be the account's", async () => {
    const chatId = await link(alice);
    const byBot = await bot().put(`/chats/${chatId}/preferences`, { daily_enabled: true, delivery_time: "07:30", timezone_offset_minutes: 210 });
    expect(byBot.status).to.equal(200);
    expect(byBot.body).to.include({ chat_id: chatId, daily_enabled: true, delivery_time: "07:30", timezone_offset_minutes: 210, profile_id: null });
    const byAccount = await client(api, alice).put(`/api/telegram/links/${chatId}/preferences`, { profile_id: aliceProfile });
    expect(byAccount.body).to.include({ profile_id: aliceProfile, delivery_time: "07:30" });
    expect((await client(api, alice).get(`/api/telegram/links/${chatId}/preferences`)).body.profile_id).to.equal(aliceProfile);

    const bobsProfile = await createProfile(api, bob);
    expect((await bot().put(`/chats/${chatId}/preferences`, { profile_id: bobsProfile })).status).to.equal(404);
    expect((await client(api, bob).put(`/api/telegram/links/${chatId}/preferences`, { daily_enabled: false })).status).to.equal(404);
    expect((await client(api, bob).get(`/api/telegram/links/${chatId}/preferences`)).status).to.equal(404);
    const bad = await bot().put(`/chats/${chatId}/preferences`, { delivery_time: "7:30", timezone_offset_minutes: 900 });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.fields).to.have.keys(["delivery_time", "timezone_offset_minutes"]);
    expect((await bot().put(`/chats/${++chatSeq}/preferences`, { daily_enabled: true })).status).to.equal(404);
    expect((await bot().get(`/chats/${chatSeq}/preferences`)).status).to.equal(404);
    expect((await bot().get(`/chats/${chatId}/preferences`)).body).to.include({ daily_enabled: true, profile_id: aliceProfile });
  });

  it("due daily deliveries: listed, their reading made once, marked delivered", async () => {
    const carol = await api.signIn("user");
    const profile = await createProfile(api, carol, { name: "Carol Daily", timezone_offset_minutes: 0 });
    const chatId = await link(carol);
    await bot().put(`/chats/${chatId}/preferences`, { daily_enabled: true, delivery_time: "00:00", timezone_offset_minutes: 0 });

    const pending = await bot().get("/daily/pending");
    expect(pending.status).to.equal(200);
    const mine = pending.body.deliveries.find((d: { chat_id: number }) => d.chat_id === chatId);
    const today = new Date().toISOString().slice(0, 10);
    expect(mine).to.include({ user_id: carol.user.id, local_date: today, delivery_time: "00:00" });

    const first = await bot().post("/daily/reading", { chat_id: chatId });
    expect(first.status).to.equal(200);
    expect(first.body).to.include({ chat_id: chatId, date: today });
    expect(first.body.profile).to.deep.equal({ id: profile, name: "Carol Daily" });
    expect(first.body.reading).to.include({ reading_type: "daily", sign_value: today, owner_id: carol.user.id });
    expect(first.body.reading.ai_interpretation.sections.full_text).to.be.a("string");
    expect((await bot().post("/daily/reading", { chat_id: chatId })).body.reading.id).to.equal(first.body.reading.id);
    // The account sees it in its history.
    const history = await client(api, carol).get("/api/oracle/readings?reading_type=daily");
    expect(history.body.readings.map((r: { id: string }) => r.id)).to.include(first.body.reading.id);

    expect((await bot().post("/daily/delivered", { chat_id: chatId, delivered_date: today })).status).to.equal(204);
    const after = await bot().get("/daily/pending");
    expect(after.body.deliveries.map((d: { chat_id: number }) => d.chat_id)).not.to.include(chatId);
    expect((await bot().post("/daily/delivered", { chat_id: ++chatSeq, delivered_date: today })).status).to.equal(404);
    expect((await bot().post("/daily/delivered", { chat_id: chatId, delivered_date: "yesterday" })).status).to.equal(400);
  });

  it("a chat whose account has no profile has no daily reading (404)", async () => {
    const dave = await api.signIn("user");
    const chatId = await link(dave);
    const res = await bot().post("/daily/reading", { chat_id: chatId });
    expect(res.status).to.equal(404);
  });

  it("readings for a linked chat, with the account's reach and nothing more", async () => {
    const chatId = await link(alice);
    const made = await bot().post(`/chats/${chatId}/readings`, { reading_type: "time", profile_id: aliceProfile, include_ai: false });
    expect(made.status).to.equal(201);
    expect(made.body).to.include({ owner_id: alice.user.id, reading_type: "time" });
    const question = await bot().post(`/chats/${chatId}/readings`, { reading_type: "question", question: "Telegram asks?", include_ai: false });
    expect(question.status).to.equal(201);
    const bobsProfile = await createProfile(api, bob);
    expect((await bot().post(`/chats/${chatId}/readings`, { reading_type: "time", profile_id: bobsProfile })).status).to.equal(404);
    expect((await bot().post(`/chats/${chatId}/readings`, { reading_type: "nonsense" })).status).to.equal(400);

    const history = await bot().get(`/chats/${chatId}/readings?limit=2`);
    expect(history.status).to.equal(200);
    expect(history.body.readings.map((r: { id: string }) => r.id)).to.deep.equal([question.body.id, made.body.id]);
    expect(history.body.readings[0].question).to.equal("Telegram asks?");
    const profiles = await bot().get(`/chats/${chatId}/profiles`);
    expect(profiles.body.profiles.map((p: { id: string }) => p.id)).to.include(aliceProfile);
    expect(profiles.body.profiles.map((p: { id: string }) => p.id)).not.to.include(bobsProfile);
    expect((await bot().get(`/chats/${++chatSeq}/readings`)).status).to.equal(404);
    expect((await bot().get(`/chats/${chatSeq}/profiles`)).status).to.equal(404);
    expect((await bot().get(`/chats/${chatId}/readings?limit=21`)).status).to.equal(400);
  });

  it("even an administrator's chat reaches only the administrator's own data through the bot", async () => {
    const chatId = await link(admin);
    expect((await bot().post(`/chats/${chatId}/readings`, { reading_type: "time", profile_id: aliceProfile })).status).to.equal(404);
    const stats = await bot().get(`/chats/${chatId}/stats`);
    expect(stats.status).to.equal(200);
    expect(stats.body.linked_chats).to.be.at.least(1);
    const usersChat = await link(bob);
    expect((await bot().get(`/chats/${usersChat}/stats`)).status).to.equal(403);
  });

  it("unlinks: by the bot, by the account; another account's chat is a 404", async () => {
    const one = await link(alice);
    const two = await link(alice);
    expect((await client(api, bob).delete(`/api/telegram/links/${one}`)).status).to.equal(404);
    expect((await client(api, alice).delete(`/api/telegram/links/${one}`)).status).to.equal(204);
    expect((await bot().get(`/chats/${one}`)).body.linked).to.equal(false);
    expect((await bot().delete(`/chats/${two}`)).status).to.equal(204);
    expect((await bot().delete(`/chats/${two}`)).status).to.equal(404);
    expect((await client(api, alice).get("/api/telegram/status")).body.chats.map((c: { chat_id: number }) => c.chat_id)).not.to.include.members([one, two]);
  });

  it("a chat linked again moves to the new account", async () => {
    const chatId = await link(alice);
    const code = await client(api, bob).post("/api/telegram/link-code");
    const moved = await bot().post("/link", { code: code.body.code, chat_id: chatId });
    expect(moved.body.user_id).to.equal(bob.user.id);
    expect((await bot().get(`/chats/${chatId}`)).body.user_id).to.equal(bob.user.id);
  });

  it("claims a due delivery for exactly one of many senders; a release makes it due again", async () => {
    const erin = await api.signIn("user");
    await createProfile(api, erin, { name: "Erin Claim" });
    const chatId = await link(erin);
    await bot().put(`/chats/${chatId}/preferences`, { daily_enabled: true, delivery_time: "00:00", timezone_offset_minutes: 0 });
    const today = new Date().toISOString().slice(0, 10);
    const claims = await Promise.all(Array.from({ length: 6 }, () => bot().post("/daily/claim", { chat_id: chatId, date: today })));
    expect(claims.map((c) => c.status).sort()).to.deep.equal([200, 409, 409, 409, 409, 409]);
    expect((await bot().get("/daily/pending")).body.deliveries.map((d: { chat_id: number }) => d.chat_id)).not.to.include(chatId);
    expect((await bot().post("/daily/release", { chat_id: chatId, date: today })).status).to.equal(204);
    expect((await bot().post("/daily/release", { chat_id: chatId, date: today })).status).to.equal(409);
    expect((await bot().get("/daily/pending")).body.deliveries.map((d: { chat_id: number }) => d.chat_id)).to.include(chatId);
    await bot().put(`/chats/${chatId}/preferences`, { daily_enabled: false });
    expect((await bot().post("/daily/claim", { chat_id: chatId, date: today })).status).to.equal(409);
    const bad = await bot().post("/daily/claim", { chat_id: chatId, date: "2026-02-30" });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.fields).to.have.key("date");
  });

  it("sets the linked account's language", async () => {
    const chatId = await link(bob);
    expect((await bot().put(`/chats/${chatId}/locale`, { locale: "fa" })).body).to.deep.equal({ locale: "fa" });
    expect((await bot().get(`/chats/${chatId}`)).body.locale).to.equal("fa");
    expect((await client(api, bob).get("/api/settings")).body.settings.locale).to.equal("fa");
    const bad = await bot().put(`/chats/${chatId}/locale`, { locale: "de" });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.fields).to.have.key("locale");
    expect((await bot().put(`/chats/${++chatSeq}/locale`, { locale: "en" })).status).to.equal(404);
  });

  it("accounts page by page and a broadcast's recipients, for administrators' chats only", async () => {
    const adminChat = await link(admin);
    const usersChat = await link(bob);
    const first = await bot().get(`/chats/${adminChat}/users?limit=2`);
    expect(first.status).to.equal(200);
    expect(first.body.users).to.have.length(2);
    expect(first.body.total).to.be.at.least(3);
    const second = await bot().get(`/chats/${adminChat}/users?limit=2&offset=2`);
    expect(second.body.users.map((u: { id: string }) => u.id)).not.to.include.members(first.body.users.map((u: { id: string }) => u.id));
    expect((await bot().get(`/chats/${usersChat}/users`)).status).to.equal(403);
    expect((await bot().get(`/chats/${adminChat}/users?limit=51`)).status).to.equal(400);

    const sent = await bot().post(`/chats/${adminChat}/broadcast`, { text: "Maintenance tonight" });
    expect(sent.status).to.equal(200);
    expect(sent.body.chat_ids).to.include.members([adminChat, usersChat]);
    const audit = await api.deps.repos.audit.list({ action: "telegram.broadcast" });
    expect(audit.items[0]?.details).to.deep.include({ characters: "Maintenance tonight".length });
    expect(JSON.stringify(audit.items[0])).not.to.contain("Maintenance");
    expect((await bot().post(`/chats/${usersChat}/broadcast`, { text: "x" })).status).to.equal(403);
    expect((await bot().post(`/chats/${adminChat}/broadcast`, { text: "  " })).status).to.equal(400);
  });
});

describe("telegram routes under the API's general limit", function () {
  const t = useTestDatabase();
  it("the bot with its service key is not held to one address's limit; anyone else is", async () => {
    const api = await startTestApi(t.db, { env: { TELEGRAM_BOT_SERVICE_KEY: SERVICE_KEY }, limits: { ...RELAXED_LIMITS, general: { limit: 3, windowMs: 60_000 } } });
    try {
      const bot = () => request(api.api.app).get("/api/telegram/bot/daily/pending").set("Authorization", `Bearer ${SERVICE_KEY}`);
      for (let i = 0; i < 6; i++) expect((await bot()).status).to.equal(200);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await request(api.api.app).get("/api/telegram/bot/daily/pending").set("Authorization", "Bearer wrong")).status);
      expect(statuses).to.include(429);
    } finally {
      await api.close();
    }
  });
});
