import type { Config } from "../lib/config/load-config";
import { createTelegramApi, telegramConfigured } from "../lib/telegram/telegram-api";

/**
 * Tells the admin chat how a backup or restore went: plain text to NPS_ADMIN_CHAT_ID (which
 * falls back to NPS_CHAT_ID), sent with the Bot API client the alerter and the bot use, so its
 * retries after a 429, its rate limit and its timeouts are the same for every NPS message.
 */
export interface AdminNotifier {
  /** Sends one plain-text message; rejects with the reason when it was not delivered. */
  send(text: string): Promise<void>;
}

export class NotifierNotConfigured extends Error {
  override readonly name = "NotifierNotConfigured";
}

/** Telegram configured and an admin chat named: what a notifier needs to send at all. */
export function adminChatConfigured(t: Config["telegram"]): boolean {
  return telegramConfigured(t) && t.adminChatId !== "";
}

export function telegramAdminNotifier(t: Config["telegram"], options: { fetch?: typeof fetch } = {}): AdminNotifier {
  // One client per notifier: its rate limit spans every message the command or the service sends.
  const api = adminChatConfigured(t) ? createTelegramApi(t, options) : undefined;
  return {
    async send(text: string) {
      if (!api) throw new NotifierNotConfigured("the admin chat is not configured (TELEGRAM_ENABLED, NPS_BOT_TOKEN and NPS_ADMIN_CHAT_ID or NPS_CHAT_ID)");
      await api.sendMessage({ chat_id: Number(t.adminChatId), text, link_preview_options: { is_disabled: true } });
    },
  };
}
