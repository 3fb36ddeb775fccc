import { expect } from "chai";
import { useTestDatabase } from "../lib/testing/test-database";
import { startNpsProcess } from "../lib/testing/nps-process";
import { freePort } from "../lib/cache/test-redis-server";
import { COMMANDS } from "./commands";
import { readingUrl } from "./format";
import { TEXTS } from "./text";
import { BotWorld, FRONTEND, plain, SERVICE_KEY, type Person } from "./testing/bot-world";

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

  it("links a chat with a one-time code; an unknown or used code gets a one-line answer", async () => {
    const p = await world.account();
    expect((await p.say("/start")).text).to.contain(plain(TEXTS.en.notLinked));
    expect((await p.say("/status")).text).to.equal(plain(TEXTS.en.notLinked));
    expect((await p.say("/link")).text).to.equal("Send /link CODE with the code from the web page (Settings → Telegram).");
    expect((await p.say("/link not-a-real-code-123")).text).to.contain("unknown, used or expired");
    const code = (await world.rest("POST", "/api/telegram/link-code", {}, p.token)).code as string;
    expect((await p.say(`/link ${code}`)).text).to.equal(`Linked to ${p.username}. Try /daily or /help.`);
    const other = await world.account();
    expect((await other.say(`/link ${code}`)).text).to.contain("unknown, used or expired");
    expect((await p.say("/start")).text).to.contain(`Welcome back, ${p.username}`);
  });

  for (const lang of ["en", "fa"] as const) {
    it(`answers every user command in ${lang === "en" ? "English" : "Persian"}`, async () => {
      const T = TEXTS[lang];
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
      const T = TEXTS[lang];
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

  it("/history pages through the readings with inline buttons", async () => {
    const p = await world.person();
    const profile = ((await world.rest("GET", "/api/oracle/profiles", undefined, p.token)).profiles as Array<{ id: string }>)[0]!.id;
    for (let i = 0; i < 7; i++) await world.rest("POST", "/api/oracle/readings", { reading_type: "time", profile_id: profile, include_ai: false, time: `10:0${i}` }, p.token);
    const first = await p.say("/history");
    expect(first.text).to.contain("page 1 of 2");
    expect(first.text.split("\n").filter((l) => /^\d+\. /.test(l))).to.have.length(5);
    expect(first.buttons.map((b) => b.callback_data)).to.deep.equal(["history:5"]);
    const second = await p.tap(first, "history:5");
    expect(second.text).to.contain("page 2 of 2").and.contain("6. ").and.contain("7. ");
    expect(second.buttons.map((b) => b.callback_data)).to.deep.equal(["history:0"]);
  });

  it("/compare two to five of the user's own profiles", async () => {
    const p = await world.person({ profiles: ["Alice Johnson", "Bob Smith", "Cara Diaz"] });
    const two = await p.say("/compare Alice Johnson, Bob Smith");
    expect(two.text).to.match(/Alice Johnson \+ Bob Smith: \d+%/);
    const three = await p.say("/compare alice, bob, cara");
    expect(three.text).to.contain(TEXTS.en.labels.compatibility);
    expect((await p.say("/compare Alice")).text).to.contain("2 to 5");
    expect((await p.say("/compare Alice, Nobody")).text).to.equal('No profile of yours is called "Nobody". /profile lists them.');
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

  it("administrators: figures, accounts page by page, a broadcast after a confirmation", async () => {
    const listener = await world.person();
    expect((await adminChat.say("/admin_stats")).text).to.contain("Linked chats:");
    const users = await adminChat.say("/admin_users");
    expect(users.text).to.match(/Accounts: \d+ \(page 1 of \d+\)/);
    expect((await adminChat.say("/admin_broadcast")).text).to.equal("Send /admin_broadcast TEXT.");
    const ask = await adminChat.say("/admin_broadcast Maintenance at 22:00 <UTC>");
    expect(ask.text).to.equal(`${TEXTS.en.broadcastConfirm}\n\nMaintenance at 22:00 <UTC>`);
    expect((await adminChat.tap(ask, "broadcast:cancel")).text).to.equal(TEXTS.en.broadcastCancelled);
    expect((await listener.received()).map((m) => m.text)).not.to.include("Maintenance at 22:00 <UTC>");
    const again = await adminChat.say("/admin_broadcast Maintenance at 22:00 <UTC>");
    const done = await adminChat.tap(again, "broadcast:send");
    expect(done.text).to.match(/Broadcast sent to \d+ chats/);
    expect((await listener.received()).map((m) => m.text)).to.include("Maintenance at 22:00 <UTC>");
    const audit = await world.rest("GET", "/api/admin/audit?action=telegram.broadcast");
    expect(JSON.stringify(audit)).to.contain("telegram.broadcast");
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

  it("nps start --only telegram-bot: health, readiness, metrics, start and stop notices", async () => {
    const token = `9${Math.floor(Math.random() * 1e8)}:process-bot`;
    const admin = 880_000_001;
    const proc = await startNpsProcess(
      ["start", "--only", "telegram-bot"],
      { NPS_BOT_TOKEN: token, TELEGRAM_API_ROOT: world.tg.apiRoot, TELEGRAM_BOT_API_URL: `${world.apiUrl}/api`, TELEGRAM_BOT_SERVICE_KEY: SERVICE_KEY, NPS_BOT_METRICS_PORT: String(await freePort()), NPS_ADMIN_CHAT_ID: String(admin) },
      "telegram bot serving",
    );
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
    const notices = (await world.tg.client(token, admin).getUpdatesHistory()).map((u) => (u as { message: { text?: string } }).message.text);
    expect(notices).to.include.members([TEXTS.en.notices.started("4.0.0"), TEXTS.en.notices.stopping]);
  });

  it("the API away: the bot answers try again and keeps going", async () => {
    const p = await world.person();
    await world.api.stop();
    expect((await p.say("/status")).text).to.equal(TEXTS.en.tryAgain);
    expect((await p.say("/daily")).text).to.equal(TEXTS.en.tryAgain);
  });
});
