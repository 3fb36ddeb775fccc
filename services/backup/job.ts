import path from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import pg from "pg";
import { CliError } from "../cli-error";
import type { BackupType } from "../lib/backup-kinds";
import type { Config } from "../lib/config/load-config";
import { AuditLogRepository } from "../lib/db/repositories/audit-log";
import type { Logger } from "../lib/logger";
import type { Sidecar, Verification } from "./backup-files";
import { sidecarNameOf } from "./backup-files";
import { createBackup } from "./dump";
import { pruneBucket, pruneLocal } from "./listing";
import { backupFailed, backupSucceeded } from "./messages";
import type { BackupMetrics } from "./metrics";
import type { AdminNotifier } from "./notifier";
import type { FindOptions } from "./pg-tools";
import { createS3Client, keyOf, putText, s3Url, uploadFile, type S3Location, type S3Settings } from "./s3-store";
import { verifyBackup } from "./verify";

/**
 * One backup run as the scheduler, the CLI and the admin API take it: dump, verify what was
 * written (when asked), upload the file and its sidecar, apply retention locally and in the
 * bucket, record metrics, write an audit row, tell the admin chat (when asked). A backup whose
 * verification fails is a failed run: it is kept on disk for inspection but not uploaded.
 */

export interface Bucket {
  readonly client: S3Client;
  readonly settings: S3Settings;
  readonly loc: S3Location;
}

export interface BackupJobOptions {
  readonly kind: BackupType;
  readonly url: string;
  readonly backupDir: string;
  readonly retentionDays: Readonly<Record<BackupType, number>>;
  readonly bucket?: Bucket;
  readonly verify: boolean;
  readonly notifier?: AdminNotifier;
  readonly metrics?: BackupMetrics;
  readonly logger?: Logger;
  /** Who asked: "scheduler", "cli", or an administrator's name (the audit row's actor). */
  readonly actor: { readonly id: string | null; readonly username: string };
  readonly now?: () => Date;
  readonly tools?: FindOptions;
  readonly onProgress?: (bytes: number) => void;
  readonly signal?: AbortSignal;
}

export interface BackupJobResult {
  readonly file: string;
  readonly sidecar: Sidecar;
  readonly verification: Verification | undefined;
  readonly uploaded: string[];
  readonly pruned: string[];
  readonly durationSeconds: number;
}

/** The bucket a configuration names (NPS_BACKUP_S3_BUCKET), or an explicit s3:// location. */
export function bucketFrom(config: Config, loc?: S3Location): Bucket | undefined {
  const location = loc ?? (config.backup.s3Bucket ? { bucket: config.backup.s3Bucket, prefix: "" } : undefined);
  if (!location) return undefined;
  const settings: S3Settings = { endpoint: config.backup.s3Endpoint, kmsKeyId: config.backup.kmsKeyId };
  return { client: createS3Client(settings), settings, loc: location };
}

async function audit(url: string, entry: { action: string; success: boolean; actor: BackupJobOptions["actor"]; resourceId: string; details: Record<string, unknown> }, logger?: Logger) {
  const client = new pg.Client({ connectionString: url, application_name: "nps-backup" });
  try {
    await client.connect();
    await new AuditLogRepository(client).append({
      action: entry.action,
      success: entry.success,
      actorId: entry.actor.id,
      actorUsername: entry.actor.username,
      resourceType: "backup",
      resourceId: entry.resourceId,
      severity: entry.success ? "info" : "error",
      details: entry.details,
    });
  } catch (err) {
    // The run already happened; a lost audit row is logged, never fatal.
    logger?.warn({ err: (err as Error).message, action: entry.action }, "audit row not written");
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function tell(notifier: AdminNotifier | undefined, text: string, logger?: Logger): Promise<void> {
  if (!notifier) return;
  await notifier.send(text).catch((err: Error) => logger?.warn({ err: err.message }, "admin chat not told"));
}

export async function runBackupJob(o: BackupJobOptions): Promise<BackupJobResult> {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  const now = o.now ?? (() => new Date());
  try {
    const dump = await createBackup({ url: o.url, kind: o.kind, backupDir: o.backupDir, now, tools: o.tools, onProgress: o.onProgress, signal: o.signal });
    let sidecar = dump.sidecar;
    let verification: Verification | undefined;
    if (o.verify) {
      const v = await verifyBackup(dump.file, o.url, { tools: o.tools, signal: o.signal });
      sidecar = v.sidecar;
      verification = v.verification;
      o.metrics?.verified(o.kind, verification.ok, new Date(sidecar.timestamp));
      if (!verification.ok) throw new CliError(`backup ${sidecar.filename} was written but failed its verification: ${verification.error ?? "row counts differ"}`, 1);
    }
    const uploaded: string[] = [];
    if (o.bucket) {
      const { client, settings, loc } = o.bucket;
      const key = keyOf(loc, o.kind, sidecar.filename);
      await uploadFile(client, settings, loc, key, dump.file, "application/gzip");
      await putText(client, settings, loc, keyOf(loc, o.kind, sidecarNameOf(sidecar.filename)), `${JSON.stringify(sidecar, null, 2)}\n`);
      uploaded.push(s3Url(loc, key));
    }
    const at = now();
    const pruned = await pruneLocal(o.backupDir, o.retentionDays, at);
    if (o.bucket) pruned.push(...(await pruneBucket(o.bucket.client, o.bucket.loc, o.retentionDays, at)));
    const duration = seconds();
    o.metrics?.succeeded(o.kind, new Date(sidecar.timestamp), sidecar.size_bytes, duration);
    o.logger?.info({ kind: o.kind, file: dump.file, bytes: sidecar.size_bytes, verified: verification?.ok, uploaded, pruned, seconds: duration }, "backup written");
    await audit(o.url, { action: "backup.create", success: true, actor: o.actor, resourceId: sidecar.filename, details: { type: o.kind, size_bytes: sidecar.size_bytes, verified: verification?.ok ?? null, uploaded, pruned: pruned.map((p) => path.basename(p)) } }, o.logger);
    await tell(o.notifier, backupSucceeded(sidecar, duration, [dump.file, ...uploaded]), o.logger);
    return { file: dump.file, sidecar, verification, uploaded, pruned, durationSeconds: duration };
  } catch (err) {
    const reason = (err as Error).message;
    o.metrics?.failed(o.kind, seconds());
    o.logger?.error({ kind: o.kind, err: reason }, "backup failed");
    await audit(o.url, { action: "backup.create", success: false, actor: o.actor, resourceId: o.kind, details: { type: o.kind, error: reason } }, o.logger);
    await tell(o.notifier, backupFailed(o.kind, reason), o.logger);
    throw err;
  }
}
