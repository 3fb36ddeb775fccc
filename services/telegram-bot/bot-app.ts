import { Bot, type Context, type SetMyCommandsParams } from "node-telegram-bot-api";
import type { Logger } from "../lib/logger";
import { escapeHtml, isUnreachableChat, telegramTransport } from "../lib/telegram/telegram-api";
import { ApiCallError, type BotApiClient, type ChatStatus } from "./api-client";
import { splitCommand } from "./args";
import { ADMIN_COMMANDS, callbackHandlers, COMMANDS, USER_COMMANDS } from "./commands";
import type { BotEnv, CommandContext, Keyboard, Outcome } from "./commands/command";
import { MessageLimiter, ReadingLimiter } from "./limits";
import type { BotMetrics } from "./metrics";
import { langOf, TEXTS } from "./text";

/**
 * The bot itself on node-telegram-bot-api: every message passes the per-chat message limit, then
 * the chat's link status decides the language and what may run; commands and button taps go to
 * their handlers; any failure answers "try again" and never stops the bot.
 */

export interface TelegramBotOptions {
  readonly token: string;
  readonly apiRoot: string;
  readonly client: BotApiClient;
  readonly frontendUrl: string;
  readonly messagesPerMinute: number;
  readonly metrics: BotMetrics;
  readonly logger: Logger;
  /** Tests only: the fetch the Bot API calls go through. */
  readonly fetch?: typeof fetch;
}

/** The command menus to register: the users' commands in English (default) and Persian, and all of them in the admin chat. */
export function commandMenus(adminChatId: string): SetMyCommandsParams[] {
  const menu = (names: readonly string[], lang: "en" | "fa") => names.map((command) => ({ command, description: TEXTS[lang].commands[command] ?? command }));
  const menus: SetMyCommandsParams[] = [
    { commands: menu(USER_COMMANDS, "en") },
    { commands: menu(USER_COMMANDS, "fa"), language_code: "fa" },
  ];
  if (adminChatId) {
    const scope = { type: "chat" as const, chat_id: Number(adminChatId) };
    menus.push({ commands: menu([...USER_COMMANDS, ...ADMIN_COMMANDS], "en"), scope }, { commands: menu([...USER_COMMANDS, ...ADMIN_COMMANDS], "fa"), scope, language_code: "fa" });
  }
  return menus;
}

export class TelegramBot {
  readonly bot: Bot;
  private readonly env: BotEnv;
  private readonly messages: MessageLimiter;
  private readonly callbacks;
  private polling: Promise<void> | undefined;

  constructor(private readonly o: TelegramBotOptions) {
    this.bot = new Bot(o.token, telegramTransport({ apiRoot: o.apiRoot }, o.fetch ? { fetch: o.fetch } : {}));
    this.env = { api: o.client, frontendUrl: o.frontendUrl, readings: new ReadingLimiter() };
    this.messages = new MessageLimiter(o.messagesPerMinute);
    this.callbacks = callbackHandlers((chatId, html) => this.send(chatId, html, "broadcast"));
    this.bot.on("message", (ctx) => this.onMessage(ctx));
    this.bot.on("callback_query", (ctx) => this.onCallback(ctx));
    this.bot.catch((err) => o.logger.error({ err }, "telegram update failed"));
  }

  get api() {
    return this.bot.api;
  }

  /** Sends an HTML message; counts it by kind and outcome. */
  async send(chatId: number, html: string, kind: "reply" | "daily" | "broadcast" | "notice", keyboard?: Keyboard): Promise<void> {
    try {
      await this.bot.api.sendMessage({
        chat_id: chatId,
        text: html,
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(keyboard ? { reply_markup: { inline_keyboard: keyboard.inline_keyboard.map((row) => [...row]) } } : {}),
      });
      this.o.metrics.messagesSent.inc({ kind, outcome: "sent" });
    } catch (err) {
      this.o.metrics.messagesSent.inc({ kind, outcome: isUnreachableChat(err) ? "blocked" : "failed" });
      throw err;
    }
  }

  async registerCommands(adminChatId: string): Promise<void> {
    for (const menu of commandMenus(adminChatId)) await this.bot.api.setMyCommands(menu);
  }

  startPolling(): void {
    this.polling = this.bot.startPolling(undefined, { timeout: 30, allowedUpdates: ["message", "callback_query"] }).catch((err) => {
      this.o.logger.error({ err }, "telegram polling stopped");
    });
  }

