import { z } from "zod";
import type { LinkedAccount, TelegramRepository } from "../../lib/db/repositories/telegram";
import { forbidden } from "../http/errors";
import type { ApiRouter } from "../http/route-kit";
import { roleField } from "../auth/schemas";
import { iso, text } from "../oracle/fields";
import { BOT_ERRORS, BOT_ROUTE, chatParams, linkedChat, requireBotService } from "./bot-auth";

/**
 * The bot's administrators' commands: the accounts, page by page, and a broadcast to every linked
 * chat. The chat asking must be linked to an administrator; the bot never learns more than it shows.
 */

const ADMIN_ERRORS = { ...BOT_ERRORS, 403: "The chat's account is not an administrator", 404: "The chat is not linked" } as const;

/** The chat's link, when its account is an administrator (403 otherwise). */
export async function linkedAdmin(telegram: TelegramRepository, chatId: number): Promise<LinkedAccount> {
  const link = await linkedChat(telegram, chatId);
  if (link.role !== "admin") throw forbidden("this is for administrators");
  return link;
}

export function registerBotAdminRoutes(r: ApiRouter): void {
  const bot = [requireBotService(r.deps.config.telegram.serviceKey)];

  r.route({
    method: "get",
    path: "/bot/chats/:chat_id/users",
    summary: "The accounts, newest first, a page at a time, for the bot's administrators' command",
    description: BOT_ROUTE,
    auth: "public",
    middleware: bot,
    params: chatParams,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(50).default(10),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
    errors: ADMIN_ERRORS,
    response: z.object({
      total: z.number().int(),
      users: z.array(z.object({ id: z.uuid(), username: z.string(), role: roleField, is_active: z.boolean(), reading_count: z.number().int(), created_at: z.iso.datetime() })),
    }),
    handler: async ({ deps, params, query }) => {
      await linkedAdmin(deps.repos.telegram, params.chat_id);
      const page = await deps.repos.users.list({ sortBy: "created_at", sortOrder: "desc", limit: query.limit, offset: query.offset });
      return {
        total: page.total,
        users: page.items.map((u) => ({ id: u.id, username: u.username, role: u.role, is_active: u.isActive, reading_count: u.readingCount, created_at: iso(u.createdAt) })),
      };
    },
  });

  r.route({
    method: "post",
    path: "/bot/chats/:chat_id/broadcast",
    summary: "An administrator confirmed a broadcast: recorded in the audit log (its length, not its words); answers the chats to send it to",
    description: BOT_ROUTE,
    auth: "public",
    middleware: bot,
    params: chatParams,
    body: z.strictObject({ text: text(4096).refine((s) => s.trim() !== "", "must not be blank") }),
    errors: ADMIN_ERRORS,
    response: z.object({ chat_ids: z.array(z.number().int()) }),
    handler: async ({ deps, params, body, audit }) => {
      const link = await linkedAdmin(deps.repos.telegram, params.chat_id);
      const chatIds = await deps.repos.telegram.activeChatIds();
      await audit({
        action: "telegram.broadcast",
        resourceType: "telegram_chat",
        resourceId: String(link.chatId),
        actor: { id: link.userId, username: link.username },
        details: { recipients: chatIds.length, characters: body.text.length },
      });
      return { chat_ids: chatIds };
    },
  });
}
