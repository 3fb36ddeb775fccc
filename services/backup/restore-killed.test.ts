import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { useTestDatabase } from "../lib/testing/test-database";
import { createBackup } from "./dump";
import { fillDatabase } from "./testing/fill-database";
import { tableChecksums } from "./testing/table-checksums";

const NPS = path.join(__dirname, "..", "..", "bin", "nps.js");

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0];
  } catch {
    return "";
  }
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));

describe("a restore killed half way leaves the old data", function () {
  this.timeout(180_000);
  const t = useTestDatabase();
  let dir: string;
  let file: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-restore-kill-"));
    await fillDatabase(t.db, { readings: 20_000 });
    file = (await createBackup({ url: t.url, kind: "full", backupDir: dir })).file;
    // What the restore would replace: different from the backup, so a partial restore would show.
    await t.db.query("DELETE FROM oracle_readings WHERE reading_type = 'time'");
    await t.db.query("UPDATE users SET failed_attempts = 1");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Starts `nps restore`, waits until its psql is loading rows (the schema already dropped inside the transaction), then kills `victim`. */
  async function restoreAndKill(victim: "psql" | "nps"): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [NPS, "restore", "--non-interactive", file], {
      env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: "test", LOG_LEVEL: "ERROR" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += String(d)));
    const done = exited(child);
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { rows } = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'nps-restore' AND state = 'active' AND query LIKE 'COPY public.oracle_readings%'",
      );
      if (rows[0].n > 0) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the restore never reached its COPY: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    if (victim === "psql") {
      const psql = childrenOf(child.pid!).find((pid) => commandOf(pid).endsWith("psql"));
      expect(psql, "psql child of nps restore").to.be.a("number");
      process.kill(psql!, "SIGKILL");
    } else {
      child.kill("SIGKILL");
    }
    const code = await done;
    return { code, stderr };
  }

  // nps first: its run leaves no audit row, so the psql run's counts start from the same log.
  for (const victim of ["nps", "psql"] as const) {
    it(`kill -9 of ${victim === "psql" ? "its psql" : "the nps restore process itself"}`, async () => {
      const before = await tableChecksums(t.db);
      const { code, stderr } = await restoreAndKill(victim);
      expect(code).to.not.equal(0);
      if (victim === "psql") expect(stderr).to.match(/nothing was changed: psql was killed \(SIGKILL\)/);
      // The server rolls the open transaction back once its client is gone.
      for (let i = 0; i < 200; i++) {
        const { rows } = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'nps-restore'");
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const after = await tableChecksums(t.db);
      // The refused restore adds its own audit row ("backup.restore", failed); nothing else changed.
      const restoreRows = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM oracle_audit_log WHERE action = 'backup.restore' AND NOT success");
      expect(restoreRows.rows[0].n).to.equal(victim === "psql" ? 1 : 0);
      const auditCount = (c: Record<string, string>) => Number(c.oracle_audit_log.split(":")[0]);
      expect(auditCount(after)).to.equal(auditCount(before) + restoreRows.rows[0].n);
      delete after.oracle_audit_log;
      delete before.oracle_audit_log;
      expect(after).to.deep.equal(before);
    });
  }
});
