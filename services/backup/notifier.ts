import type { Config } from "../lib/config/load-config";

/**
 * Tells the admin chat how a backup or restore went. A small interface so the alerter's Telegram
 * sender and this one can stand in for each other; the implementation here is the Bot API's
 * sendMessage to NPS_ADMIN_CHAT_ID (which falls back to NPS_CHAT_ID), on TELEGRAM_API_ROOT.
 */
export interface AdminNotifier {
  /** Sends one plain-text message; rejects with the reason when it was not delivered. */
  send(text: string): Promise<void>;
}

export class NotifierNotConfigured extends Error {
  override readonly name = "NotifierNotConfigured";
}

export function telegramAdminNotifier(t: Config["telegram"], fetchImpl: typeof fetch = fetch): AdminNotifier {
  return {
    async send(text: string) {
      if (!t.enabled || !t.botToken || !t.adminChatId) {
        throw new NotifierNotConfigured("the admin chat is not configured (TELEGRAM_ENABLED, NPS_BOT_TOKEN and NPS_ADMIN_CHAT_ID or NPS_CHAT_ID)");
      }
      const url = `${t.apiRoot.replace(/\/+$/, "")}/bot${t.botToken}/sendMessage`;
      const res = await fetchImpl(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat_id: Number(t.adminChatId), text, disable_web_page_preview: true }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json().catch(() => ({}))) as { ok?: boolean; description?: string };
      if (!res.ok || body.ok === false) throw new Error(`Telegram sendMessage answered ${res.status}${body.description ? `: ${body.description}` : ""}`);
    },
  };
}
