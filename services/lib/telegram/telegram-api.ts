import { Api, TelegramApiError, type TransportOptions } from "node-telegram-bot-api";
import type { Config } from "../config/load-config";

/**
 * The Bot API client the bot and the alerter share (node-telegram-bot-api 2.x). It retries a 429
 * after the retry_after Telegram names (and transient failures with a growing pause), so a busy
 * moment slows messages down instead of losing them.
 */
export function telegramTransport(telegram: Pick<Config["telegram"], "apiRoot">, options: { fetch?: typeof fetch } = {}): TransportOptions {
  return {
    apiRoot: telegram.apiRoot,
    maxRetries: 3,
    // Longer flood waits surface as an error: the caller decides (a daily message waits for the next round).
    maxRetryAfterMs: 60_000,
    timeoutMs: 40_000,
    // Telegram allows about 30 messages a second to different chats.
    rateLimit: { global: 25 },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
}

export function createTelegramApi(telegram: Pick<Config["telegram"], "botToken" | "apiRoot">, options: { fetch?: typeof fetch } = {}): Api {
  return new Api(telegram.botToken, telegramTransport(telegram, options));
}

/** Telegram configured: a token, and TELEGRAM_ENABLED not turned off. */
export function telegramConfigured(telegram: Pick<Config["telegram"], "botToken" | "enabled">): boolean {
  return telegram.enabled && telegram.botToken.trim() !== "";
}

/** Text safe inside Telegram's HTML parse mode (and inside a quoted attribute). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The user blocked the bot, or the chat is gone: Telegram answers 403 (or 400 "chat not found"). */
export function isUnreachableChat(err: unknown): boolean {
  return err instanceof TelegramApiError && (err.errorCode === 403 || (err.errorCode === 400 && /chat not found/i.test(err.description)));
}

export { TelegramApiError };
