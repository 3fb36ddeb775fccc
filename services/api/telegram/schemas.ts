import { z } from "zod";
import type { DailyPreferences, LinkedAccount, TelegramLink, TelegramRepository } from "../../lib/db/repositories/telegram";
import type { Viewer } from "../../lib/db/paging";
import type { OracleProfilesRepository } from "../../lib/db/repositories/oracle-profiles";
import { notFound } from "../http/errors";
import { iso, isoOrNull, offsetMinutesField } from "../oracle/fields";

/** Telegram links and daily delivery preferences at the edge, for the account's routes and the bot's. */

export const PreferencesSchema = z
  .object({
    chat_id: z.number().int(),
    daily_enabled: z.boolean(),
    delivery_time: z.string().meta({ description: "HH:MM on the chat's clock" }),
    timezone_offset_minutes: z.number().int(),
    profile_id: z.uuid().nullable().meta({ description: "Whose daily reading; null: the account's first profile" }),
    last_delivered_date: z.string().nullable(),
  })
  .meta({ id: "TelegramDailyPreferences" });

export const PreferencesBody = z
  .strictObject({
    daily_enabled: z.boolean().optional(),
    delivery_time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM")
      .optional(),
    timezone_offset_minutes: offsetMinutesField.optional(),
    profile_id: z.uuid().nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, "give at least one preference");

export const LinkSchema = z
  .object({
    chat_id: z.number().int(),
    telegram_username: z.string().nullable(),
    linked_at: z.iso.datetime(),
    last_active_at: z.iso.datetime().nullable(),
  })
  .meta({ id: "TelegramLink" });

/** Preferences of a chat that has none stored yet. */
export function defaultPreferences(chatId: number): DailyPreferences {
  return { chatId, dailyEnabled: false, deliveryTime: "08:00", timezoneOffsetMinutes: 0, profileId: null, lastDeliveredDate: null };
}

export function preferencesView(p: DailyPreferences): z.output<typeof PreferencesSchema> {
  return {
    chat_id: p.chatId,
    daily_enabled: p.dailyEnabled,
    delivery_time: p.deliveryTime,
    timezone_offset_minutes: p.timezoneOffsetMinutes,
    profile_id: p.profileId,
    last_delivered_date: p.lastDeliveredDate,
  };
}

export function linkView(l: TelegramLink | LinkedAccount): z.output<typeof LinkSchema> {
  return { chat_id: l.chatId, telegram_username: l.telegramUsername, linked_at: iso(l.linkedAt), last_active_at: isoOrNull(l.lastActiveAt) };
}

export async function preferencesOf(telegram: TelegramRepository, chatId: number): Promise<DailyPreferences> {
  return (await telegram.getPreferences(chatId)) ?? defaultPreferences(chatId);
}

/**
 * Stores a chat's preferences for the account it belongs to; a profile named must be one the
 * account may read (404 otherwise, as for any profile that is not yours).
 */
export async function savePreferences(
  repos: { telegram: TelegramRepository; profiles: Pick<OracleProfilesRepository, "get"> },
  viewer: Viewer,
  chatId: number,
  body: z.output<typeof PreferencesBody>,
): Promise<DailyPreferences> {
  if (body.profile_id && !(await repos.profiles.get(body.profile_id, viewer))) throw notFound("profile");
  return repos.telegram.setPreferences(chatId, {
    dailyEnabled: body.daily_enabled,
    deliveryTime: body.delivery_time,
    timezoneOffsetMinutes: body.timezone_offset_minutes,
    profileId: body.profile_id,
  });
}
