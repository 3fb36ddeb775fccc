import type { Config } from "./lib/config/load-config";
import type { ServiceMain } from "./lib/service-context";
import type { ServiceName } from "./lib/service-names";
import { telegramConfigured } from "./lib/telegram/telegram-api";

/**
 * The services this build can run, in start order. Each entry loads its module lazily, so
 * `nps start --only oracle` never loads the API's dependencies. `inAll` says whether plain
 * `nps start` (everything in one process) includes it.
 */
export interface ServiceEntry {
  readonly name: ServiceName;
  readonly load: () => Promise<ServiceMain>;
  readonly inAll: (config: Config) => boolean;
  readonly summary: string;
}

export const SERVICES: readonly ServiceEntry[] = [
  // Services register here as they are built; see services/<name>/main.ts.
  {
    name: "oracle",
    load: async () => (await import("./oracle/main.js")).main,
    inAll: () => true,
    summary: "Oracle readings over gRPC (:50052), metrics on :9090",
  },
  {
    name: "api",
    load: async () => (await import("./api/main.js")).main,
    inAll: () => true,
    summary: "The REST API, /ws and /metrics (:8000)",
  },
  {
    name: "scheduler",
    load: async () => (await import("./scheduler/main.js")).main,
    inAll: () => true,
    summary: "Daily readings at NPS_DAILY_SCHEDULER_HOUR:MINUTE UTC, metrics on :9103",
  },
  {
    name: "telegram-bot",
    load: async () => (await import("./telegram-bot/main.js")).main,
    inAll: (config) => telegramConfigured(config.telegram),
    summary: "The Telegram bot (talks to the API), metrics on :9101",
  },
  {
    name: "alerter",
    load: async () => (await import("./alerter/main.js")).main,
    inAll: (config) => telegramConfigured(config.telegram),
    summary: "Alerts to the admin chat: Alertmanager's webhook, cloud alarms, its own health checks (:9102)",
  },
  {
    name: "backup",
    load: async () => (await import("./backup/main.js")).main,
    // Its own container (or the prod stack's scheduled tasks); never part of the one-process platform.
    inAll: () => false,
    summary: "Scheduled, verified database backups (metrics on :9104)",
  },
];

export function findService(name: ServiceName): ServiceEntry | undefined {
  return SERVICES.find((s) => s.name === name);
}
