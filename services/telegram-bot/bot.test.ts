import { expect } from "chai";
import { useTestDatabase } from "../lib/testing/test-database";
import { startNpsProcess } from "../lib/testing/nps-process";
import { freePort } from "../lib/cache/test-redis-server";
import { COMMANDS } from "./commands";
import { readingUrl } from "./format";
import { hashToken } from "../lib/crypto/tokens";
import pkg from "../../package.json";
import { TEXTS } from "./text";
import { BotWorld, FRONTEND, plain, SERVICE_KEY, type Person } from "./testing/bot-world";

/** A number the texts are filled with where the reply has a figure the test does not know. */
const N = 987_654_321;

/** A reply's text as a pattern: the text with each N (and "LAST") standing for any figure. */
function filled(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped.replaceAll(String(N), "\\d+").replace("LAST", ".+")}$`);
}

/** The bot against the local Bot API, a real API process and real PostgreSQL. */
describe("telegram bot", function () {
  this.timeout(120_000);
  const t = useTestDatabase();
  const world = new BotWorld();
  let main: ReturnType<BotWorld["newBot"]>;
  let adminChat: Person;

  before(async () => {
    await world.start(t.url);
    main = world.newBot();
    main.bot.startPolling();
    adminChat = await world.person({ role: "admin" });
    await main.bot.registerCommands(String(adminChat.chatId));
  });
  after(() => world.stop());

  for (const lang of ["en", "fa"] as const) {
    const language = lang === "en" ? "English" : "Persian";
    const T = TEXTS[lang];

    /** A linked person answered in `lang`: Persian is the account's own setting, as its user picks it. */
    const speaker = async (options: Parameters<BotWorld["account"]>[0] = {}): Promise<Person> => {
      const p = await world.person({ ...options, languageCode: lang });
      if (lang === "fa") expect((await p.say("/language fa")).text).to.equal(TEXTS.fa.languageSet);
      return p;
    };

    it(`links a chat with a one-time code in ${language}; an unknown or used code gets a one-line answer`, async () => {
      const p = await world.account({ languageCode: lang });
      // Not linked yet: the Telegram user's own language.
      expect((await p.say("/start")).text).to.equal(`${plain(T.welcome(null))}\n\n${plain(T.notLinked)}`);
      expect((await p.say("/status")).text).to.equal(plain(T.notLinked));
      expect((await p.say("/link")).text).to.equal(plain(T.linkUsage));
      expect((await p.say("/link not-a-real-code-123")).text).to.equal(plain(T.linkBadCode));
      await world.rest("PUT", "/api/settings", { locale: lang }, p.token);
      const code = (await world.rest("POST", "/api/telegram/link-code", {}, p.token)).code as string;
      expect((await p.say(`/link ${code}`)).text).to.equal(plain(T.linked(p.username)));
      const other = await world.account({ languageCode: lang });
      expect((await other.say(`/link ${code}`)).text).to.equal(plain(T.linkBadCode));
      expect((await p.say("/start")).text).to.equal(plain(T.welcome(p.username)));
      const status = (await p.say("/status")).text;
      expect(status).to.equal(
        plain(T.status({ username: p.username, role: T.labels.roles.user, profiles: 1, readings: 0, daily: T.dailyState({ on: false, time: "08:00", offset: "+00:00" }), language: T.labels.language })),
      );
    });

    it(`an expired code (${language}): the one line saying to get a new code and send /link CODE`, async () => {
      const p = await world.account({ languageCode: lang });
      const code = (await world.rest("POST", "/api/telegram/link-code", {}, p.token)).code as string;
      await t.db.query("UPDATE telegram_link_codes SET created_at = now() - interval '1 hour', expires_at = now() - interval '1 minute' WHERE code_hash = $1", [hashToken(code)]);
      expect((await p.say(`/link ${code}`)).text).to.equal(plain(T.linkBadCode));
      expect(T.linkBadCode).to.contain("/link");
      expect((await p.say("/status")).text).to.equal(plain(T.notLinked));
    });

    it(`/history pages through the readings with inline buttons, in ${language}`, async () => {
      const p = await speaker();
      expect((await p.say("/history")).text).to.equal(plain(T.historyEmpty));
      const profile = ((await world.rest("GET", "/api/oracle/profiles", undefined, p.token)).profiles as Array<{ id: string }>)[0]!.id;
      for (let i = 0; i < 7; i++) await world.rest("POST", "/api/oracle/readings", { reading_type: "time", profile_id: profile, include_ai: false, time: `10:0${i}` }, p.token);
      const first = await p.say("/history");
      const [title, ...lines] = first.text.split("\n");
      expect(title).to.equal(plain(T.historyTitle(1, 2)));
      expect(lines).to.have.length(5);
      lines.forEach((l, i) => expect(l).to.match(new RegExp(`^${i + 1}\\. ${T.labels.reading.time} · \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d`)));
      expect(first.buttons).to.deep.equal([{ text: T.older, callback_data: "history:5" }]);
      const second = await p.tap(first, "history:5");
      expect(second.text.split("\n")[0]).to.equal(plain(T.historyTitle(2, 2)));
      expect(second.text).to.contain("6. ").and.contain("7. ");
      expect(second.buttons).to.deep.equal([{ text: T.newer, callback_data: "history:0" }]);
    });

    it(`/compare two to five of the user's own profiles, in ${language}`, async () => {
      const p = await speaker({ profiles: ["Alice Johnson", "Bob Smith", "Cara Diaz"] });
      const classes = Object.values(T.labels.compatibilityClass).join("|");
      const two = await p.say("/compare Alice Johnson, Bob Smith");
      expect(two.text.split("\n")[0]).to.equal(T.labels.reading.multi);
      expect(two.text).to.match(new RegExp(`^Alice Johnson \\+ Bob Smith: \\d+% (${classes})$`, "m"));
      expect(two.text).to.contain(T.labels.fullReading);
      // Persian users separate names with the Arabic comma.
      const three = await p.say(lang === "fa" ? "/compare alice، bob، cara" : "/compare alice, bob, cara");
      expect(three.text.split("\n").filter((l) => new RegExp(`: \\d+% (${classes})$`).test(l))).to.have.length(3);
      expect(three.text).to.match(new RegExp(`^${T.labels.compatibility} \\d+%$`, "m"));
      expect((await p.say("/compare Alice")).text).to.equal(plain(T.compareUsage));
      expect((await p.say("/compare Alice, Nobody")).text).to.equal(plain(T.compareUnknown("Nobody")));
    });

    it(`administrators in ${language}: figures, accounts page by page, a broadcast after a confirmation`, async () => {
      const admin = await speaker({ role: "admin" });
      const listener = await world.person();
      const stats = await admin.say("/admin_stats");
      expect(stats.text).to.match(filled(plain([T.statsTitle, T.stats({ users: N, profiles: N, chats: N, today: N, total: N, last: "LAST" })].join("\n"))));
      // More than one page of accounts, then the newest account, deactivated, heads the first page.
      const total = (await world.rest("GET", "/api/users?limit=1")).total as number;
      for (let i = total; i < 11; i++) await world.account({ profiles: [] });
      const gone = await world.rest("POST", "/api/auth/register", { username: `tg_gone_${lang}_${Date.now() % 1e6}`, password: "pw-gone-account", role: "user" });
      await world.rest("PATCH", `/api/users/${gone.id as string}`, { is_active: false });
      const users = await admin.say("/admin_users");
      const [title, ...rows] = users.text.split("\n");
      expect(title).to.match(filled(plain(T.usersTitle(1, N, N))));
      expect(rows).to.have.length(10);
      expect(rows[0]).to.equal(plain(T.userLine({ n: 1, username: gone.username as string, role: T.labels.roles.user, active: false, readings: 0 })));
      expect(users.buttons).to.deep.equal([{ text: T.older, callback_data: "users:10" }]);
      const page2 = await admin.tap(users, "users:10");
      expect(page2.text.split("\n")[0]).to.match(filled(plain(T.usersTitle(2, N, N))));
      expect(page2.text.split("\n")[1]).to.match(/^11\. /);
      expect(page2.buttons[0]).to.deep.equal({ text: T.newer, callback_data: "users:0" });

      expect((await admin.say("/admin_broadcast")).text).to.equal(plain(T.broadcastUsage));
      const words = `Maintenance at 22:00 <UTC> (${lang})`;
      const ask = await admin.say(`/admin_broadcast ${words}`);
      expect(ask.text).to.equal(`${T.broadcastConfirm}\n\n${words}`);
      expect(ask.buttons.map((b) => b.text)).to.deep.equal([T.broadcastSend, T.broadcastCancel]);
      expect((await admin.tap(ask, "broadcast:cancel")).text).to.equal(T.broadcastCancelled);
      expect((await listener.received()).map((m) => m.text)).not.to.include(words);
      const again = await admin.say(`/admin_broadcast ${words}`);
      const done = await admin.tap(again, "broadcast:send");
      // Chats that blocked the bot in other tests may be counted as not reached.
      expect([T.broadcastDone(N, 0), T.broadcastDone(N, N)].some((d) => filled(d).test(done.text)), done.text).to.equal(true);
      expect((await listener.received()).map((m) => m.text)).to.include(words);
      const audit = await world.rest("GET", "/api/admin/audit?action=telegram.broadcast");
      expect(JSON.stringify(audit)).to.contain("telegram.broadcast");
    });

    it(`answers every user command in ${lang === "en" ? "English" : "Persian"}`, async () => {
      const strip = plain;
      const p = await world.person({ profiles: ["Alice Johnson", "Bob Smith"], languageCode: lang });
      if (lang === "fa") expect((await p.say("/language fa")).text).to.equal(TEXTS.fa.languageSet);
      const status = (await p.say("/status")).text;
      expect(status).to.contain(p.username).and.contain(T.labels.language);
      expect((await p.say("/help")).text).to.contain(strip(T.helpTitle)).and.contain(T.commands.compare!).and.not.contain("/admin_stats");
      expect((await p.say("/profile")).text).to.contain("Alice Johnson").and.contain("Bob Smith");
      const time = await p.say("/time 14:30 2026-02-09");
      expect(time.text).to.contain("FC60").and.contain(T.labels.lifePath).and.contain(T.labels.fullReading);
      expect(time.buttons[0]?.url).to.match(new RegExp(`^${FRONTEND}/readings/[0-9a-f-]{36}$`));
      expect((await p.say("/name")).text).to.contain("Alice Johnson").and.contain(T.labels.expression);
      expect((await p.say("/name Maryam Rostami")).text).to.contain("Maryam Rostami");
      expect((await p.say("/question Will the move go well?")).text).to.contain(T.labels.questionNumber);
      const daily = await p.say("/daily");
      expect(daily.text).to.contain(`${T.labels.dailyFor} Alice Johnson`);
      expect((await p.say("/daily_on")).text).to.equal(T.dailyState({ on: true, time: "08:00", offset: "+00:00" }));
      expect((await p.say("/daily_time 07:15")).text).to.equal(T.dailyState({ on: true, time: "07:15", offset: "+00:00" }));
      expect((await p.say("/timezone +03:30")).text).to.equal(T.dailyState({ on: true, time: "07:15", offset: "+03:30" }));
      expect((await p.say("/daily_off")).text).to.equal(T.dailyState({ on: false, time: "07:15", offset: "+03:30" }));
      // Bad input: one line saying what to type instead.
      expect((await p.say("/time 25:00")).text).to.equal(strip(T.timeUsage));
      expect((await p.say("/time 12:00 1970-01-01")).text).to.equal(T.badDate);
      expect((await p.say("/timezone Mars")).text).to.equal(strip(T.timezoneUsage));
      expect((await p.say("/frobnicate")).text).to.equal(strip(T.unknownCommand("frobnicate")));
      expect((await p.say("/admin_stats")).text).to.equal(T.adminOnly);
      expect((await p.say("hello there")).text).to.equal(T.notCommand);
    });

    it(`/chart in ${lang === "en" ? "English" : "Persian"}: the key numbers and the link, for a profile or a name in any script`, async () => {
      const strip = plain;
      const p = await world.person({ profiles: ["Alice Johnson"], languageCode: lang });
      if (lang === "fa") expect((await p.say("/language fa")).text).to.equal(TEXTS.fa.languageSet);
      const chart = await p.say("/chart");
      expect(chart.text).to.contain(T.labels.reading.chart!).and.contain("Alice Johnson").and.contain(`${T.labels.maturity} `).and.contain(T.labels.personalYear);
      expect(chart.buttons[0]?.url).to.match(new RegExp(`^${FRONTEND}/readings/[0-9a-f-]{36}$`));
      // Another script: its Latin form is counted and shown beside it.
      const cyrillic = (await p.say("/chart Иван Петров 1988-03-02")).text;
      expect(cyrillic).to.contain("Иван Петров (Ivan Petrov)").and.contain(`${T.labels.lifePath} `);
      expect((await p.say("/chart Ivan")).text).to.equal(strip(T.chartUsage));
      // Letters no system can place are named, never counted as nothing.
      expect((await p.say("/chart Ƨam Ƽoe 1990-01-01")).text).to.contain(strip(T.chartRefused(""))).and.contain('"Ƨ", "Ƽ"');
    });
  }

  it("/unlink, then the chat is told how to link again", async () => {
    const p = await world.person({ languageCode: "fa" });
    expect((await p.say("/unlink")).text).to.equal(plain(TEXTS.en.unlinked));
    // Not linked any more: the Telegram user's own language.
    expect((await p.say("/daily")).text).to.equal(plain(TEXTS.fa.notLinked));
  });

  it("the limits: 20 messages a minute and 10 readings an hour per chat", async () => {
    const p = await world.person();
    for (let i = 0; i < 10; i++) expect((await p.say(`/time 0${i}:00`)).text).to.contain("FC60");
    expect((await p.say("/time 11:00")).text).to.equal(TEXTS.en.readingLimit);
    // 12 messages so far (the link included); 8 more pass, the 21st is told once, the 22nd not at all.
    for (let i = 0; i < 8; i++) await p.say("/status");
    await p.tg.sendMessage(p.tg.makeMessage("/status"));
    await p.tg.sendMessage(p.tg.makeMessage("/status"));
    const replies = (await p.tg.getUpdates()).result;
    await new Promise((r) => setTimeout(r, 500));
    const late = await p.received();
    expect(replies.map((u) => (u as { message: { text: string } }).message.text)).to.deep.equal([TEXTS.en.slowDown]);
    expect(late.at(-1)?.text).to.equal(TEXTS.en.slowDown);
    const limited = await main.metrics.rateLimited.get();
    expect(limited.values.map((v) => v.labels.limit)).to.include.members(["messages", "readings"]);
  });

  it("waits out a 429 from the Bot API (retry_after) and still answers", async () => {
    const p = await world.person();
    const before = world.tg.calls.get("sendMessage") ?? 0;
    world.tg.failNext("sendMessage", { status: 429, description: "Too Many Requests: retry after 1", retryAfter: 1 }, p.chatId);
    expect((await p.say("/status")).text).to.contain(p.username);
    expect((world.tg.calls.get("sendMessage") ?? 0) - before).to.equal(2);
  });

  /** An offset that puts the chat's clock at `hour`:xx now (within Telegram users' -12:00..+14:00). */
  const offsetFor = (hour: number): number => {
    const now = new Date();
    let offset = hour * 60 - (now.getUTCHours() * 60 + now.getUTCMinutes());
    if (offset < -720) offset += 1440;
    if (offset > 720) offset -= 1440;
    return offset;
  };

  it("sends the daily message at each chat's own time, once, however many bots run", async () => {
    const due = await world.person({ profiles: ["Dana Due"] });
    const later = await world.person({ profiles: ["Lee Later"] });
    await world.rest("PUT", `/api/telegram/links/${due.chatId}/preferences`, { daily_enabled: true, delivery_time: "12:00", timezone_offset_minutes: offsetFor(13) }, due.token);
    await world.rest("PUT", `/api/telegram/links/${later.chatId}/preferences`, { daily_enabled: true, delivery_time: "12:00", timezone_offset_minutes: offsetFor(1) }, later.token);
    const second = world.newBot();
    const rounds = await Promise.all([main.delivery.runOnce(), second.delivery.runOnce(), main.delivery.runOnce()]);
    expect(rounds.reduce((n, r) => n + r.sent, 0)).to.equal(1);
    const got = (await due.received()).filter((m) => m.text.includes(TEXTS.en.labels.dailyFor));
    expect(got).to.have.length(1);
    expect(got[0]!.text).to.contain("Dana Due").and.contain(TEXTS.en.labels.lifePath);
    const history = (await world.rest("GET", "/api/oracle/readings?reading_type=daily", undefined, due.token)).readings as Array<{ id: string }>;
    expect(history).to.have.length(1);
    expect(got[0]!.buttons[0]?.url).to.equal(readingUrl(FRONTEND, history[0]!.id));
    expect((await later.received()).filter((m) => m.text.includes(TEXTS.en.labels.dailyFor))).to.have.length(0);
    expect((await main.delivery.runOnce()).sent).to.equal(0);
  });

  it("a user who blocked the bot stops getting daily messages; a long flood wait is retried next round", async () => {
    const blocked = await world.person({ profiles: ["Bo Blocked"] });
    const waited = await world.person({ profiles: ["Wes Wait"] });
    for (const p of [blocked, waited]) await world.rest("PUT", `/api/telegram/links/${p.chatId}/preferences`, { daily_enabled: true, delivery_time: "12:00", timezone_offset_minutes: offsetFor(13) }, p.token);
    world.tg.block(blocked.chatId);
    // Longer than the bot waits for: the send fails, the delivery is released.
    world.tg.failNext("sendMessage", { status: 429, description: "Too Many Requests: retry after 120", retryAfter: 120 }, waited.chatId);
    const first = await main.delivery.runOnce();
    expect(first).to.include({ sent: 0, blocked: 1, failed: 1 });
    const prefs = await world.rest("GET", `/api/telegram/links/${blocked.chatId}/preferences`, undefined, blocked.token);
    expect(prefs.daily_enabled).to.equal(false);
    const again = await main.delivery.runOnce();
    expect(again).to.include({ sent: 1, blocked: 0 });
    expect((await waited.received()).filter((m) => m.text.includes("Wes Wait"))).to.have.length(1);
  });

  it("registers its command menus with setMyCommands in both languages, and the admin commands in the admin chat", () => {
    // telegram-test-api does not know setMyCommands: the local front records the calls as Telegram would take them.
    const menus = world.tg.commandMenus;
    expect(menus.map((m) => m.language_code ?? "default")).to.deep.equal(["default", "fa", "default", "fa"]);
    for (const m of menus) {
      for (const c of m.commands) {
        expect(c.command).to.match(/^[a-z0-9_]{1,32}$/);
        expect(COMMANDS.has(c.command), c.command).to.equal(true);
        expect(c.description.length).to.be.within(3, 256);
      }
    }
    expect(menus[0]!.commands.map((c) => c.command)).to.deep.equal(menus[1]!.commands.map((c) => c.command)).and.include("chart").and.not.include("admin_stats");
    expect(menus[1]!.commands.map((c) => c.description)).to.deep.equal(menus[0]!.commands.map((c) => TEXTS.fa.commands[c.command]));
    expect(menus[2]!.scope).to.deep.equal({ type: "chat", chat_id: adminChat.chatId });
    expect(menus[2]!.commands.map((c) => c.command)).to.include.members(["admin_stats", "admin_users", "admin_broadcast"]);
    expect([...COMMANDS.keys()].sort()).to.deep.equal(menus[2]!.commands.map((c) => c.command).sort());
  });

  /** `nps start --only telegram-bot` as its container runs it, on the world's API, with its own token. */
  async function botProcess(adminChatId: number) {
    const token = `9${Math.floor(Math.random() * 1e8)}:process-bot`;
    const proc = await startNpsProcess(
      ["start", "--only", "telegram-bot"],
      { NPS_BOT_TOKEN: token, TELEGRAM_API_ROOT: world.tg.apiRoot, TELEGRAM_BOT_API_URL: `${world.apiUrl}/api`, TELEGRAM_BOT_SERVICE_KEY: SERVICE_KEY, NPS_BOT_METRICS_PORT: String(await freePort()), NPS_ADMIN_CHAT_ID: String(adminChatId) },
      "telegram bot serving",
    );
    const notices = async () => (await world.tg.client(token, adminChatId).getUpdatesHistory()).map((u) => (u as { message: { text?: string } }).message.text);
    return { token, proc, notices };
  }

  it("nps start --only telegram-bot: health, readiness, metrics, start and stop notices", async () => {
    const admin = 880_000_001;
    const { token, proc, notices } = await botProcess(admin);
    try {
      const side = `http://127.0.0.1:${String(proc.serving.port)}`;
      expect((await fetch(`${side}/health`)).status).to.equal(200);
      expect((await fetch(`${side}/ready`)).status).to.equal(200);
      const user = world.tg.client(token, 880_000_002);
      await user.sendMessage(user.makeMessage("/start"));
      expect(((await user.getUpdates()).result[0] as { message: { text: string } }).message.text).to.contain("NPS Oracle");
      const metrics = await (await fetch(`${side}/metrics`)).text();
      expect(metrics).to.match(/nps_telegram_bot_commands_total\{[^}]*command="start"[^}]*outcome="ok"[^}]*\} 1/);
    } finally {
      expect(await proc.stop()).to.equal(0);
    }
    // An admin chat that is not linked: English.
    expect(await notices()).to.include.members([TEXTS.en.notices.started(pkg.version), TEXTS.en.notices.stopping]);
  });

  it("the start and stop notices are Persian when the admin chat's account reads Persian", async () => {
    const admin = await world.person({ role: "admin", languageCode: "fa" });
    expect((await admin.say("/language fa")).text).to.equal(TEXTS.fa.languageSet);
    const { proc, notices } = await botProcess(admin.chatId);
    expect(await proc.stop()).to.equal(0);
    expect(await notices()).to.deep.equal([TEXTS.fa.notices.started(pkg.version), TEXTS.fa.notices.stopping]);
  });

  it("the API away: the bot answers try again and keeps going", async () => {
    const p = await world.person();
    await world.api.stop();
    expect((await p.say("/status")).text).to.equal(TEXTS.en.tryAgain);
    expect((await p.say("/daily")).text).to.equal(TEXTS.en.tryAgain);
  });
});
