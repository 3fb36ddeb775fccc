import { randomBytes } from "node:crypto";
import { Registry } from "prom-client";
import { freePort } from "../../lib/cache/test-redis-server";
import { silentLogger } from "../../lib/logger";
import { startNpsProcess, testSigningKey, type NpsProcess } from "../../lib/testing/nps-process";
import { BotApiClient } from "../api-client";
import { TelegramBot } from "../bot-app";
import { DailyDelivery } from "../delivery";
import { BotMetrics } from "../metrics";
import { startLocalBotApi, type LocalBotApi } from "./local-bot-api";

/**
 * The bot's world in tests: a real API process (`nps start --only api`) on the suite's own
 * PostgreSQL database, the local Bot API, and people who register, make profiles, ask the API for
 * a link code and link their Telegram chat by sending /link CODE to the bot, as users do.
 */

export const SERVICE_KEY = `bot-suite-${randomBytes(16).toString("hex")}`;
export const FRONTEND = "https://nps.example";
const ADMIN_PASSWORD = `admin-${randomBytes(8).toString("hex")}`;

type TgClient = ReturnType<LocalBotApi["client"]>;

/** What a Telegram user sees of an HTML message: the text without its tags, entities decoded. */
export function plain(html: string): string {
  return html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

export interface BotMessage {
  /** As the user sees it (telegram-test-api keeps the HTML the bot sent; Telegram would show this). */
  readonly text: string;
  readonly html: string;
  readonly messageId: number;
  readonly buttons: Array<{ text: string; callback_data?: string; url?: string }>;
}

export interface Person {
  readonly chatId: number;
  readonly username: string;
  readonly token: string;
  readonly tg: TgClient;
  /** Sends a message and answers the bot's reply. */
  say(text: string): Promise<BotMessage>;
  /** Taps a button on one of the bot's messages and answers that message as the bot edited it. */
  tap(message: BotMessage, data: string): Promise<BotMessage>;
  /** Every message the bot sent this chat so far. */
  received(): Promise<BotMessage[]>;
}

let chatSeq = 810_000_000 + Math.floor(Math.random() * 1_000_000);

function toMessage(u: { messageId?: number; message?: { text?: string; reply_markup?: unknown } }): BotMessage {
  let markup = u.message?.reply_markup as { inline_keyboard?: BotMessage["buttons"][] } | string | undefined;
  if (typeof markup === "string") markup = JSON.parse(markup) as { inline_keyboard?: BotMessage["buttons"][] };
  const html = u.message?.text ?? "";
  return { text: plain(html), html, messageId: Number(u.messageId), buttons: (markup?.inline_keyboard ?? []).flat() };
}

export class BotWorld {
  readonly token = `7${Math.floor(Math.random() * 1e8)}:${randomBytes(12).toString("hex")}`;
  api!: NpsProcess;
  apiUrl!: string;
  tg!: LocalBotApi;
  adminToken!: string;
  readonly bots: TelegramBot[] = [];

  async start(databaseUrl: string): Promise<void> {
    this.tg = await startLocalBotApi();
    this.api = await startNpsProcess(
      ["start", "--only", "api"],
      {
        DATABASE_URL: databaseUrl,
        API_SECRET_KEY: testSigningKey(),
        API_HOST: "127.0.0.1",
        API_PORT: "0",
        TELEGRAM_BOT_SERVICE_KEY: SERVICE_KEY,
        NPS_ADMIN_USERNAME: "admin",
        NPS_ADMIN_PASSWORD: ADMIN_PASSWORD,
        ORACLE_GRPC_HOST: "127.0.0.1",
        ORACLE_GRPC_PORT: String(await freePort()),
        NPS_ENCRYPTION_KEY: "c".repeat(64),
        NPS_ENCRYPTION_SALT: "d".repeat(32),
        REDIS_URL: "",
        REDIS_HOST: "",
      },
      "api serving",
    );
    this.apiUrl = `http://127.0.0.1:${String(this.api.serving.port)}`;
    this.adminToken = (await this.rest("POST", "/api/auth/login", { username: "admin", password: ADMIN_PASSWORD })).access_token as string;
  }

  /** A bot on the local Bot API and the real API, as `nps start --only telegram-bot` builds it. */
  newBot(options: { messagesPerMinute?: number } = {}): { bot: TelegramBot; delivery: DailyDelivery; metrics: BotMetrics } {
    const metrics = new BotMetrics(new Registry());
    const client = new BotApiClient({ baseUrl: `${this.apiUrl}/api`, serviceKey: SERVICE_KEY });
    const bot = new TelegramBot({ token: this.token, apiRoot: this.tg.apiRoot, client, frontendUrl: FRONTEND, messagesPerMinute: options.messagesPerMinute ?? 20, metrics, logger: silentLogger });
    this.bots.push(bot);
    return { bot, delivery: new DailyDelivery({ client, bot, frontendUrl: FRONTEND, metrics, logger: silentLogger }), metrics };
  }

  async rest(method: string, path: string, body?: unknown, token = this.adminToken): Promise<Record<string, unknown> & { [k: string]: any }> {
    const res = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  /** A new account (with profiles), and a Telegram chat that is not linked yet. */
  async account(options: { role?: "user" | "admin"; profiles?: string[]; languageCode?: string } = {}): Promise<Person & { link(): Promise<BotMessage> }> {
    const username = `tg_${randomBytes(5).toString("hex")}`;
    const password = `pw-${randomBytes(8).toString("hex")}`;
    await this.rest("POST", "/api/auth/register", { username, password, role: options.role ?? "user" });
    const token = (await this.rest("POST", "/api/auth/login", { username, password }, "")).access_token as string;
    for (const [i, name] of (options.profiles ?? ["Alice Johnson"]).entries()) {
      await this.rest("POST", "/api/oracle/profiles", { name, birth_date: `19${80 + i}-0${(i % 9) + 1}-1${i}`, mother_name: `Mother of ${name}`, gender: "female" }, token);
    }
    const chatId = ++chatSeq;
    const tg = this.tg.client(this.token, chatId, { firstName: username, userName: username });
    const from = options.languageCode ? { from: { language_code: options.languageCode } } : {};
    const person: Person & { link(): Promise<BotMessage> } = {
      chatId,
      username,
      token,
      tg,
      say: async (text) => {
        await tg.sendMessage(tg.makeMessage(text, from as never));
        const updates = await tg.getUpdates();
        return toMessage(updates.result.at(-1) as never);
      },
      tap: async (message, data) => {
        await tg.sendCallback(tg.makeCallbackQuery(data, { message: { message_id: message.messageId, text: message.text } } as never));
        const deadline = Date.now() + 8_000;
        for (;;) {
          const all = (await person.received()).find((m) => m.messageId === message.messageId);
          if (all && (all.html !== message.html || JSON.stringify(all.buttons) !== JSON.stringify(message.buttons))) return all;
          if (Date.now() > deadline) throw new Error(`the bot did not edit message ${message.messageId}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      },
      received: async () => (await tg.getUpdatesHistory()).filter((u) => "message" in u && String((u.message as { chat_id?: unknown }).chat_id) === String(chatId) && (u as { updateId?: unknown; messageId?: unknown }).messageId !== undefined && !("from" in (u.message as object))).map((u) => toMessage(u as never)),
      link: async () => {
        const code = (await this.rest("POST", "/api/telegram/link-code", {}, token)).code as string;
        return person.say(`/link ${code}`);
      },
    };
    return person;
  }

  /** A linked person. */
  async person(options: Parameters<BotWorld["account"]>[0] = {}): Promise<Person> {
    const p = await this.account(options);
    await p.link();
    return p;
  }

  async stop(): Promise<void> {
    for (const b of this.bots) await b.stop();
    await this.api?.stop();
    await this.tg?.stop();
  }
}
