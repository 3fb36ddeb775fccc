import { expect } from "chai";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { TEST_KEY } from "../testing/test-cipher";
import { migrationFiles } from "./migrator";

const NPS = path.resolve(__dirname, "../../../bin/nps.js");

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `nps` as a user would, in a pipe, from an empty folder, with only the given environment. */
function nps(args: readonly string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "nps-cli-"));
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [NPS, ...args], { cwd, env: { PATH: process.env.PATH ?? "", HOME: cwd, ...env } }, (err, stdout, stderr) => {
      fs.rmSync(cwd, { recursive: true, force: true });
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin ?? "");
  });
}

describe("nps migrate, nps admin, nps encryption (the command line)", function () {
  this.timeout(120_000);
  let t: TestDatabase;
  let env: Record<string, string>;
  before(async () => {
    t = await createTestDatabase({ migrated: false });
    env = { DATABASE_URL: t.url, NPS_ENCRYPTION_KEY: TEST_KEY.key, NPS_ENCRYPTION_SALT: TEST_KEY.salt };
  });
  after(() => t.drop());

  it("migrate up --to, status, down --to, status --json", async () => {
    const up = await nps(["migrate", "up", "--to", "2"], env);
    expect(up.code, up.stderr).to.equal(0);
    expect(up.stdout).to.equal(`applied 2 migrations:\n${migrationFiles().slice(0, 2).map((m) => `  ${m.name}\n`).join("")}`);
    const status = await nps(["migrate", "status"], env);
    expect(status.stdout).to.match(new RegExp(`${migrationFiles()[0]!.name}\\s+applied \\d{4}-`));
    expect(status.stdout).to.match(new RegExp(`${migrationFiles()[2]!.name}\\s+pending`));
    const all = await nps(["migrate", "up"], env);
    expect(all.stdout).to.contain(`applied ${migrationFiles().length - 2} migrations`);
    const down = await nps(["migrate", "down", "--to", "1"], env);
    expect(down.code).to.equal(0);
    expect(down.stdout).to.contain(`rolled back ${migrationFiles().length - 1} migrations`);
    const json = JSON.parse((await nps(["migrate", "status", "--json"], env)).stdout) as { id: number; applied_at: string | null }[];
    expect(json.map((m) => m.applied_at !== null)).to.deep.equal(migrationFiles().map((m) => m.id === 1));
  });

  it("admin create reads the password from stdin; a taken name exits 3, bad input exits 2", async () => {
    const ok = await nps(["admin", "create", "--username", "ops_admin", "--password-stdin"], env, "a long enough password\n");
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.match(/^created admin "ops_admin" \([0-9a-f-]{36}\)\n$/);
    const role = await t.db.query(`SELECT role FROM users WHERE username = 'ops_admin'`);
    expect(role.rows[0].role).to.equal("admin");

    const taken = await nps(["admin", "create", "--username", "OPS_ADMIN", "--password-stdin"], env, "another long password\n");
    expect(taken).to.deep.include({ code: 3, stderr: 'nps: an account named "OPS_ADMIN" already exists\n' });
    const short = await nps(["admin", "create", "--username", "ops2", "--password-stdin"], env, "short\n");
    expect(short).to.deep.include({ code: 2, stderr: "nps: password: must be 8 to 128 characters\n" });
  });

  it("encryption rotate in a pipe prints only its summary; without a key it explains and exits 1", async () => {
    const rotate = await nps(["encryption", "rotate", "--batch-size", "10"], env);
    expect(rotate.code, rotate.stderr).to.equal(0);
    expect(rotate.stderr).to.equal("");
    expect(rotate.stdout).to.match(/^scanned \d+ rows, re-encrypted 0 under key [0-9a-f]{8}\n$/);
    const keyless = await nps(["encryption", "rotate"], { DATABASE_URL: t.url });
    expect(keyless.code).to.equal(1);
    expect(keyless.stderr).to.match(/no key to rotate to/);
  });

  it("says clearly when the database cannot be reached", async () => {
    const r = await nps(["migrate", "status"], { DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere" });
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/^nps: the database is unavailable: /);
  });
});
