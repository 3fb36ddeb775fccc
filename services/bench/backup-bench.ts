/**
 * `nps bench backup`: the time of `nps backup --type full` (in this process: snapshot, row
 * counts, pg_dump streamed through gzip and sha256 to disk, sidecar) against a raw
 * `pg_dump | gzip > file` of the same database in the same run, at two database sizes, and the
 * peak RSS of a real `nps backup` process at each size (memory must stay flat as the database
 * grows). The database is a scratch one on the test server (NPS_TEST_DATABASE_URL), filled in SQL.
 */
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createTestDatabase } from "../lib/testing/test-database";
import { createBackup } from "../backup/dump";
import { findPgTools, toolConnection } from "../backup/pg-tools";
import { fillDatabase } from "../backup/testing/fill-database";
import { progressReporter } from "./measure";

const run = promisify(execFile);
export const GOAL_RATIO = 1.1;
const NPS = path.join(__dirname, "..", "..", "bin", "nps.js");

export interface BackupBenchOptions {
  readonly json: boolean;
  /** Readings at the first size; the second has twice as many. */
  readonly readings: number;
  readonly rounds: number;
}

interface SizeResult {
  readings: number;
  raw_seconds: number;
  nps_seconds: number;
  ratio: number;
  dump_bytes: number;
  raw_bytes: number;
  peak_rss_mib: number;
}

async function rawDump(url: string, file: string, pgDump: string): Promise<number> {
  const conn = toolConnection(url, "nps-bench-raw");
  const t0 = process.hrtime.bigint();
  await run("/bin/sh", ["-c", `"$0" --no-owner --no-privileges --dbname="$1" | gzip > "$2"`, pgDump, conn.dbArg, file], { env: conn.env });
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Peak resident memory of a real `nps backup --type full` process (VmHWM, sampled until it exits). */
async function peakRss(url: string, dir: string): Promise<number> {
  const child = spawn(process.execPath, [NPS, "backup", "--type", "full", "--dir", dir, "--non-interactive"], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "ERROR", NPS_METRICS_PUSH_URL: "" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += String(d)));
  let peakKb = 0;
  const sample = () => {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.existsSync(`/proc/${child.pid}/status`) ? fs.readFileSync(`/proc/${child.pid}/status`, "utf8") : "");
    if (m) peakKb = Math.max(peakKb, Number(m[1]));
  };
  const timer = setInterval(sample, 25);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => {
    resolve(c);
  }));
  clearInterval(timer);
  if (code !== 0) throw new Error(`nps backup exited ${code}: ${stderr}`);
  return peakKb / 1024;
}

export async function runBackupBench(o: BackupBenchOptions): Promise<void> {
  const say = o.json ? progressReporter(false) : progressReporter();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(", ");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-bench-backup-"));
  const sizes: SizeResult[] = [];
  let tdb: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  try {
    const pgDump = (await findPgTools(15)).pgDump;
    for (const readings of [o.readings, o.readings * 2]) {
      say(`filling ${readings} readings`);
      // A fresh database per size, filled in SQL.
      tdb = await createTestDatabase();
      await fillDatabase(tdb.db, { readings });
      await tdb.db.query("VACUUM ANALYZE");
      let raw = Infinity;
      let ours = Infinity;
      let dumpBytes = 0;
      const rawFile = path.join(dir, "raw.sql.gz");
      for (let r = 0; r < o.rounds; r++) {
        say(`${readings} readings: round ${r + 1}/${o.rounds}`);
        // Alternate which goes first, so neither always finds a warm cache.
        const order = r % 2 === 0 ? ["raw", "nps"] : ["nps", "raw"];
        for (const which of order) {
          if (which === "raw") raw = Math.min(raw, await rawDump(tdb!.url, rawFile, pgDump));
          else {
            const out = path.join(dir, `r${r}`);
            const t0 = process.hrtime.bigint();
            const result = await createBackup({ url: tdb!.url, kind: "full", backupDir: out });
            ours = Math.min(ours, Number(process.hrtime.bigint() - t0) / 1e9);
            dumpBytes = result.sidecar.size_bytes;
            fs.rmSync(out, { recursive: true, force: true });
          }
        }
      }
      say(`${readings} readings: peak RSS of nps backup`);
      const rss = await peakRss(tdb!.url, path.join(dir, "rss"));
      fs.rmSync(path.join(dir, "rss"), { recursive: true, force: true });
      await tdb.drop();
      tdb = undefined;
      sizes.push({ readings, raw_seconds: raw, nps_seconds: ours, ratio: ours / raw, dump_bytes: dumpBytes, raw_bytes: fs.statSync(rawFile).size, peak_rss_mib: rss });
    }
  } finally {
    say("");
    fs.rmSync(dir, { recursive: true, force: true });
    await tdb?.drop();
  }
  const result = { sizes, goal_ratio: GOAL_RATIO, load_average_at_start: load, load_average_at_end: os.loadavg().map((l) => l.toFixed(2)).join(", ") };
  if (o.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  for (const s of sizes) {
    process.stdout.write(
      `${s.readings} readings: nps backup ${s.nps_seconds.toFixed(2)} s, raw pg_dump | gzip ${s.raw_seconds.toFixed(2)} s, ratio ${s.ratio.toFixed(3)} (goal <= ${GOAL_RATIO}); ` +
        `${(s.dump_bytes / 1048576).toFixed(1)} MiB (raw ${(s.raw_bytes / 1048576).toFixed(1)} MiB); peak RSS of nps backup ${s.peak_rss_mib.toFixed(1)} MiB\n`,
    );
  }
  process.stdout.write(`load average: ${result.load_average_at_start} at start, ${result.load_average_at_end} at end\n`);
}
