import { expect } from "chai";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NPS_BIN } from "../testing/nps-process";

function nps(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [NPS_BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? "", HOME: cwd } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("nps env init", function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-env-"))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("into a folder that does not exist: one line naming --file and the folder, exit 2, nothing written", async () => {
    const run = await nps(["env", "init", "--file", "missing/.env"], dir);
    expect(run).to.deep.include({ code: 2, stdout: "", stderr: "nps: --file: the folder missing does not exist; create it first\n" });
    expect(fs.existsSync(path.join(dir, "missing"))).to.equal(false);
  });

  it("writes an owner-only .env once, and refuses to overwrite it without --force", async () => {
    const first = await nps(["env", "init"], dir);
    expect(first.code, first.stderr).to.equal(0);
    expect(fs.statSync(path.join(dir, ".env")).mode & 0o777).to.equal(0o600);
    expect(fs.readFileSync(path.join(dir, ".env"), "utf8")).to.match(/^API_SECRET_KEY=[0-9a-f]{64}$/m);
    expect(await nps(["env", "init"], dir)).to.deep.include({ code: 2, stderr: "nps: .env exists; pass --force to replace it\n" });
  });
});
