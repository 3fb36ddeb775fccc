/**
 * The alerter: `nps start --only alerter` (and part of `nps start` when Telegram is configured).
 * It takes Alertmanager's webhook on :9102 at /alerts/alertmanager, reads the prod stack's alarm
 * queue (NPS_ALERT_QUEUE_URL), checks the Oracle, the API and Alertmanager itself every
 * ALERT_CHECK_INTERVAL, and tells the admin chat (NPS_ADMIN_CHAT_ID, else NPS_CHAT_ID), once per
 * ALERT_COOLDOWN for the same alert. With TELEGRAM_NOTIFY_DAILY a summary goes out once a day at
 * NPS_DAILY_SCHEDULER_HOUR:MINUTE UTC. /metrics, /health and /ready share the port.
 */
import type http from "node:http";
import { Cron } from "croner";
import pkg from "../../package.json";
import { HEALTH_PATHS } from "../lib/health-paths";
import { createRegistry } from "../lib/metrics";
import type { ServiceMain } from "../lib/service-context";
import { closeServer, createSideHttpServer, listen } from "../lib/side-http";
import { createTelegramApi } from "../lib/telegram/telegram-api";
import { dailyPattern } from "../scheduler/schedule";
import { Cooldown } from "./cooldown";
import { DailySummary } from "./daily-summary";
import { Dispatcher } from "./dispatcher";
import { HealthWatch, type Target } from "./health-watch";
import { AlerterMetrics } from "./metrics";
import { fromAlertmanager, InvalidAlertError } from "./notices";
import { startQueuePoller } from "./queue-poller";

/** Alertmanager sends at most a few hundred alerts at once; anything larger is refused. */
const MAX_BODY_BYTES = 1024 * 1024;

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new InvalidAlertError(`the body is over ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        reject(new InvalidAlertError("the body is not JSON"));
      }
    });
    req.on("error", reject);
  });
}

function answer(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export const main: ServiceMain = async ({ config, logger, lifecycle, together }) => {
  const t = config.telegram;
  const a = config.alerter;
  const metrics = new AlerterMetrics(createRegistry("alerter"));
  // Without a token the alerter still takes webhooks and checks health, and counts every alert as held back.
  const telegram = t.botToken.trim() === "" ? undefined : createTelegramApi(t);
  const chatId = t.adminChatId;
  const send = async (html: string) => {
    if (!telegram || !chatId) throw new Error("Telegram is not configured (NPS_BOT_TOKEN, NPS_ADMIN_CHAT_ID or NPS_CHAT_ID)");
    await telegram.sendMessage({ chat_id: Number(chatId), text: html, parse_mode: "HTML", link_preview_options: { is_disabled: true } });
  };
  const dispatcher = new Dispatcher({ settings: { enabled: t.enabled && t.botToken !== "", notifyError: t.notifyError }, cooldown: new Cooldown(a.cooldownMs), send, metrics, logger });

  // In one process (`nps start`) the Oracle and the API listen on this machine.
  const targets: Target[] = [
    { name: "oracle", url: `${together ? `http://127.0.0.1:${config.oracle.metricsPort}` : a.oracleUrl.replace(/\/+$/, "")}${HEALTH_PATHS.ready}` },
    { name: "api", url: `${together ? `http://127.0.0.1:${config.api.port}` : a.apiUrl.replace(/\/+$/, "")}${HEALTH_PATHS.apiReady}` },
    ...(a.alertmanagerUrl ? [{ name: "alertmanager" as const, url: `${a.alertmanagerUrl.replace(/\/+$/, "")}/-/healthy` }] : []),
  ];
  const watch = new HealthWatch(targets, metrics);

  const side = createSideHttpServer({
    registry: metrics.registry,
    service: "alerter",
    version: pkg.version,
    readiness: { telegram: () => (chatId ? true : "no admin chat configured (NPS_ADMIN_CHAT_ID or NPS_CHAT_ID)") },
    extra: async (req, res) => {
      if ((req.url ?? "").split("?")[0] !== HEALTH_PATHS.alerterWebhook) return false;
      if (req.method !== "POST") {
        answer(res, 405, { error: { code: "method_not_allowed", message: "POST Alertmanager's webhook here" } });
        return true;
      }
      try {
        const failed = await dispatcher.deliver(fromAlertmanager(await readJson(req)));
        // Alertmanager retries a notification that did not answer 2xx.
        answer(res, failed ? 503 : 200, failed ? { error: { code: "unavailable", message: `${failed} alerts could not be sent to Telegram` } } : { ok: true });
      } catch (err) {
        if (!(err instanceof InvalidAlertError)) throw err;
        answer(res, 400, { error: { code: "invalid_input", message: err.message, fields: { body: err.message } } });
      }
      return true;
    },
  });
  const port = await listen(side, a.port, config.bindHost, { what: "the alerter", portVariable: "NPS_ALERTER_PORT", hostVariable: "NPS_BIND_HOST" });
  lifecycle.onShutdown("alerter http", () => closeServer(side));

  let checking = false;
  const poll = setInterval(() => {
    if (checking) return;
    checking = true;
    void watch
      .round()
      .then((n) => dispatcher.deliver(n))
      .catch((err: unknown) => logger.error({ err }, "health round failed"))
      .finally(() => (checking = false));
  }, a.checkIntervalMs);
  lifecycle.onShutdown("alerter health checks", () => clearInterval(poll));

  if (a.queueUrl) {
    const queue = await startQueuePoller({ queueUrl: a.queueUrl, dispatcher, logger });
    lifecycle.onShutdown("alerter queue", () => queue.stop());
  }

  if (t.notifyDaily && t.enabled) {
    const daily = new DailySummary({
      hourUtc: config.scheduler.hourUtc,
      minute: config.scheduler.minute,
      now: () => new Date(),
      takeTally: () => dispatcher.takeTally(),
      restoreTally: (tally) => dispatcher.restoreTally(tally),
      down: () => watch.downTargets(),
      send,
      logger,
    });
    const summary = new Cron(dailyPattern(config.scheduler.hourUtc, config.scheduler.minute), { timezone: "UTC", protect: true }, () => void daily.tick());
    lifecycle.onShutdown("alerter daily summary", () => summary.stop());
  }
  logger.info({ port, targets: targets.map((x) => x.url), queue: a.queueUrl || null, chat: chatId || null }, "alerter serving");
};
