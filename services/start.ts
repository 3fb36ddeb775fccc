import { loadConfig } from "./lib/config/load-config";
import { Lifecycle } from "./lib/lifecycle";
import { createLogger } from "./lib/logger";
import { SERVICE_NAMES, isServiceName, type ServiceName } from "./lib/service-names";
import { findService, SERVICES } from "./service-registry";
import { loadDotEnv } from "./lib/config/dotenv";
import { CliError } from "./cli-error";
import { randomBytes } from "node:crypto";
import type { Config } from "./lib/config/load-config";
import { telegramConfigured } from "./lib/telegram/telegram-api";

/**
 * `nps start [--only <service>]`: the whole platform in one process, or one service as its
 * container runs it. The process stays up until SIGTERM/SIGINT, then drains and exits 0.
 */
export async function startServices(only: string | undefined): Promise<void> {
  if (only !== undefined && !isServiceName(only)) {
    throw new CliError(`unknown service "${only}"; expected one of: ${SERVICE_NAMES.join(", ")}`);
  }
  loadDotEnv();
  const config = withInProcessBotKey(loadConfig(process.env, { service: (only as ServiceName | undefined) ?? "all" }), only);
  const logger = createLogger(config.log, only ?? "nps");
  const lifecycle = new Lifecycle(logger);
  lifecycle.installSignalHandlers();

  const entries = only ? [findService(only as ServiceName)] : SERVICES.filter((s) => s.inAll(config));
  if (entries.some((e) => e === undefined)) {
    throw new CliError(`service "${only}" is declared but not part of this build yet`);
  }
  if (entries.length === 0) {
    logger.warn("no services are part of this build yet; nothing to start");
    return;
  }
  for (const entry of entries) {
    if (!entry) continue;
    const main = await entry.load();
    // Each service logs under its own name (a child logger would repeat the "service" key).
    await main({ config, logger: createLogger(config.log, entry.name), lifecycle, together: !only });
  }
  logger.info({ services: entries.map((e) => e?.name) }, "started");
}

/**
 * `nps start` with a bot token but no TELEGRAM_BOT_SERVICE_KEY: the API and the bot share this
 * process, so they share a key made for this run alone (a fresh clone needs no extra setting).
 */
function withInProcessBotKey(config: Config, only: string | undefined): Config {
  if (only !== undefined || !telegramConfigured(config.telegram) || config.telegram.serviceKey.trim() !== "") return config;
  return { ...config, telegram: { ...config.telegram, serviceKey: randomBytes(32).toString("hex") } };
}
