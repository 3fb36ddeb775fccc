import { randomBytes } from "node:crypto";
import pg from "pg";
import { postgresDatabase } from "../lib/db/database";
import { migrateUp } from "../lib/db/migrator";
import type { Sidecar, Verification } from "./backup-files";
import { checkBackup } from "./backup-check";
import { migrationNumber, quoteIdent, rowCounts } from "./database-facts";
import { withDatabase, type FindOptions } from "./pg-tools";
import { runRestoreSql } from "./restore";
import { sidecarPathOf, writeSidecar } from "./sidecar-io";

/**
 * `nps backup verify`: a backup counts once it has been restored. The file is checked (sha256,
 * header, schema), restored into a scratch database on the same server (an oracle backup into one
 * migrated to the backup's schema), every table's row count is compared with the sidecar's, and
 * the scratch database is dropped. The result is written into the sidecar (`verification`).
 */

const SCRATCH_PREFIX = "nps_verify_";
/** Scratch databases left by a run that was killed are dropped once they are this old. */
const STALE_MS = 6 * 3600 * 1000;

export interface VerifyOptions {
  readonly tools?: FindOptions;
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
}

export interface VerifyResult {
  readonly sidecar: Sidecar;
  readonly verification: Verification;
  /** The scratch database it used (dropped by now). */
  readonly scratch: string;
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "nps-verify" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function dropStaleScratch(c: pg.Client, now: Date): Promise<void> {
  const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'nps\\_verify\\_%'");
  for (const { datname } of rows) {
    const ms = Number(/^nps_verify_(\d+)_/.exec(datname)?.[1]);
    if (Number.isFinite(ms) && now.getTime() - ms > STALE_MS) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`).catch(() => undefined);
  }
}

/** Verifies a backup against the server at `url` (any database on it; the scratch one is created beside it). */
export async function verifyBackup(file: string, url: string, o: VerifyOptions = {}): Promise<VerifyResult> {
  const now = (o.now ?? (() => new Date()))();
  const started = process.hrtime.bigint();
  const sidecar = await checkBackup(file);
  const scratch = `${SCRATCH_PREFIX}${now.getTime()}_${randomBytes(4).toString("hex")}`;
  const scratchUrl = withDatabase(url, scratch);
  let verification: Verification | undefined;
  await admin(url, async (c) => {
    await dropStaleScratch(c, now);
    await c.query(`CREATE DATABASE ${quoteIdent(scratch)} TEMPLATE template0 ENCODING 'UTF8'`);
  });
  try {
    if (sidecar.type === "oracle") {
      const db = postgresDatabase(scratchUrl, { max: 1, applicationName: "nps-verify" });
      try {
        await migrateUp(db, { to: migrationNumber(sidecar.schema_version) });
      } finally {
        await db.close();
      }
    }
    await runRestoreSql(file, scratchUrl, sidecar, { tools: o.tools, scratch: true, signal: o.signal, applicationName: "nps-verify" });
    const counts = await admin(scratchUrl, (c) => rowCounts(c, sidecar.tables));
    const wrong = Object.entries(sidecar.row_counts).filter(([t, n]) => counts[t] !== n);
    verification = {
      verified_at: new Date().toISOString(),
      ok: wrong.length === 0,
      row_counts: counts,
      duration_seconds: seconds(started),
      ...(wrong.length ? { error: `row counts differ: ${wrong.map(([t, n]) => `${t} ${counts[t]} (sidecar ${n})`).join(", ")}` } : {}),
    };
  } catch (err) {
    // The file passed its checks yet does not restore: that is a failed verification, kept in the sidecar.
    verification = { verified_at: new Date().toISOString(), ok: false, row_counts: {}, duration_seconds: seconds(started), error: (err as Error).message };
  } finally {
    await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(scratch)} WITH (FORCE)`)).catch(() => undefined);
  }
  if (!verification) throw new Error("verification did not finish");
  const updated: Sidecar = { ...sidecar, verification };
  await writeSidecar(sidecarPathOf(file), updated);
  return { sidecar: updated, verification, scratch };
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
