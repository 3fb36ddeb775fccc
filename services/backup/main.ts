import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import pkg from "../../package.json";
import { ConfigError } from "../lib/config/load-config";
import { createRegistry } from "../lib/metrics";
import type { ServiceContext } from "../lib/service-context";
import { closeServer, createSideHttpServer, listen } from "../lib/side-http";
import { BACKUP_TYPES } from "../lib/backup-kinds";
import { bucketFrom, runBackupJob } from "./job";
import { listLocal } from "./listing";
import { BackupMetrics } from "./metrics";
import { adminChatConfigured, telegramAdminNotifier } from "./notifier";
import { BackupScheduler, type Clock } from "./scheduler";
import type { FindOptions } from "./pg-tools";

/**
 * The backup service (`nps start --only backup`): the seed's schedule (daily 00:00 UTC the
 * Oracle tables, Sunday 03:00 UTC the whole database), each run verified by a restore into a
 * scratch database, uploaded to the bucket when one is configured, retention applied, metrics
 * on its side port (:9104) and failures told to the admin chat when Telegram is configured.
 */

export interface BackupServiceHooks {
  readonly clock?: Clock;
  readonly tools?: FindOptions;
  /** Called after each scheduled run, with its outcome (tests wait on it). */
  readonly onRun?: (kind: string, ok: boolean) => void;
}

export function backupServiceMain(hooks: BackupServiceHooks = {}) {
  return async ({ config, logger, lifecycle }: ServiceContext): Promise<{ port: number; metrics: BackupMetrics; scheduler: BackupScheduler }> => {
    if (config.database.kind !== "postgres") throw new ConfigError(["DATABASE_URL or POSTGRES_HOST: the backup service needs a PostgreSQL server"]);
    const url = config.database.url;
    const registry = createRegistry("backup");
    const metrics = new BackupMetrics(registry);
    // After a restart the alert rules must still see when the last backups were taken and checked.
    const seen = { success: new Set<string>(), verified: new Set<string>() };
    for (const e of await listLocal(config.backupDir)) {
      if (!e.sidecar) continue;
      const at = new Date(e.sidecar.timestamp).getTime() / 1000;
      if (!seen.success.has(e.type)) metrics.lastSuccess.set({ kind: e.type }, at);
      seen.success.add(e.type);
      if (e.sidecar.verification?.ok && !seen.verified.has(e.type)) {
        metrics.lastVerified.set({ kind: e.type }, at);
        seen.verified.add(e.type);
      }
    }
    const notifier = adminChatConfigured(config.telegram) ? telegramAdminNotifier(config.telegram) : undefined;
    const bucket = bucketFrom(config);
    const scheduler = new BackupScheduler({
      schedules: config.backup.schedules,
      clock: hooks.clock,
      logger,
      run: async (kind, _dueAt, signal) => {
        let ok = false;
        try {
          await runBackupJob({
            kind,
            url,
            backupDir: config.backupDir,
            retentionDays: config.backup.retentionDays,
            bucket,
            verify: true,
            notifier,
            metrics,
            logger,
            actor: { id: null, username: "nps-backup" },
            now: hooks.clock ? () => hooks.clock!.now() : undefined,
            tools: hooks.tools,
            signal,
          });
          ok = true;
        } finally {
          hooks.onRun?.(kind, ok);
        }
      },
    });
    const server = createSideHttpServer({
      registry,
      service: "backup",
      version: pkg.version,
      readiness: {
        database: async () => {
          const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
          try {
            await client.connect();
            await client.query("SELECT 1");
            return true;
          } catch (err) {
            return `unreachable: ${(err as Error).message}`;
          } finally {
            await client.end().catch(() => undefined);
          }
        },
        backup_dir: async () => {
          try {
            await fs.promises.mkdir(config.backupDir, { recursive: true });
            await fs.promises.access(config.backupDir, fs.constants.W_OK);
            return true;
          } catch (err) {
            return `not writable: ${path.resolve(config.backupDir)} (${(err as Error).message})`;
          }
        },
      },
    });
    const port = await listen(server, config.backup.metricsPort, config.bindHost, { what: "the backup service's metrics port", portVariable: "NPS_BACKUP_METRICS_PORT", hostVariable: "NPS_BIND_HOST" });
    scheduler.start();
    lifecycle.onShutdown("backup http", () => closeServer(server));
    lifecycle.onShutdown("backup scheduler", () => scheduler.stop());
    logger.info({ port, dir: config.backupDir, bucket: bucket ? bucket.loc.bucket : null, next: scheduler.upcoming().map((d) => ({ kind: d.kind, at: d.at.toISOString() })), kinds: BACKUP_TYPES }, "backup service scheduled");
    return { port, metrics, scheduler };
  };
}

export const main = async (ctx: ServiceContext): Promise<void> => {
  await backupServiceMain()(ctx);
};