  async stop(): Promise<void> {
    this.bot.stop();
    await this.polling;
  }

  private async onMessage(ctx: Context): Promise<void> {
    const msg = ctx.message;
    if (!msg || msg.chat.type === "channel") return;
    const chatId = msg.chat.id;
    const cmd = splitCommand(msg.text ?? "");
    const ownLang = langOf(msg.from?.language_code);
    const limit = await this.messages.take(chatId);
    if (limit !== "ok") {
      this.o.metrics.rateLimited.inc({ limit: "messages" });
      if (limit === "first-over") await this.send(chatId, TEXTS[ownLang].slowDown, "reply").catch(() => undefined);
      return;
    }
    const reply = (html: string, keyboard?: Keyboard) => this.send(chatId, html, "reply", keyboard);
    const count = (command: string, outcome: Outcome) => this.o.metrics.commands.inc({ command, outcome });
    let chat: ChatStatus;
    try {
      chat = await this.o.client.chat(chatId);
    } catch (err) {
      this.o.logger.warn({ err, chatId }, "the API could not say whether the chat is linked");
      count(cmd?.name ?? "text", "failed");
      await reply(TEXTS[ownLang].tryAgain).catch(() => undefined);
      return;
    }
    const lang = chat.linked ? chat.locale : ownLang;
    const t = TEXTS[lang];
    if (!cmd) return void (await reply(t.notCommand));
    const command = COMMANDS.get(cmd.name);
    if (!command) {
      count("unknown", "bad_input");
      return void (await reply(t.unknownCommand(escapeHtml(cmd.name))));
    }
    if (command.access !== "any" && !chat.linked) {
      count(command.name, "not_linked");
      return void (await reply(t.notLinked));
    }
    if (command.access === "admin" && !(chat.linked && chat.role === "admin")) {
      count(command.name, "forbidden");
      return void (await reply(t.adminOnly));
    }
    if (command.reading && !(await this.env.readings.allowed(chatId))) {
      count(command.name, "limited");
      this.o.metrics.rateLimited.inc({ limit: "readings" });
      return void (await reply(t.readingLimit));
    }
    const context: CommandContext = { chatId, args: cmd.args, lang, t, chat, telegramUsername: msg.from?.username ?? null, env: this.env, reply };
    let outcome: Outcome;
    try {
      outcome = await command.run(context);
    } catch (err) {
      outcome = "failed";
      const gone = err instanceof ApiCallError && err.status === 404 && command.access !== "any";
      if (!gone) this.o.logger.error({ err, chatId, command: command.name }, "command failed");
      await reply(gone ? t.notLinked : t.tryAgain).catch(() => undefined);
    }
    if (command.reading && outcome === "ok") await this.env.readings.record(chatId);
    count(command.name, outcome);
  }

  private async onCallback(ctx: Context): Promise<void> {
    const q = ctx.callbackQuery;
    const message = q?.message && "text" in q.message ? q.message : undefined;
    await ctx.answerCallbackQuery().catch(() => undefined);
    if (!q?.data || !message) return;
    const [prefix, ...rest] = q.data.split(":");
    const handler = this.callbacks.get(prefix ?? "");
    if (!handler) return;
    const chatId = message.chat.id;
    let chat: ChatStatus;
    try {
      chat = await this.o.client.chat(chatId);
    } catch (err) {
      this.o.logger.warn({ err, chatId }, "the API could not say whether the chat is linked");
      return;
    }
    if (!chat.linked || (handler.access === "admin" && chat.role !== "admin")) return;
    const t = TEXTS[chat.locale];
    const edit = async (html: string, keyboard?: Keyboard) => {
      await this.bot.api.editMessageText({
        chat_id: chatId,
        message_id: message.message_id,
        text: html,
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(keyboard ? { reply_markup: { inline_keyboard: keyboard.inline_keyboard.map((row) => [...row]) } } : {}),
      });
    };
    try {
      await handler.run({ chatId, data: rest.join(":"), lang: chat.locale, t, chat, messageText: message.text ?? "", env: this.env, edit, reply: (html) => this.send(chatId, html, "reply") });
      this.o.metrics.commands.inc({ command: `button:${handler.prefix}`, outcome: "ok" });
    } catch (err) {
      this.o.metrics.commands.inc({ command: `button:${handler.prefix}`, outcome: "failed" });
      this.o.logger.error({ err, chatId, button: handler.prefix }, "button failed");
      await this.send(chatId, t.tryAgain, "reply").catch(() => undefined);
    }
  }
}
