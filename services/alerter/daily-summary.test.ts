import { expect } from "chai";
import { createRegistry } from "../lib/metrics";
import { silentLogger } from "../lib/logger";
import { createTelegramApi } from "../lib/telegram/telegram-api";
import { startLocalBotApi, type LocalBotApi } from "../telegram-bot/testing/local-bot-api";
import { Cooldown } from "./cooldown";
import { DailySummary } from "./daily-summary";
import { Dispatcher } from "./dispatcher";
import { AlerterMetrics } from "./metrics";
import type { Notice } from "./notices";

/**
 * TELEGRAM_NOTIFY_DAILY with an injected clock, through the local Bot API: the summary goes to
 * the admin chat once at its time and tells what happened since the one before.
 */
describe("alerter: the daily summary (TELEGRAM_NOTIFY_DAILY), through the local Bot API", function () {
  this.timeout(30_000);
  const token = `7${Math.floor(Math.random() * 1e8)}:summary`;
  const adminChat = 990_000_077;
  let tg: LocalBotApi;

  before(async () => {
    tg = await startLocalBotApi();
  });
  after(() => tg?.stop());

  const texts = async () => (await tg.client(token, adminChat).getUpdatesHistory()).map((u) => String((u as { message: { text?: string } }).message.text ?? ""));
  // What the admin chat got, as sent (HTML parse mode).
  const summaries = async () => (await texts()).filter((t) => t.startsWith("<b>NPS daily summary</b>"));

  it("is sent once at its time, saying what was sent and held back; a summary Telegram refused is told with the next", async () => {
    let clock = new Date("2026-02-09T00:00:00Z");
    const now = () => clock;
    const telegram = createTelegramApi({ botToken: token, apiRoot: tg.apiRoot });
    const send = async (html: string) => void (await telegram.sendMessage({ chat_id: adminChat, text: html, parse_mode: "HTML" }));
    const dispatcher = new Dispatcher({
      settings: { enabled: true, notifyError: true },
      cooldown: new Cooldown(300_000, () => clock.getTime()),
      send,
      metrics: new AlerterMetrics(createRegistry("alerter")),
      logger: silentLogger,
    });
    let down: string[] = ["oracle"];
    const daily = new DailySummary({ hourUtc: 0, minute: 5, now, takeTally: () => dispatcher.takeTally(), restoreTally: (t) => dispatcher.restoreTally(t), down: () => down, send, logger: silentLogger });
    const alert = (status: Notice["status"], title = "NpsServiceDown <oracle>"): Notice => ({ source: "alertmanager", key: `am:${title}`, status, severity: "critical", title, summary: "oracle is down" });

    await dispatcher.deliver([alert("firing")]);
    clock = new Date("2026-02-09T00:01:00Z");
    await dispatcher.deliver([alert("firing")]); // a repeat within the cooldown
    await dispatcher.deliver([alert("resolved")]);

    clock = new Date("2026-02-09T00:04:59Z");
    expect(await daily.tick()).to.equal(false);
    expect(await summaries()).to.deep.equal([]);
    clock = new Date("2026-02-09T00:05:00Z");
    expect(await daily.tick()).to.equal(true);
    clock = new Date("2026-02-09T00:06:00Z");
    expect(await daily.tick()).to.equal(false);
    clock = new Date("2026-02-09T18:00:00Z");
    expect(await daily.tick()).to.equal(false);
    const [first, ...rest] = await summaries();
    expect(rest).to.deep.equal([]);
    expect(first).to.equal(
      ["<b>NPS daily summary</b>", "Alerts sent: 1 firing, 1 resolved.", "Held back: 1 (1 repeats within the cooldown).", "Fired: NpsServiceDown &lt;oracle&gt;.", "Unhealthy now: oracle."].join("\n"),
    );

    // The next day: one alert, and Telegram refuses the summary; the day after tells both days.
    await dispatcher.deliver([alert("firing", "NpsBackupMissing")]);
    clock = new Date("2026-02-10T00:05:00Z");
    tg.failNext("sendMessage", { status: 400, description: "Bad Request: message is too long" }, adminChat);
    expect(await daily.tick()).to.equal(false);
    down = [];
    await dispatcher.deliver([alert("firing", "NpsDailyReadingsLate")]);
    clock = new Date("2026-02-11T00:05:30Z");
    expect(await daily.tick()).to.equal(true);
    const all = await summaries();
    expect(all).to.have.length(2);
    expect(all[1]).to.equal(
      ["<b>NPS daily summary</b>", "Alerts sent: 2 firing, 0 resolved.", "Held back: 0.", "Fired: NpsBackupMissing, NpsDailyReadingsLate.", "Every watched service answers healthy."].join("\n"),
    );
  });

  it("a restart after the day's time does not tell that day again", async () => {
    const clock = new Date("2026-03-01T12:00:00Z");
    const sent: string[] = [];
    const daily = new DailySummary({ hourUtc: 0, minute: 5, now: () => clock, takeTally: () => new Dispatcher({ settings: { enabled: true, notifyError: true }, cooldown: new Cooldown(0), send: async () => undefined, metrics: new AlerterMetrics(createRegistry("alerter")), logger: silentLogger }).takeTally(), restoreTally: () => undefined, down: () => [], send: async (h) => void sent.push(h), logger: silentLogger });
    expect(await daily.tick()).to.equal(false);
    expect(sent).to.deep.equal([]);
  });
});
