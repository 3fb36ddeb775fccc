import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { freePort } from "../cache/test-redis-server";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createPool, poolDatabase } from "./database";
import { migrateUp } from "./migrator";

/**
 * Through a real PgBouncer (Debian's package) in transaction pooling, configured as the dev
 * stack's pool (the upstream image's defaults: only extra_float_digits ignored among startup
 * parameters): the services' pool connects, and the statement timeout still applies.
 */
async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited ${child.exitCode}: ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: "127.0.0.1", port }).once("connect", () => (s.destroy(), resolve(true))).once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pgbouncer did not listen on ${port}: ${log()}`);
}

describe("the database pool through PgBouncer", function () {
  this.timeout(60_000);
  let tdb: TestDatabase;
  let dir: string;
  let bouncer: ChildProcess;
  let port: number;
  let stderr = "";

  before(async () => {
    tdb = await createTestDatabase({ migrated: false });
    await migrateUp(tdb.db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-pgbouncer-"));
    port = await freePort();
    const server = new URL(tdb.url);
    fs.writeFileSync(path.join(dir, "userlist.txt"), `"${decodeURIComponent(server.username) || "postgres"}" ""\n`);
    fs.writeFileSync(
      path.join(dir, "pgbouncer.ini"),
      [
        "[databases]",
        `* = host=${server.hostname} port=${server.port || 5432}`,
        "[pgbouncer]",
        "listen_addr = 127.0.0.1",
        `listen_port = ${port}`,
        "unix_socket_dir =",
        "auth_type = trust",
        `auth_file = ${path.join(dir, "userlist.txt")}`,
        "pool_mode = transaction",
        "default_pool_size = 2",
        "ignore_startup_parameters = extra_float_digits",
        "",
      ].join("\n"),
    );
    // pgbouncer refuses to run as root unless told which user to become.
    const asUser = process.getuid?.() === 0 ? ["-u", "postgres"] : [];
    fs.chmodSync(dir, 0o755);
    bouncer = spawn("pgbouncer", [...asUser, path.join(dir, "pgbouncer.ini")], { stdio: ["ignore", "ignore", "pipe"] });
    bouncer.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
    await waitForPort(port, bouncer, () => stderr);
  });

  after(async () => {
    bouncer?.kill("SIGTERM");
    await tdb?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("connects, and every pooled session has the 30 s statement timeout", async () => {
    const url = new URL(tdb.url);
    url.host = `127.0.0.1:${port}`;
    const pool = createPool(url.toString(), { max: 4 });
    const db = poolDatabase(pool, "postgres", url.toString());
    try {
      const timeouts = await Promise.all(Array.from({ length: 8 }, () => db.query<{ statement_timeout: string }>("SHOW statement_timeout")));
      expect(timeouts.map((r) => r.rows[0].statement_timeout)).to.deep.equal(Array(8).fill("30s"));
      const tx = await db.transaction(async (q) => (await q.query<{ n: number }>("SELECT 1 AS n")).rows[0].n);
      expect(tx).to.equal(1);
    } finally {
      await db.close();
    }
  });
});
