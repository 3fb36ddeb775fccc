import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { installCommand, missingPackages, planSetup } from "./plan";
import { findCommand, searchPath } from "./lookup";
import { REQUIREMENTS, type Requirement } from "./requirements";

const LIST: Requirement[] = [
  { command: "nginx", apt: "nginx", usedBy: "a" },
  { command: "promtool", apt: "prometheus", usedBy: "b" },
  { command: "prometheus", apt: "prometheus", usedBy: "c" },
  { command: "amtool", apt: "prometheus-alertmanager", usedBy: "d" },
];

describe("test setup: what npm test installs before it runs", () => {
  it("does nothing when every command is there", () => {
    expect(planSetup(LIST, { has: () => true, root: true, aptGet: true })).to.deep.equal({ kind: "ready" });
  });

  it("installs each missing package once, as root with apt-get", () => {
    const plan = planSetup(LIST, { has: (c) => c === "nginx", root: true, aptGet: true });
    expect(plan.kind).to.equal("install");
    if (plan.kind !== "install") return;
    expect(plan.packages).to.deep.equal(["prometheus", "prometheus-alertmanager"]);
    expect(plan.missing.map((r) => r.command)).to.deep.equal(["promtool", "prometheus", "amtool"]);
  });

  it("stops with one line naming the install command when it cannot install", () => {
    for (const facts of [
      { root: false, aptGet: true, prefix: "sudo apt-get" },
      { root: true, aptGet: false, prefix: "apt-get" },
    ]) {
      const plan = planSetup(LIST, { has: (c) => c !== "amtool", ...facts });
      expect(plan.kind).to.equal("stop");
      if (plan.kind !== "stop") return;
      expect(plan.message).to.not.include("\n");
      expect(plan.message).to.include(`${facts.prefix} install -y --no-install-recommends prometheus-alertmanager`);
      expect(plan.message).to.include("amtool");
    }
  });

  it("finds commands on PATH and in the sbin folders", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-setup-"));
    try {
      fs.writeFileSync(path.join(dir, "some-tool"), "#!/bin/sh\n", { mode: 0o755 });
      fs.writeFileSync(path.join(dir, "not-executable"), "", { mode: 0o644 });
      expect(findCommand("some-tool", searchPath(dir))).to.equal(path.join(dir, "some-tool"));
      expect(findCommand("not-executable", searchPath(dir))).to.equal(undefined);
      expect(searchPath(dir)).to.include("/usr/sbin");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lists every command once, each with its package", () => {
    const commands = REQUIREMENTS.map((r) => r.command);
    expect(new Set(commands).size).to.equal(commands.length);
    for (const r of REQUIREMENTS) expect(r.apt).to.match(/^[a-z0-9][a-z0-9.+-]+$/);
    expect(missingPackages(REQUIREMENTS, () => false).packages.length).to.be.greaterThan(5);
  });

  it("the real step stops with the install line when a tool is off PATH and it may not install", function () {
    this.timeout(20000);
    // A PATH holding only node, run as a user that is not root: nothing is found, nothing installed.
    const nodeDir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-setup-path-"));
    try {
      fs.symlinkSync(process.execPath, path.join(nodeDir, "node"));
      const main = path.join(__dirname, "main.ts");
      const env = { PATH: nodeDir, NPS_TEST_SETUP: "check", HOME: os.tmpdir() };
      let stderr = "";
      let code = 0;
      try {
        execFileSync(process.execPath, ["--import=tsx", main, "--tools-only"], { env, stdio: "pipe", cwd: path.resolve(__dirname, "..", "..") });
      } catch (err) {
        const e = err as { status: number; stderr: Buffer };
        code = e.status;
        stderr = e.stderr.toString();
      }
      expect(code).to.equal(1);
      const lines = stderr.trim().split("\n");
      expect(lines).to.have.length(1);
      // The sbin folders are always searched, so only what lives outside them is reported.
      const expected = missingPackages(REQUIREMENTS, (c) => findCommand(c, searchPath("")) !== undefined).packages;
      expect(lines[0]).to.include(installCommand(expected, false));
    } finally {
      fs.rmSync(nodeDir, { recursive: true, force: true });
    }
  });
});
