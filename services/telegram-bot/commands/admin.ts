import { escapeHtml } from "../../lib/telegram/telegram-api";
import { roleName } from "../text";
import type { CallbackHandler, Command } from "./command";
import { pageOf, pager } from "./command";

/** /admin_stats, /admin_users (paged), /admin_broadcast TEXT (asks for a confirmation first). */

const USERS_PAGE = 10;
/** Between the confirmation question and the text it asks about, in the message itself. */
const TEXT_MARK = "\n\n";

export const adminStats: Command = {
  name: "admin_stats",
  access: "admin",
  async run(ctx) {
    const s = await ctx.env.api.stats(ctx.chatId);
    await ctx.reply(
      [ctx.t.statsTitle, ctx.t.stats({ users: s.users, profiles: s.profiles, chats: s.linked_chats, today: s.readings_today, total: s.readings_total, last: s.last_reading_at?.slice(0, 16).replace("T", " ") ?? "-" })].join("\n"),
    );
    return "ok";
  },
};

async function usersPage(ctx: Parameters<Command["run"]>[0], offset: number) {
  const page = await ctx.env.api.users(ctx.chatId, offset, USERS_PAGE);
  const { page: n, pages } = pageOf(offset, USERS_PAGE, page.total);
  const lines = page.users.map((u, i) => ctx.t.userLine({ n: offset + i + 1, username: escapeHtml(u.username), role: escapeHtml(roleName(ctx.t, u.role)), active: u.is_active, readings: u.reading_count }));
  return { html: [ctx.t.usersTitle(n, pages, page.total), ...lines].join("\n"), keyboard: pager("users", offset, USERS_PAGE, page.total, ctx.t) };
}

export const adminUsers: Command = {
  name: "admin_users",
  access: "admin",
  async run(ctx) {
    const { html, keyboard } = await usersPage(ctx, 0);
    await ctx.reply(html, keyboard);
    return "ok";
  },
};

export const usersPages: CallbackHandler = {
  prefix: "users",
  access: "admin",
  async run(ctx) {
    const offset = Number.parseInt(ctx.data, 10);
    if (!Number.isSafeInteger(offset) || offset < 0) return;
    const { html, keyboard } = await usersPage({ ...ctx, args: "", telegramUsername: null, reply: async () => {} }, offset);
    await ctx.edit(html, keyboard);
  },
};

export const adminBroadcast: Command = {
  name: "admin_broadcast",
  access: "admin",
  async run(ctx) {
    const text = ctx.args.trim();
    if (!text || text.length > 3500) {
      await ctx.reply(ctx.t.broadcastUsage);
      return "bad_input";
    }
    // The text travels in the question itself, so whichever bot replica sees the tap can send it.
    await ctx.reply(`${ctx.t.broadcastConfirm}${TEXT_MARK}${escapeHtml(text)}`, {
      inline_keyboard: [[{ text: ctx.t.broadcastSend, callback_data: "broadcast:send" }, { text: ctx.t.broadcastCancel, callback_data: "broadcast:cancel" }]],
    });
    return "ok";
  },
};

/** Sends a confirmed broadcast to every linked chat; a chat that blocked the bot is counted, not retried. */
export function broadcastConfirmation(send: (chatId: number, text: string) => Promise<void>): CallbackHandler {
  return {
    prefix: "broadcast",
    access: "admin",
    async run(ctx) {
      if (ctx.data !== "send") {
        await ctx.edit(ctx.t.broadcastCancelled);
        return;
      }
      const at = ctx.messageText.indexOf(TEXT_MARK);
      const text = at < 0 ? "" : ctx.messageText.slice(at + TEXT_MARK.length).trim();
      if (!text) return;
      const chats = await ctx.env.api.broadcast(ctx.chatId, text);
      let sent = 0;
      let failed = 0;
      for (const chatId of chats) {
        try {
          await send(chatId, escapeHtml(text));
          sent++;
        } catch {
          // A chat that blocked the bot, or a send that failed after its retries: counted, and the rest go on.
          failed++;
        }
      }
      await ctx.edit(ctx.t.broadcastDone(sent, failed));
    },
  };
}
