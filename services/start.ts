import { loadConfig } from "./lib/config/load-config";
import { DatabaseUnavailableError } from "./lib/db/errors";
import { EmbeddedDatabaseBusyError } from "./lib/db/embedded";
import { Lifecycle } from "./lib/lifecycle";
import { createLogger } from "./lib/logger";
import { SERVICE_NAMES, isServiceName, type ServiceName } from "./lib/service-names";
import { StartupError } from "./lib/startup-error";
import { findService, SERVICES } from "./service-registry";
import { loadDotEnv } from "./lib/config/dotenv";
import { applyLocalSecrets } from "./lib/config/local-secrets";
import { CliError } from "./cli-error";
import { randomBytes } from "node:crypto";
import type { Config } from "./lib/config/load-config";
import { telegramConfigured } from "./lib/telegram/telegram-api";

/** Exit code of a start that failed for a reason the message explains. */
export const EXIT_START_FAILED = 1;

/** Time the lifecycle gives each part beyond the drain itself before abandoning it. */
const GRACE_BEYOND_DRAIN_MS = 5_000;

/**
 * `nps start [--only <service>]`: the whole platform in one process, or one service as its
 * container runs it. The process stays up until SIGTERM/SIGINT, then drains and exits 0.
 * A start that fails stops every part that had started and exits 1 with one line saying why.
 */
export async function startServices(only: string | undefined): Promise<void> {
  if (only !== undefined && !isServiceName(only)) {
    throw new CliError(`unknown service "${only}"; expected one of: ${SERVICE_NAMES.join(", ")}`);
  }
  loadDotEnv();
  const local = applyLocalSecrets();
  const config = withInProcessBotKey(loadConfig(process.env, { service: (only as ServiceName | undefined) ?? "all" }), only);
  const logger = createLogger(config.log, only ?? "nps");
  if (local?.created) logger.info({ file: local.file }, "generated this installation's signing and encryption keys (owner-only file; keep it with the database)");
  const lifecycle = new Lifecycle(logger, config.drainMs + GRACE_BEYOND_DRAIN_MS);
  lifecycle.installSignalHandlers();
  lifecycle.stopWhenParentExits();

  const entries = only ? [findService(only as ServiceName)] : SERVICES.filter((s) => s.inAll(config));
  if (entries.some((e) => e === undefined)) {
    throw new CliError(`service "${only}" is declared but not part of this build yet`);
  }
  if (entries.length === 0) {
    logger.warn("no services are part of this build yet; nothing to start");
    return;
  }
  try {
    for (const entry of entries) {
      if (!entry) continue;
      const main = await entry.load();
      // Each service logs under its own name (a child logger would repeat the "service" key).
      await main({ config, logger: createLogger(config.log, entry.name), lifecycle, together: !only });
    }
  } catch (err) {
    const reason = startFailureReason(err);
    logger.error({ err }, "start failed; stopping what had started");
    await lifecycle.shutdown("start failed");
    if (reason === undefined) throw err;
    throw new CliError(reason, EXIT_START_FAILED);
  }
  logger.info({ services: entries.map((e) => e?.name) }, "started");
}

/** The one line for failures a person can fix (a busy port, a held data directory, no database); undefined for bugs. */
function startFailureReason(err: unknown): string | undefined {
  if (err instanceof StartupError || err instanceof EmbeddedDatabaseBusyError) return err.message;
  if (err instanceof DatabaseUnavailableError) return `${err.message}; check DATABASE_URL or POSTGRES_HOST (unset both for the embedded database)`;
  return undefined;
}

/**
 * `nps start` with a bot token but no TELEGRAM_BOT_SERVICE_KEY: the API and the bot share this
 * process, so they share a key made for this run alone (a fresh clone needs no extra setting).
 */
function withInProcessBotKey(config: Config, only: string | undefined): Config {
  if (only !== undefined || !telegramConfigured(config.telegram) || config.telegram.serviceKey.trim() !== "") return config;
  return { ...config, telegram: { ...config.telegram, serviceKey: randomBytes(32).toString("hex") } };
}
