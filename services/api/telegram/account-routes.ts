import { z } from "zod";
import { issueToken } from "../../lib/crypto/tokens";
import { notFound } from "../http/errors";
import type { ApiRouter } from "../http/route-kit";
import { viewerOf } from "../oracle/access";
import { iso } from "../oracle/fields";
import { chatParams } from "./bot-auth";
import { LinkSchema, linkView, PreferencesBody, PreferencesSchema, preferencesOf, preferencesView, savePreferences } from "./schemas";

/**
 * Telegram for an account: a one-time code to link a chat (the user sends it to the bot), the
 * account's linked chats with their daily delivery preferences, and unlinking.
 */

const ANY_ACCOUNT = { scopes: ["oracle:read"] } as const;
/** How long a link code stays usable. */
export const LINK_CODE_MINUTES = 10;
const LINK_CODE_BYTES = 12;

export function registerAccountRoutes(r: ApiRouter): void {
  r.route({
    method: "post",
    path: "/link-code",
    summary: `A one-time code to link a Telegram chat: send "/link <code>" to the bot within ${LINK_CODE_MINUTES} minutes`,
    auth: ANY_ACCOUNT,
    response: z.object({ code: z.string(), command: z.string(), expires_at: z.iso.datetime() }),
    status: 201,
    handler: async ({ deps, principal, audit }) => {
      const { token, hash } = issueToken("", LINK_CODE_BYTES);
      const expiresAt = new Date(Date.now() + LINK_CODE_MINUTES * 60_000);
      await deps.repos.telegram.createLinkCode(principal.userId, hash, expiresAt);
      await audit({ action: "telegram.link_code", resourceType: "user", resourceId: principal.userId });
      return { code: token, command: `/link ${token}`, expires_at: iso(expiresAt) };
    },
  });

  r.route({
    method: "get",
    path: "/status",
    summary: "Your linked Telegram chats and their daily delivery preferences",
    auth: ANY_ACCOUNT,
    response: z.object({ linked: z.boolean(), chats: z.array(LinkSchema.extend({ preferences: PreferencesSchema })) }),
    handler: async ({ deps, principal }) => {
      const links = await deps.repos.telegram.linksForUser(principal.userId);
      const chats = await Promise.all(links.map(async (l) => ({ ...linkView(l), preferences: preferencesView(await preferencesOf(deps.repos.telegram, l.chatId)) })));
      return { linked: chats.length > 0, chats };
    },
  });

  /** The chat, when it is linked to the caller (administrators and moderators: to anyone). */
  const ownChat = async (deps: typeof r.deps, principal: Parameters<typeof viewerOf>[0], chatId: number) => {
    const link = await deps.repos.telegram.findLink(chatId);
    if (!link || (link.userId !== principal.userId && !viewerOf(principal).seesAll)) throw notFound("linked chat");
    return link;
  };

  r.route({
    method: "delete",
    path: "/links/:chat_id",
    summary: "Unlink one of your chats",
    auth: ANY_ACCOUNT,
    params: chatParams,
    status: 204,
    errors: { 404: "No such linked chat of yours" },
    handler: async ({ deps, principal, params, audit }) => {
      const link = await ownChat(deps, principal, params.chat_id);
      if (!(await deps.repos.telegram.unlink(link.chatId))) throw notFound("linked chat");
      await audit({ action: "telegram.unlink", resourceType: "telegram_chat", resourceId: String(link.chatId), details: { by: "account" } });
    },
  });

  r.route({
    method: "get",
    path: "/links/:chat_id/preferences",
    summary: "Daily delivery preferences of one of your chats",
    auth: ANY_ACCOUNT,
    params: chatParams,
    response: PreferencesSchema,
    errors: { 404: "No such linked chat of yours" },
    handler: async ({ deps, principal, params }) => {
      const link = await ownChat(deps, principal, params.chat_id);
      return preferencesView(await preferencesOf(deps.repos.telegram, link.chatId));
    },
  });

  r.route({
    method: "put",
    path: "/links/:chat_id/preferences",
    summary: "Change daily delivery of one of your chats: on or off, time (HH:MM), UTC offset in minutes, whose reading",
    auth: ANY_ACCOUNT,
    params: chatParams,
    body: PreferencesBody,
    response: PreferencesSchema,
    errors: { 404: "No such linked chat of yours, or the profile is not yours" },
    handler: async ({ deps, principal, params, body }) => {
      const link = await ownChat(deps, principal, params.chat_id);
      return preferencesView(await savePreferences(deps.repos, { userId: link.userId, seesAll: false }, link.chatId, body));
    },
  });
}
