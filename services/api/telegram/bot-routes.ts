import type { Request } from "express";
import { z } from "zod";
import { hashToken } from "../../lib/crypto/tokens";
import type { Viewer } from "../../lib/db/paging";
import type { LinkedAccount } from "../../lib/db/repositories/telegram";
import { badRequest, forbidden, notFound } from "../http/errors";
import type { ApiRouter } from "../http/route-kit";
import { Reply } from "../http/route-kit";
import { roleField } from "../auth/schemas";
import { dateField, iso, localeField, readingTypeField, text } from "../oracle/fields";
import { localClock } from "../oracle/oracle-input";
import { dailyReading, runReading } from "../oracle/reading-runner";
import { readingEnv } from "../oracle/access";
import { storeChart } from "../oracle/chart-routes";
import { ChartBody } from "../oracle/chart-schemas";
import { settingDefaults, settingsLocale } from "../oracle/setting-defaults";
import { ReadingBody, ReadingSchema, ReadingSummarySchema, readingSummaryView, readingView } from "../oracle/reading-schemas";
import { encodeSettings } from "../settings/setting-values";
import { BOT_ERRORS, BOT_ROUTE as BOT, chatIdField, chatParams, linkedChat, requireBotService } from "./bot-auth";
import { LinkSchema, linkView, PreferencesBody, PreferencesSchema, preferencesOf, preferencesView, savePreferences } from "./schemas";

/**
 * The Telegram bot's routes, under /api/telegram/bot, authenticated by TELEGRAM_BOT_SERVICE_KEY.
 * The bot links chats with the codes users bring, and then acts for a linked chat with the reach
 * of the account it belongs to (its own profiles and readings, never more, whatever the role):
 * status, unlink, preferences, readings and history, and the daily deliveries that are due.
 */


/** What the bot may reach for a chat: the linked account's own rows. */
const viewerOfChat = (link: LinkedAccount): Viewer => ({ userId: link.userId, seesAll: false });

