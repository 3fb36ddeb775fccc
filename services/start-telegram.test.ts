import { expect } from "chai";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { WORKLOADS, type HealthCheck } from "../infra/catalog";
import pkg from "../package.json";
import { freePort } from "./lib/cache/test-redis-server";
import { accepts, baseEnv, exitWithin, spawnNps, type SpawnedNps } from "./lib/testing/nps-process";
import { plain } from "./telegram-bot/testing/bot-world";
import { startLocalBotApi, type LocalBotApi } from "./telegram-bot/testing/local-bot-api";
import { TEXTS } from "./telegram-bot/text";

const ADMIN_PASSWORD = "first admin password";

/** The path the catalog says an orchestrator asks a service whether it is healthy on (its port is the config default, pinned in infra/catalog.test.ts). */
function healthPath(name: "telegram-bot" | "alerter" | "scheduler"): string {
  const check: HealthCheck = WORKLOADS[name].health;
  if (check.kind !== "http") throw new Error(`${name}: the catalog's health check is not HTTP`);
  return check.path;
}

/**
 * Plain `nps start` as `npm start` runs it on a fresh clone: the embedded database in a new data
 * directory, the bot and the alerter when a bot token is set, and a user of that same platform
 * linking a chat with a code its API issued. Every port is a free one, so a developer's own
 * `npm start` (on the default ports) or another job on this machine does not collide with it.
 */
describe("nps start: the bot and the alerter when Telegram is configured", function () {
  this.timeout(240_000);
  let tg: LocalBotApi;
  const dirs: string[] = [];
  const running: SpawnedNps[] = [];

  before(async () => {
    tg = await startLocalBotApi();
  });
  after(async () => {
    for (const p of running) if (p.child.exitCode === null) p.child.kill("SIGKILL");
    await tg?.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  /** `npm start` in a fresh data directory, every service on a free port. */
  async function npmStart(extra: Record<string, string>): Promise<{ npm: SpawnedNps; api: string; ports: Record<"scheduler" | "telegram-bot" | "alerter", number> }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-fresh-"));
    dirs.push(dir);
    const apiPort = await freePort();
    const ports = { scheduler: await freePort(), "telegram-bot": await freePort(), alerter: await freePort() };
    const env = baseEnv({
      NPS_DATA_DIR: dir,
      API_PORT: String(apiPort),
      ORACLE_GRPC_PORT: String(await freePort()),
      ORACLE_METRICS_PORT: String(await freePort()),
      NPS_SCHEDULER_METRICS_PORT: String(ports.scheduler),
      NPS_BOT_METRICS_PORT: String(ports["telegram-bot"]),
      NPS_ALERTER_PORT: String(ports.alerter),
      NPS_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ...extra,
    });
    // A fresh clone sets no TELEGRAM_ENABLED: the token alone decides.
    delete env.TELEGRAM_ENABLED;
    const npm = spawnNps(["start"], env, { command: "npm" });
    running.push(npm);
    await npm.waitForLog((l) => l.msg === "started", 180_000);
    return { npm, api: `http://127.0.0.1:${apiPort}`, ports };
  }

  async function stop(npm: SpawnedNps): Promise<void> {
    npm.child.kill("SIGTERM");
    expect(await exitWithin(npm, 60_000)).to.equal(0);
  }

  const services = (npm: SpawnedNps) => npm.logs.find((l) => l.msg === "started")?.services as string[];
  const healthy = async (port: number, p: string) => (await fetch(`http://127.0.0.1:${port}${p}`)).status;

  async function rest(base: string, method: string, route: string, body?: unknown, token?: string): Promise<Record<string, any>> {
    const res = await fetch(`${base}${route}`, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
    return JSON.parse(text) as Record<string, any>;
  }

  it("with NPS_BOT_TOKEN: the bot and the alerter run in it, answer /start and /link CODE, and the chat is linked", async () => {
    const token = `6${Math.floor(Math.random() * 1e8)}:${randomBytes(12).toString("hex")}`;
    const adminChat = 870_000_000 + Math.floor(Math.random() * 1_000_000);
    const { npm, api, ports } = await npmStart({ NPS_BOT_TOKEN: token, TELEGRAM_API_ROOT: tg.apiRoot, NPS_ADMIN_CHAT_ID: String(adminChat) });
    try {
      expect(services(npm)).to.include.members(["oracle", "api", "scheduler", "telegram-bot", "alerter"]);
      for (const name of ["telegram-bot", "alerter"] as const) expect(await healthy(ports[name], healthPath(name)), `${name} /health on :${ports[name]}`).to.equal(200);

      // A user of this platform signs in and asks its API for a link code, as the web page's Settings → Telegram does.
      const admin = (await rest(api, "POST", "/api/auth/login", { username: "admin", password: ADMIN_PASSWORD })).access_token as string;
      const username = `fresh_${randomBytes(4).toString("hex")}`;
      const password = `pw-${randomBytes(8).toString("hex")}`;
      await rest(api, "POST", "/api/auth/register", { username, password, role: "user" }, admin);
      const userToken = (await rest(api, "POST", "/api/auth/login", { username, password })).access_token as string;
      const code = (await rest(api, "POST", "/api/telegram/link-code", {}, userToken)).code as string;

      const chat = tg.client(token, adminChat + 1, { firstName: username, userName: username });
      const say = async (text: string): Promise<string> => {
        await chat.sendMessage(chat.makeMessage(text));
        const updates = (await chat.getUpdates()).result as Array<{ message: { text: string } }>;
        return plain(updates.at(-1)!.message.text);
      };
      expect(await say("/start")).to.equal(`${plain(TEXTS.en.welcome(null))}\n\n${plain(TEXTS.en.notLinked)}`);
      expect(await say("/status")).to.equal(plain(TEXTS.en.notLinked));
      expect(await say(`/link ${code}`)).to.equal(plain(TEXTS.en.linked(username)));
      // Linked: /status answers for that user.
      const status = await say("/status");
      expect(status.split("\n")[0]).to.equal(`${username} (user)`);
      expect(status).to.contain(TEXTS.en.labels.language);
      expect(await say("/start")).to.equal(plain(TEXTS.en.welcome(username)));
      const link = await rest(api, "GET", "/api/telegram/status", undefined, userToken);
      expect(link.chats.map((c: { chat_id: number }) => c.chat_id)).to.deep.equal([adminChat + 1]);
    } finally {
      await stop(npm);
    }
    for (const name of ["telegram-bot", "alerter"] as const) expect(await accepts(ports[name]), `${name} stopped`).to.equal(false);
    const notices = (await tg.client(token, adminChat).getUpdatesHistory()).map((u) => (u as { message: { text?: string } }).message.text);
    expect(notices).to.include.members([TEXTS.en.notices.started(pkg.version), TEXTS.en.notices.stopping]);
  });

  it("without a token: the scheduler runs, the bot and the alerter do not", async () => {
    // Set but empty, so a token in a `.env` where `npm start` runs (its variables never override set ones) cannot apply.
    const { npm, ports } = await npmStart({ NPS_BOT_TOKEN: "" });
    try {
      expect(services(npm)).to.include.members(["oracle", "api", "scheduler"]);
      expect(await healthy(ports.scheduler, healthPath("scheduler"))).to.equal(200);
      for (const name of ["telegram-bot", "alerter"] as const) {
        expect(services(npm)).not.to.include(name);
        expect(await accepts(ports[name]), `${name} on its port`).to.equal(false);
      }
    } finally {
      await stop(npm);
    }
  });
});
