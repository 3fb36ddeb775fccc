import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import pg from "pg";
import pkg from "../../package.json";
import { CliError } from "../cli-error";
import type { BackupType } from "../lib/backup-kinds";
import { startTool, toolMessage } from "./child";
import { dumpFileName, headerLine, kindDir, sidecarNameOf, type Sidecar } from "./backup-files";
import { CopyRowCounter } from "./copy-counter";
import { publicTables, requireSchemaVersion, serverVersion } from "./database-facts";
import { ORACLE_TABLES } from "./oracle-tables";
import { findPgTools, toolConnection, type FindOptions } from "./pg-tools";
import { writeSidecar } from "./sidecar-io";

/**
 * Takes one backup: pg_dump (plain SQL) streamed through gzip and a sha256 into
 * `<dir>/<name>.partial`, renamed into place once complete and synced, then the sidecar. The
 * table list and schema version come from the snapshot pg_dump reads (exported from a REPEATABLE
 * READ transaction); the row counts are counted in the dump as it streams past (./copy-counter.ts),
 * so they describe exactly what the file holds. Nothing is ever held whole in
 * memory: memory stays flat whatever the database's size.
 */

export interface DumpOptions {
  readonly url: string;
  readonly kind: BackupType;
  readonly backupDir: string;
  readonly now?: () => Date;
  readonly tools?: FindOptions;
  /** Compressed bytes written so far (for a progress line). */
  readonly onProgress?: (bytes: number) => void;
  readonly signal?: AbortSignal;
  /** gzip level; 6 is gzip's own default. */
  readonly level?: number;
}

export interface DumpResult {
  readonly file: string;
  readonly sidecarFile: string;
  readonly sidecar: Sidecar;
  readonly durationSeconds: number;
}

export async function createBackup(o: DumpOptions): Promise<DumpResult> {
  const started = process.hrtime.bigint();
  const at = (o.now ?? (() => new Date()))();
  const client = new pg.Client({ connectionString: o.url, application_name: "nps-backup" });
  await client.connect();
  let partial: string | undefined;
  try {
    const server = await serverVersion(client);
    const tools = await findPgTools(server.major, o.tools);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = (await client.query<{ s: string }>("SELECT pg_export_snapshot() AS s")).rows[0].s;
    const schema = await requireSchemaVersion(client);
    const present = await publicTables(client);
    const tables = o.kind === "full" ? present : [...ORACLE_TABLES];
    const missing = tables.filter((t) => !present.includes(t));
    if (missing.length) throw new CliError(`the database lacks ${missing.join(", ")}: not an NPS database at a known schema`, 1);
    const database = (await client.query<{ d: string }>("SELECT current_database() AS d")).rows[0].d;

    const dir = kindDir(o.backupDir, o.kind);
    await fs.promises.mkdir(dir, { recursive: true });
    const name = dumpFileName(o.kind, at);
    const file = path.join(dir, name);
    if (fs.existsSync(file)) throw new CliError(`${file} already exists (one backup of a kind per second)`, 1);
    partial = `${file}.partial`;

    const conn = toolConnection(o.url, "nps-backup");
    const args = ["--no-owner", "--no-privileges", `--snapshot=${snapshot}`];
    if (o.kind === "oracle") args.push("--data-only", ...tables.flatMap((t) => ["--table", `public.${t}`]));
    const dump = startTool(tools.pgDump, [...args, `--dbname=${conn.dbArg}`], conn.env, "ignore", o.signal);

    const hash = createHash("sha256");
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        bytes += chunk.length;
        o.onProgress?.(bytes);
        done(null, chunk);
      },
    });
    const header = headerLine({ format: "nps-backup/1", type: o.kind, timestamp: at.toISOString(), schema_version: schema, database });
    const counter = new CopyRowCounter();
    async function* source() {
      yield Buffer.from(header);
      yield* dump.child.stdout!.pipe(counter);
    }
    const written = pipeline(
      source(),
      zlib.createGzip({ level: o.level ?? 6, chunkSize: 64 * 1024 }),
      meter,
      fs.createWriteStream(partial, { flags: "wx" }),
      { signal: o.signal },
    );
    const [exit] = await Promise.all([dump.exited, written.catch((err: unknown) => {
      dump.kill();
      throw err;
    })]);
    if (exit.code !== 0) throw new CliError(`backup failed: ${toolMessage("pg_dump", dump.stderrText(), exit)}`, 1);
    const absent = tables.filter((t) => counter.counts[t] === undefined);
    if (absent.length) throw new CliError(`backup failed: the dump holds no rows block for ${absent.join(", ")}`, 1);
    const counts = Object.fromEntries(tables.map((t) => [t, counter.counts[t]]));
    await client.query("COMMIT");

    await syncFile(partial);
    await fs.promises.rename(partial, file);
    partial = undefined;
    const sidecar: Sidecar = {
      format: "nps-backup/1",
      filename: name,
      type: o.kind,
      timestamp: at.toISOString(),
      size_bytes: bytes,
      sha256: hash.digest("hex"),
      tables,
      row_counts: counts,
      database,
      schema_version: schema,
      nps_version: pkg.version,
      server_version: server.text,
    };
    const sidecarFile = path.join(dir, sidecarNameOf(name));
    await writeSidecar(sidecarFile, sidecar);
    return { file, sidecarFile, sidecar, durationSeconds: Number(process.hrtime.bigint() - started) / 1e9 };
  } finally {
    if (partial) await fs.promises.rm(partial, { force: true });
    await client.end().catch(() => undefined);
  }
}

async function syncFile(file: string): Promise<void> {
  const fh = await fs.promises.open(file, "r+");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
