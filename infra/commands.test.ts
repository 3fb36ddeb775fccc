import fs from "node:fs";
import path from "node:path";
import { expect } from "chai";
import type { Command } from "commander";
import { buildProgram } from "../services/cli";
import { SERVICES } from "../services/service-registry";
import { SERVICE_NAMES } from "../services/lib/service-names";
import { WORKLOADS } from "./catalog";

/**
 * Every command line the platform runs (the catalog's containers, the scheduled tasks, the
 * systemd units) is parsed by the real `nps` program, with each action replaced by a recorder so
 * nothing runs: a renamed or missing command, or a service the registry lacks, fails here.
 */

function recordingProgram(): { program: Command; ran: string[] } {
  const program = buildProgram();
  const ran: string[] = [];
  const walk = (cmd: Command, prefix: string[]) => {
    for (const sub of cmd.commands) {
      const name = [...prefix, sub.name()];
      sub.action(() => void ran.push(name.join(" ")));
      sub.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
      walk(sub, name);
    }
  };
  walk(program, []);
  program.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  return { program, ran };
}

async function parses(argv: readonly string[]): Promise<boolean> {
  const { program, ran } = recordingProgram();
  try {
    await program.parseAsync([...argv], { from: "user" });
    return ran.length === 1;
  } catch {
    return false;
  }
}

function systemdCommands(): Array<{ unit: string; argv: string[] }> {
  const dir = path.join(__dirname, "..", "deploy", "systemd");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".service"))
    .map((unit) => {
      const line = fs.readFileSync(path.join(dir, unit), "utf8").split("\n").find((l) => l.startsWith("ExecStart="))!;
      const [, , ...argv] = line.slice("ExecStart=".length).trim().split(/\s+/);
      return { unit, argv };
    });
}

describe("the command lines the platform runs", () => {
  const lines: Array<{ what: string; argv: string[] }> = [
    ...Object.values(WORKLOADS).flatMap((w) => (w.command ? [{ what: `catalog ${w.name}`, argv: [...w.command].slice(1) }] : [])),
    ...Object.values(WORKLOADS).flatMap((w) => (w.prod.kind === "jobs" ? w.prod.jobs.map((j) => ({ what: `scheduled ${j.name}`, argv: [...j.command].slice(1) })) : [])),
    ...systemdCommands().map((u) => ({ what: `systemd ${u.unit}`, argv: u.argv })),
  ];

  it("covers the catalog's containers, the scheduled tasks and every systemd unit", () => {
    expect(lines.filter((l) => l.what.startsWith("systemd"))).to.have.length(SERVICE_NAMES.length);
    expect(lines.map((l) => l.what)).to.include.members(["catalog telegram-bot", "catalog alerter", "catalog scheduler", "scheduled daily-readings", "scheduled backup-oracle", "scheduled backup-full"]);
  });

  for (const line of lines) {
    it(`${line.what}: nps ${line.argv.join(" ")} parses`, async () => {
      expect(await parses(line.argv)).to.equal(true);
      // `start --only X` parses for any X; X must also be a service this build registers.
      const only = line.argv.indexOf("--only");
      if (only >= 0) expect(SERVICES.some((s) => s.name === line.argv[only + 1]), line.argv[only + 1]).to.equal(true);
    });
  }

  it("the recorder bites: a renamed command and an unknown option fail", async () => {
    expect(await parses(["start", "--only", "alerter"])).to.equal(true);
    expect(await parses(["daily-reading"])).to.equal(false);
    expect(await parses(["daily-readings", "--dry"])).to.equal(false);
  });
});