export function registerBotRoutes(r: ApiRouter): void {
  const bot = [requireBotService(r.deps.config.telegram.serviceKey)];
  // The linked account of the chat in the path, for its settings (an unlinked chat is answered by the route).
  const linkedAccountOf = async (req: Request): Promise<string | undefined> => {
    const chatId = Number(req.params.chat_id);
    return Number.isSafeInteger(chatId) ? (await r.deps.repos.telegram.findLink(chatId))?.userId : undefined;
  };

  r.route({
    method: "post",
    path: "/bot/link",
    summary: "Link a chat with the one-time code its user sent to the bot",
    description: BOT,
    auth: "public",
    middleware: bot,
    errors: BOT_ERRORS,
    body: z.strictObject({ code: text(100), chat_id: chatIdField, telegram_username: text(64).nullish() }),
    response: LinkSchema.extend({ user_id: z.uuid(), username: z.string(), role: roleField }),
    handler: async ({ deps, body, audit }) => {
      const linked = await deps.repos.telegram.consumeLinkCode(hashToken(body.code.trim()), body.chat_id, body.telegram_username ?? null);
      if (!linked) throw badRequest("code", "unknown, already used or expired; ask for a new code");
      const account = await linkedChat(deps.repos.telegram, linked.chatId);
      await audit({ action: "telegram.link", resourceType: "telegram_chat", resourceId: String(linked.chatId), actor: { id: account.userId, username: account.username } });
      return { ...linkView(account), user_id: account.userId, username: account.username, role: account.role };
    },
  });

  r.route({
    method: "get",
    path: "/bot/chats/:chat_id",
    summary: "Whether a chat is linked, to whom, with the account's counts, locale and delivery preferences",
    description: BOT,
    auth: "public",
    middleware: bot,
    errors: BOT_ERRORS,
    params: chatParams,
    response: z.union([
      z.object({ linked: z.literal(false), chat_id: z.number().int() }),
      LinkSchema.extend({
        linked: z.literal(true),
        user_id: z.uuid(),
        username: z.string(),
        role: roleField,
        locale: z.string(),
        profile_count: z.number().int(),
        reading_count: z.number().int(),
        preferences: PreferencesSchema,
      }),
    ]),
    handler: async ({ deps, params }) => {
      const link = await deps.repos.telegram.findLink(params.chat_id);
      if (!link) return { linked: false as const, chat_id: params.chat_id };
      await deps.repos.telegram.touch(link.chatId);
      const viewer = viewerOfChat(link);
      const [profiles, readings, locale, prefs] = await Promise.all([
        deps.repos.profiles.list(viewer, { limit: 1 }),
        deps.repos.readings.list(viewer, { limit: 1, view: "summary" }),
        deps.repos.settings.getAll(link.userId).then((stored) => settingsLocale(stored) ?? "en"),
        preferencesOf(deps.repos.telegram, link.chatId),
      ]);
      return {
        ...linkView(link),
        linked: true as const,
        user_id: link.userId,
        username: link.username,
        role: link.role,
        locale,
        profile_count: profiles.total,
        reading_count: readings.total,
        preferences: preferencesView(prefs),
      };
    },
  });

  r.route({
    method: "delete",
    path: "/bot/chats/:chat_id",
    summary: "Unlink a chat (its user asked the bot)",
    description: BOT,
    auth: "public",
    middleware: bot,
    params: chatParams,
    status: 204,
    errors: { ...BOT_ERRORS, 404: "The chat is not linked" },
    handler: async ({ deps, params, audit }) => {
      const link = await linkedChat(deps.repos.telegram, params.chat_id);
      await deps.repos.telegram.unlink(link.chatId);
      await audit({ action: "telegram.unlink", resourceType: "telegram_chat", resourceId: String(link.chatId), actor: { id: link.userId, username: link.username }, details: { by: "bot" } });
    },
  });

  r.route({
    method: "get",
    path: "/bot/chats/:chat_id/preferences",
    summary: "A linked chat's daily delivery preferences",
    description: BOT,
    auth: "public",
    middleware: bot,
    params: chatParams,
    response: PreferencesSchema,
    errors: { ...BOT_ERRORS, 404: "The chat is not linked" },
    handler: async ({ deps, params }) => preferencesView(await preferencesOf(deps.repos.telegram, (await linkedChat(deps.repos.telegram, params.chat_id)).chatId)),
  });

  r.route({
    method: "put",
    path: "/bot/chats/:chat_id/preferences",
    summary: "Change a linked chat's daily delivery: on or off, time (HH:MM), UTC offset in minutes, whose reading",
    description: BOT,
    auth: "public",
    middleware: bot,
    params: chatParams,
    body: PreferencesBody,
    response: PreferencesSchema,
    errors: { ...BOT_ERRORS, 404: "The chat is not linked, or the profile is not the account's" },
    handler: async ({ deps, params, body, invalidateCache }) => {
      const link = await linkedChat(deps.repos.telegram, params.chat_id);
      const prefs = await savePreferences(deps.repos, viewerOfChat(link), link.chatId, body);
      await invalidateCache(link.userId);
      return preferencesView(prefs);
    },
  });

  r.route({
    method: "put",
    path: "/bot/chats/:chat_id/locale",
    summary: "The linked account's language (its locale setting), as its user chose in the bot",
    description: BOT,
    auth: "public",
    middleware: bot,
    params: chatParams,
    body: z.strictObject({ locale: localeField }),
    response: z.object({ locale: localeField }),
    errors: { ...BOT_ERRORS, 404: "The chat is not linked" },
    handler: async ({ deps, params, body, invalidateCache }) => {
      const link = await linkedChat(deps.repos.telegram, params.chat_id);
      await deps.repos.settings.setMany(link.userId, encodeSettings({ locale: body.locale }));
      await invalidateCache(link.userId);
      return { locale: body.locale };
    },
  });

  r.route({
    method: "get",
    path: "/bot/chats/:chat_id/profiles",
    summary: "The linked account's profiles, for the bot's menus",
    description: BOT,
    auth: "public",
    middleware: bot,
    params: chatParams,
    query: z.object({ search: text(100).optional() }),
    response: z.object({ profiles: z.array(z.object({ id: z.uuid(), name: z.string(), name_persian: z.string().nullable(), birth_date: z.string() })) }),
    errors: { ...BOT_ERRORS, 404: "The chat is not linked" },
    handler: async ({ deps, params, query }) => {
      const link = await linkedChat(deps.repos.telegram, params.chat_id);
      const page = await deps.repos.profiles.list(viewerOfChat(link), { search: query.search, sortBy: "name", sortOrder: "asc", limit: 100 });
      return { profiles: page.items.map((p) => ({ id: p.id, name: p.name, name_persian: p.name_persian, birth_date: p.birth_date })) };
    },
  });

  r.route({
    method: "post",
    path: "/bot/chats/:chat_id/readings",
    summary: "A reading of any type for the linked account (the body of POST /api/oracle/readings, its settings the defaults); stored in its history",
    description: BOT,
    auth: "public",
    middleware: [...bot, settingDefaults(r.deps, { accountOf: linkedAccountOf })],
    params: chatParams,
    body: ReadingBody,
    response: ReadingSchema,
    status: 201,
    errors: { ...BOT_ERRORS, 404: "The chat is not linked, or a profile named is not the account's" },
    handler: async ({ deps, params, body, publish, invalidateCache }) => {
      const link = await linkedChat(deps.repos.telegram, params.chat_id);
      const outcome = await runReading(readingEnv(r, { deps, publish }), { userId: link.userId, viewer: viewerOfChat(link) }, body);
      await invalidateCache(link.userId);
      return new Reply(outcome.created ? 201 : 200, readingView(outcome.reading));
    },
  });

  r.route({
    method: "post",
    path: "/bot/chats/:chat_id/chart",
    summary: "The complete chart for the linked account (the body of POST /api/oracle/chart); stored in its history",
    description: BOT,
    auth: "public",
    middleware: bot,
    params: chatParams,
    body: ChartBody,
    response: ReadingSchema,
    status: 201,
    errors: { ...BOT_ERRORS, 404: "The chat is not linked, or the profile named is not the account's" },
    handler: async ({ deps, params, body, publish, invalidateCache }) => {
      const link = await linkedChat(deps.repos.telegram, params.chat_id);
      const { reading } = await storeChart(readingEnv(r, { deps, publish }), { userId: link.userId, viewer: viewerOfChat(link) }, body);
      await invalidateCache(link.userId);
      return new Reply(201, readingView(reading));
    },
  });

  r.route({
    method: "get",
    path: "/bot/chats/:chat_id/readings",
    summary: "The linked account's recent readings, newest first",
    description: BOT,
    auth: "public",
    middleware: bot,
    params: chatParams,
    query: z.object({
      reading_type: readingTypeField.optional(),
      limit: z.coerce.number().int().min(1).max(20).default(5),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
    response: z.object({ readings: z.array(ReadingSummarySchema), total: z.number().int() }),
    errors: { ...BOT_ERRORS, 404: "The chat is not linked" },
    handler: async ({ deps, params, query }) => {
      const link = await linkedChat(deps.repos.telegram, params.chat_id);
      const page = await deps.repos.readings.list(viewerOfChat(link), { readingType: query.reading_type, limit: query.limit, offset: query.offset, view: "summary" });
      return { readings: page.items.map(readingSummaryView), total: page.total };
    },
  });

  r.route({
    method: "get",
    path: "/bot/daily/pending",
    summary: "Chats whose daily delivery is due now (their local delivery time has come, and today's has not been sent)",
    description: BOT,
    auth: "public",
    middleware: bot,
    errors: BOT_ERRORS,
    response: z.object({
      deliveries: z.array(
        z.object({
          chat_id: z.number().int(),
          user_id: z.uuid(),
          profile_id: z.uuid().nullable(),
          local_date: z.string(),
          delivery_time: z.string(),
          timezone_offset_minutes: z.number().int(),
        }),
      ),
    }),
    handler: async ({ deps }) => {
      const due = await deps.repos.telegram.pendingDeliveries(new Date());
      return {
        deliveries: due.map((d) => ({
          chat_id: d.chatId,
          user_id: d.userId,
          profile_id: d.profileId,
          local_date: d.localDate,
          delivery_time: d.deliveryTime,
          timezone_offset_minutes: d.timezoneOffsetMinutes,
        })),
      };
    },
  });

  r.route({
    method: "post",
    path: "/bot/daily/reading",
    summary: "The daily reading to deliver to a chat: of its chosen profile (or the account's first), for its local date",
    description: BOT,
    auth: "public",
    middleware: bot,
    body: z.strictObject({ chat_id: chatIdField, date: dateField.optional().meta({ description: "Default: today on the chat's clock" }) }),
    response: z.object({ chat_id: z.number().int(), date: z.string(), profile: z.object({ id: z.uuid(), name: z.string() }), reading: ReadingSchema }),
    errors: { ...BOT_ERRORS, 404: "The chat is not linked, or its account has no profile" },
    handler: async ({ deps, body, publish, invalidateCache }) => {
      const link = await linkedChat(deps.repos.telegram, body.chat_id);
      const viewer = viewerOfChat(link);
      const prefs = await preferencesOf(deps.repos.telegram, link.chatId);
      const chosen = prefs.profileId ? await deps.repos.profiles.get(prefs.profileId, viewer) : null;
      const profile = chosen ?? (await deps.repos.profiles.list(viewer, { sortBy: "created_at", sortOrder: "asc", limit: 1 })).items[0];
      if (!profile) throw notFound("profile of the linked account");
      const date = body.date ?? localClock(new Date(), prefs.timezoneOffsetMinutes).date;
      const locale = settingsLocale(await deps.repos.settings.getAll(link.userId)) ?? "en";
      const outcome = await dailyReading(readingEnv(r, { deps, publish }), { userId: link.userId, viewer }, profile.id, { date, include_ai: true, locale });
      if (outcome.created) await invalidateCache(link.userId);
      return { chat_id: link.chatId, date, profile: { id: profile.id, name: profile.name }, reading: readingView(outcome.reading) };
    },
  });

  r.route({
    method: "post",
    path: "/bot/daily/delivered",
    summary: "Record that a chat got its daily reading for a date",
    description: BOT,
    auth: "public",
    middleware: bot,
    body: z.strictObject({ chat_id: chatIdField, delivered_date: dateField }),
    status: 204,
    errors: { ...BOT_ERRORS, 404: "The chat has no delivery preferences" },
    handler: async ({ deps, body }) => {
      if (!(await deps.repos.telegram.markDelivered(body.chat_id, body.delivered_date))) throw notFound("delivery preferences of the chat");
    },
  });

  r.route({
    method: "get",
    path: "/bot/chats/:chat_id/stats",
    summary: "Platform figures for the bot's administrators' command; the chat must be linked to an administrator",
    description: BOT,
    auth: "public",
    middleware: bot,
    params: chatParams,
    errors: { ...BOT_ERRORS, 403: "The chat's account is not an administrator", 404: "The chat is not linked" },
    response: z.object({ linked_chats: z.number().int(), users: z.number().int(), profiles: z.number().int(), readings_total: z.number().int(), readings_today: z.number().int(), last_reading_at: z.iso.datetime().nullable() }),
    handler: async ({ deps, params }) => {
      const link = await linkedChat(deps.repos.telegram, params.chat_id);
      if (link.role !== "admin") throw forbidden("platform figures are for administrators");
      const s = await deps.repos.platformStats();
      return {
        linked_chats: s.linkedChats,
        users: s.users.total,
        profiles: s.profiles,
        readings_total: s.readings.total,
        readings_today: s.readings.today,
        last_reading_at: s.readings.lastAt ? iso(s.readings.lastAt) : null,
      };
    },
  });
}
