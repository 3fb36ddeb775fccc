/**
 * The Telegram bot: `nps start --only telegram-bot` (or with everything under `nps start` when
 * Telegram is configured). It polls the Bot API (NPS_BOT_TOKEN, TELEGRAM_API_ROOT), acts for
 * linked chats through the API's bot routes with TELEGRAM_BOT_SERVICE_KEY, sends the daily
 * messages every 30 seconds' round, and keeps metrics with /health and /ready on :9101. Start and
 * stop notices go to the admin chat (NPS_ADMIN_CHAT_ID, else NPS_CHAT_ID), in its account's language
 * when that chat is linked.
 */
import { Cron } from "croner";
import pkg from "../../package.json";
import { ConfigError } from "../lib/config/load-config";
import { createRegistry } from "../lib/metrics";
import type { ServiceMain } from "../lib/service-context";
import { closeServer, createSideHttpServer, listen } from "../lib/side-http";
import { telegramConfigured } from "../lib/telegram/telegram-api";
import { BotApiClient } from "./api-client";
import { TelegramBot } from "./bot-app";
import { DailyDelivery } from "./delivery";
import { BotMetrics } from "./metrics";
import { textsOfChat, TEXTS, type Texts } from "./text";

/** The bot's metrics port, named when it is taken. */
const METRICS_PORT = { what: "the Telegram bot's metrics port", portVariable: "NPS_BOT_METRICS_PORT", hostVariable: "NPS_BIND_HOST" } as const;
/** Seconds between daily delivery rounds (croner pattern with seconds). */
export const DELIVERY_PATTERN = "*/30 * * * * *";

export const main: ServiceMain = async ({ config, logger, lifecycle, together }) => {
  const metrics = new BotMetrics(createRegistry("telegram-bot"));
  if (!telegramConfigured(config.telegram)) {
    // A stack may declare the bot before anyone has a token: it stays up, says so, and polls nothing.
    const idle = createSideHttpServer({ registry: metrics.registry, service: "telegram-bot", version: pkg.version, readiness: { telegram: () => "not configured (NPS_BOT_TOKEN empty or TELEGRAM_ENABLED=false)" } });
    const port = await listen(idle, config.telegram.botMetricsPort, config.bindHost, METRICS_PORT);
    lifecycle.onShutdown("bot metrics", () => closeServer(idle));
    logger.warn({ port }, "telegram bot serving; Telegram is not configured (NPS_BOT_TOKEN), so it polls nothing");
    return;
  }
  if (config.telegram.serviceKey.trim() === "") throw new ConfigError(["TELEGRAM_BOT_SERVICE_KEY: the bot needs the API's service key"]);

  // In one process (`nps start`) the API listens on this machine.
  const apiUrl = together ? `http://127.0.0.1:${config.api.port}/api` : config.telegram.botApiUrl;
  const client = new BotApiClient({ baseUrl: apiUrl, serviceKey: config.telegram.serviceKey });
  const bot = new TelegramBot({
    token: config.telegram.botToken,
    apiRoot: config.telegram.apiRoot,
    client,
    frontendUrl: config.telegram.frontendUrl,
    messagesPerMinute: config.telegram.rateLimitPerMinute,
    metrics,
    logger,
  });
  const delivery = new DailyDelivery({ client, bot, frontendUrl: config.telegram.frontendUrl, metrics, logger });

  let me: string | undefined;
  const side = createSideHttpServer({
    registry: metrics.registry,
    service: "telegram-bot",
    version: pkg.version,
    readiness: { telegram: () => (me ? true : "the Bot API has not answered getMe yet") },
  });
  const port = await listen(side, config.telegram.botMetricsPort, config.bindHost, METRICS_PORT);
  lifecycle.onShutdown("bot metrics", () => closeServer(side));

  try {
    me = (await bot.api.getMe()).username;
  } catch (err) {
    logger.warn({ err }, "the Bot API did not answer getMe; polling will keep trying");
  }
  await bot.registerCommands(config.telegram.adminChatId).catch((err: unknown) => logger.warn({ err }, "setMyCommands failed; the command menu stays as it was"));
  bot.startPolling();
  const rounds = new Cron(DELIVERY_PATTERN, { protect: true, catch: (err) => logger.warn({ err }, "daily delivery round failed") }, async () => {
    await delivery.runOnce();
  });

  const admin = config.telegram.adminChatId ? Number(config.telegram.adminChatId) : undefined;
  const notices = admin ? await noticeTexts(client, admin) : TEXTS.en.notices;
  if (admin) await bot.send(admin, notices.started(pkg.version), "notice").catch((err: unknown) => logger.warn({ err }, "start notice not sent"));
  lifecycle.onShutdown("telegram bot", async () => {
    rounds.stop();
    // The language found at start: at stop the API may be going away too.
    if (admin) await bot.send(admin, notices.stopping, "notice").catch(() => undefined);
    await bot.stop();
  });
  logger.info({ port, bot: me ?? null, api: apiUrl }, "telegram bot serving");
};

/** The admin chat's notices in its account's language when the chat is linked; English otherwise, or when the API cannot say. */
async function noticeTexts(client: BotApiClient, adminChatId: number): Promise<Texts["notices"]> {
  const chat = await client.chat(adminChatId).catch(() => undefined);
  return (chat ? textsOfChat(chat) : TEXTS.en).notices;
}
