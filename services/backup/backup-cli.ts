import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline/promises";
import pino from "pino";
import { CliError } from "../cli-error";
import { isBackupType, BACKUP_TYPES } from "../lib/backup-kinds";
import { loadDotEnv } from "../lib/config/dotenv";
import { loadConfig, type Config } from "../lib/config/load-config";
import { progressReporter } from "../bench/measure";
import type { BackupFlags } from "./backup-command";
import { DUMP_SUFFIX, parseDumpName, sidecarNameOf, totalRows, type Sidecar } from "./backup-files";
import { bucketFrom, runBackupJob } from "./job";
import { entryView, listAll } from "./listing";
import { humanBytes, restoreFailed, restoreSucceeded } from "./messages";
import { pushBeforeExit } from "../lib/metrics-push";
import { BackupMetrics } from "./metrics";
import { telegramAdminNotifier, type AdminNotifier } from "./notifier";
import { restoreBackup } from "./restore";
import { downloadFile, parseS3Url } from "./s3-store";
import { verifyBackup } from "./verify";
import { createRegistry } from "../lib/metrics";
import { recordRestore } from "./restore-audit";

/** The `nps backup ...` and `nps restore` commands: configuration, output, exit codes. */

// The command prints its own one-line outcome; the job's log lines would only repeat it.
const logger = () => pino({ level: "fatal", base: { service: "nps-backup" } }, pino.destination(2));

function cliConfig(): Config {
  loadDotEnv();
  return loadConfig(process.env, { service: "backup" });
}

/** The PostgreSQL server the configuration names; backups need a real one. */
export function databaseUrl(config: Config): string {
  if (config.database.kind !== "postgres") {
    throw new CliError(
      "backups need a PostgreSQL server (set DATABASE_URL or POSTGRES_HOST); the embedded database keeps its data in NPS_DATA_DIR: stop NPS and copy that directory instead",
      2,
    );
  }
  return config.database.url;
}

/** Errors of the database or the network (they carry a code) as one line, not a stack. */
async function plainErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string") throw new CliError(`${(err as Error).message} (${code})`, 1);
    throw err;
  }
}

function print(json: boolean | undefined, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}

/** --notify's notifier: a message that was not delivered is one line on stderr, never the command's failure. */
function notifierFor(config: Config, notify: boolean | undefined): AdminNotifier | undefined {
  if (!notify) return undefined;
  const chat = telegramAdminNotifier(config.telegram);
  return { send: (text) => chat.send(text).catch((err: Error) => void process.stderr.write(`nps: admin chat not told: ${err.message}\n`)) };
}

export function runBackupCommand(opts: BackupFlags): Promise<void> {
  return plainErrors(async () => {
    if (opts.type === undefined || !isBackupType(opts.type)) {
      throw new CliError(`--type: expected ${BACKUP_TYPES.join(" or ")}${opts.type === undefined ? "" : `, got "${opts.type}"`}`, 2);
    }
    const config = cliConfig();
    const url = databaseUrl(config);
    const bucket = bucketFrom(config, opts.upload ? parseS3Url(opts.upload) : undefined);
    const progress = progressReporter(!opts.nonInteractive && process.stderr.isTTY === true);
    const metrics = new BackupMetrics(createRegistry("backup"));
    const started = Date.now();
    try {
      const result = await runBackupJob({
        kind: opts.type,
        url,
        backupDir: path.resolve(opts.dir ?? config.backupDir),
        retentionDays: config.backup.retentionDays,
        bucket,
        verify: opts.verify === true,
        notifier: notifierFor(config, opts.notify),
        metrics,
        logger: logger(),
        actor: { id: null, username: "nps-cli" },
        onProgress: (bytes) => progress(`backup ${opts.type}: ${humanBytes(bytes)} written, ${((Date.now() - started) / 1000).toFixed(0)} s`),
      });
      progress("");
      const s = result.sidecar;
      const verified = result.verification ? (result.verification.ok ? ", verified" : ", NOT verified") : "";
      print(
        opts.json,
        { file: result.file, ...s, uploaded: result.uploaded, pruned: result.pruned, duration_seconds: result.durationSeconds },
        [`${result.file} (${humanBytes(s.size_bytes)}, ${s.tables.length} tables, ${totalRows(s)} rows${verified})`, ...result.uploaded.map((u) => `uploaded ${u}`), ...result.pruned.map((p) => `removed ${p} (past retention)`)].join("\n"),
      );
    } finally {
      progress("");
      await pushBeforeExit(metrics.registry, config.metricsPushUrl, "backup", "nps_backup_");
    }
  });
}

export function runListCommand(opts: { dir?: string; json?: boolean }): Promise<void> {
  return plainErrors(async () => {
    const config = cliConfig();
    const bucket = bucketFrom(config);
    const entries = await listAll(path.resolve(opts.dir ?? config.backupDir), bucket);
    const views = entries.map(entryView);
    const text = views.length
      ? views
          .map((v) => `${v.timestamp}  ${v.type.padEnd(6)}  ${humanBytes(v.size_bytes).padStart(10)}  ${v.verified ? (v.verified.ok ? "verified" : "FAILED  ") : "        "}  ${v.where}`)
          .join("\n")
      : "no backups";
    print(opts.json, views, text);
  });
}

