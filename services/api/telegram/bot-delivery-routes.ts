import { z } from "zod";
import { conflict } from "../http/errors";
import type { ApiRouter } from "../http/route-kit";
import { dateField } from "../oracle/fields";
import { BOT_ERRORS, BOT_ROUTE, chatIdField, requireBotService } from "./bot-auth";

/**
 * Daily deliveries taken one at a time: however many bot replicas see the same pending chat, one
 * claim succeeds and only its holder sends; a failed send is released so the next round retries.
 */
export function registerBotDeliveryRoutes(r: ApiRouter): void {
  const bot = [requireBotService(r.deps.config.telegram.serviceKey)];
  const body = z.strictObject({ chat_id: chatIdField, date: dateField });

  r.route({
    method: "post",
    path: "/bot/daily/claim",
    summary: "Take a chat's daily delivery for a date before sending it; 409 when another sender has it or it was sent",
    description: BOT_ROUTE,
    auth: "public",
    middleware: bot,
    body,
    errors: { ...BOT_ERRORS, 409: "Already claimed or delivered for that date, or daily delivery is off" },
    response: z.object({ chat_id: z.number().int(), date: z.string(), claimed: z.literal(true) }),
    handler: async ({ deps, body }) => {
      if (!(await deps.repos.telegram.claimDelivery(body.chat_id, body.date))) throw conflict("this delivery is already claimed or delivered", "date");
      return { chat_id: body.chat_id, date: body.date, claimed: true as const };
    },
  });

  r.route({
    method: "post",
    path: "/bot/daily/release",
    summary: "Give back a claimed delivery whose send failed, so the chat is pending again",
    description: BOT_ROUTE,
    auth: "public",
    middleware: bot,
    body,
    status: 204,
    errors: { ...BOT_ERRORS, 409: "No claim for that date stands" },
    handler: async ({ deps, body }) => {
      if (!(await deps.repos.telegram.releaseDelivery(body.chat_id, body.date))) throw conflict("no claim for that date stands", "date");
    },
  });
}
