import { createHash, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { z } from "zod";
import type { LinkedAccount, TelegramRepository } from "../../lib/db/repositories/telegram";
import { notFound, serviceUnavailable, unauthorized } from "../http/errors";

/**
 * The Telegram bot's credential: TELEGRAM_BOT_SERVICE_KEY as a Bearer token. It is a service
 * credential, not an account: it is accepted only by the bot's routes here, never as a user's
 * token anywhere else, and a user's token is never accepted by the bot's routes. The bot acts for
 * a chat, and through the chat's link for the account it belongs to, with that account's own reach.
 */

/** What every bot route may answer before its own work, and how the OpenAPI document describes its credential. */
export const BOT_ERRORS = { 401: "Missing or wrong service key", 503: "No service key is configured" } as const;
export const BOT_ROUTE = "Authenticated by the bot's service key (TELEGRAM_BOT_SERVICE_KEY) as a Bearer token; not by an account's token.";

const digest = (s: string): Buffer => createHash("sha256").update(s, "utf8").digest();

function presentedKey(req: Request): string | undefined {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  return match?.[1];
}

/** 401 unless the request carries the bot's service key; 503 when no key is configured. */
export function requireBotService(serviceKey: string): RequestHandler {
  const expected = serviceKey.trim() === "" ? undefined : digest(serviceKey);
  return (req, _res, next) => {
    if (!expected) throw serviceUnavailable("the Telegram bot is not configured (TELEGRAM_BOT_SERVICE_KEY is empty)");
    const presented = presentedKey(req);
    // Hashes have one length, so the comparison takes the same time whatever was sent.
    if (!presented || !timingSafeEqual(digest(presented), expected)) throw unauthorized("the bot's service key is required");
    next();
  };
}

/**
 * true for a request to the bot's routes with the right service key: the bot speaks for every
 * chat at once and limits each chat itself, so the API's per-address limit does not apply to it.
 */
export function isBotService(serviceKey: string): (req: Request) => boolean {
  const expected = serviceKey.trim() === "" ? undefined : digest(serviceKey);
  return (req) => {
    if (!expected || !req.path.startsWith("/api/telegram/bot/")) return false;
    const presented = presentedKey(req);
    return presented !== undefined && timingSafeEqual(digest(presented), expected);
  };
}

/** A Telegram chat id: a whole number, negative for groups. */
export const CHAT_ID = /^-?[1-9]\d{0,15}$/;

/** Path parameters of the routes about one chat. */
export const chatParams = z.object({ chat_id: z.string().regex(CHAT_ID, "expected a Telegram chat id").transform(Number).refine(Number.isSafeInteger, "expected a Telegram chat id") });

/** A chat id in a JSON body. */
export const chatIdField = z.number().int("expected a Telegram chat id").refine((n) => n !== 0 && Number.isSafeInteger(n), "expected a Telegram chat id");

/** The chat's active link (404 when the chat is not linked), noted as active now. */
export async function linkedChat(telegram: TelegramRepository, chatId: number): Promise<LinkedAccount> {
  const link = await telegram.findLink(chatId);
  if (!link) throw notFound("linked chat");
  await telegram.touch(chatId);
  return link;
}