/** A local backup file for FILE, `latest` or an s3:// URL (downloaded with its sidecar to a temporary directory). */
async function resolveBackup(arg: string, config: Config, dir: string | undefined): Promise<{ file: string; cleanup: () => Promise<void> }> {
  const none = async () => undefined;
  if (arg === "latest") {
    const entries = await listAll(path.resolve(dir ?? config.backupDir), bucketFrom(config));
    const newest = entries[0];
    if (!newest) throw new CliError(`no backups in ${path.resolve(dir ?? config.backupDir)}${config.backup.s3Bucket ? ` or s3://${config.backup.s3Bucket}` : ""}`, 1);
    return newest.location === "local" ? { file: newest.where, cleanup: none } : download(newest.where, config);
  }
  if (arg.startsWith("s3://")) return download(arg, config);
  return { file: path.resolve(arg), cleanup: none };
}

async function download(url: string, config: Config): Promise<{ file: string; cleanup: () => Promise<void> }> {
  const loc = parseS3Url(url);
  const name = path.posix.basename(loc.prefix.replace(/\/$/, ""));
  const parsed = parseDumpName(name);
  if (!parsed || !name.endsWith(DUMP_SUFFIX)) throw new CliError(`${url}: not a backup's URL (expected .../<name>${DUMP_SUFFIX})`, 2);
  const bucket = bucketFrom(config, { bucket: loc.bucket, prefix: "" })!;
  const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), "nps-backup-"));
  const file = path.join(tmp, name);
  const key = loc.prefix.replace(/\/$/, "");
  await downloadFile(bucket.client, bucket.loc, key, file);
  await downloadFile(bucket.client, bucket.loc, `${key.slice(0, -name.length)}${sidecarNameOf(name)}`, path.join(tmp, sidecarNameOf(name))).catch(() => undefined);
  return { file, cleanup: () => fs.promises.rm(tmp, { recursive: true, force: true }) };
}

export function runVerifyCommand(arg: string, opts: { dir?: string; json?: boolean }): Promise<void> {
  return plainErrors(async () => {
    const config = cliConfig();
    const url = databaseUrl(config);
    const { file, cleanup } = await resolveBackup(arg, config, opts.dir);
    try {
      const { sidecar, verification } = await verifyBackup(file, url);
      print(
        opts.json,
        { file, type: sidecar.type, ...verification, expected: sidecar.row_counts },
        verification.ok
          ? `${file}: verified (restored into a scratch database; ${Object.keys(sidecar.row_counts).length} tables, every row count and the sha256 match)`
          : `${file}: verification FAILED: ${verification.error}`,
      );
      if (!verification.ok) process.exitCode = 1;
    } finally {
      await cleanup();
    }
  });
}

async function confirm(sidecar: Sidecar, database: string): Promise<boolean> {
  const what = sidecar.type === "full" ? `REPLACE the whole database ${database}` : `replace the Oracle tables of ${database}`;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  // Ctrl+C or Ctrl+D at the prompt (readline rejects the question), or a terminal that went away
  // (the interface closes, and the question would wait forever): no answer is a no.
  let answer: string | undefined;
  const closed = new Promise<void>((resolve) => rl.once("close", resolve));
  const asked = rl.question(`This will ${what} with ${sidecar.filename} (taken ${sidecar.timestamp}). Continue? [y/N] `).then(
    (a) => void (answer = a),
    (err: Error) => {
      if (err.name !== "AbortError") throw err;
    },
  );
  try {
    await Promise.race([asked, closed]);
  } finally {
    rl.close();
  }
  // The cancellation's message starts on a line of its own, not after the prompt.
  if (answer === undefined) process.stderr.write("\n");
  return answer !== undefined && /^y(es)?$/i.test(answer.trim());
}

export function runRestoreCommand(arg: string, opts: { nonInteractive?: boolean; notify?: boolean }): Promise<void> {
  return plainErrors(async () => {
    const config = cliConfig();
    const url = databaseUrl(config);
    if (!opts.nonInteractive && !process.stdin.isTTY) throw new CliError("restore asks for confirmation on a terminal; pass --non-interactive to restore without asking", 2);
    const notifier = notifierFor(config, opts.notify);
    const { file, cleanup } = await resolveBackup(arg, config, undefined);
    try {
      const summary = await restoreBackup(file, url, { confirm: opts.nonInteractive ? undefined : confirm });
      await recordRestore(url, { ...summary }, true);
      await notifier?.send(restoreSucceeded(summary.backup, summary.database, summary.rows));
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } catch (err) {
      const reason = (err as Error).message;
      await recordRestore(url, { backup: path.basename(file), error: reason }, false);
      await notifier?.send(restoreFailed(path.basename(file), reason));
      throw err;
    } finally {
      await cleanup();
    }
  });
}
