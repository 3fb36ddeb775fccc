import type { ApiRouter, RouteModule } from "../http/route-kit";
import { registerAccountRoutes } from "./account-routes";
import { registerBotAdminRoutes } from "./bot-admin-routes";
import { registerBotDeliveryRoutes } from "./bot-delivery-routes";
import { registerBotRoutes } from "./bot-routes";

/**
 * /api/telegram: an account links its Telegram chats with one-time codes and sets their daily
 * delivery; the bot (/api/telegram/bot/..., by its service key) links chats, acts for them and
 * delivers the daily readings that are due.
 */
export const telegramRoutes: RouteModule = {
  base: "/api/telegram",
  tag: "telegram",
  register(r: ApiRouter) {
    registerAccountRoutes(r);
    registerBotRoutes(r);
    registerBotDeliveryRoutes(r);
    registerBotAdminRoutes(r);
  },
};
