import { execFileSync, type ExecFileSyncOptions } from "node:child_process";
import * as net from "node:net";
import { installCommand, planSetup } from "./plan";
import { findCommand, searchPath } from "./lookup";
import { REQUIREMENTS, SERVICES } from "./requirements";

/**
 * `npm run test:setup` (run by `npm test` before anything else): installs the Debian packages
 * the tests need when the machine lacks them and we are root with apt-get, or stops with one
 * line naming the install command. Silent when nothing is missing.
 */
function has(command: string, envPath: string | undefined): boolean {
  return findCommand(command, searchPath(envPath)) !== undefined;
}

function aptInstall(packages: readonly string[]): void {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  // apt's chatter (debconf notes) stays out of the test output unless the install fails.
  const opts: ExecFileSyncOptions = { env, stdio: ["ignore", "ignore", "pipe"] };
  // Wait for another run's dpkg lock instead of failing on it.
  const lock = ["-o", "DPkg::Lock::Timeout=600"];
  const install = () => execFileSync("apt-get", [...lock, "install", "-y", "-qq", "--no-install-recommends", ...packages], opts);
  try {
    install();
  } catch {
    // A fresh machine has no package lists yet.
    execFileSync("apt-get", [...lock, "update", "-qq"], opts);
    install();
  }
}

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true)).once("error", () => done(false)).once("timeout", () => done(false));
  });
}

async function main(): Promise<number> {
  // NPS_TEST_SETUP=check only reports what is missing, never installs.
  const mayInstall = process.env.NPS_TEST_SETUP !== "check" && process.getuid?.() === 0;
  const facts = { has: (c: string) => has(c, process.env.PATH), root: mayInstall, aptGet: has("apt-get", process.env.PATH) };
  const plan = planSetup(REQUIREMENTS, facts);
  if (plan.kind === "stop") {
    process.stderr.write(`${plan.message}\n`);
    return 1;
  }
  if (plan.kind === "install") {
    process.stderr.write(`test setup: installing ${plan.packages.join(" ")} (for ${plan.missing.map((r) => r.command).join(", ")})\n`);
    try {
      aptInstall(plan.packages);
    } catch (err) {
      process.stderr.write(String((err as { stderr?: Buffer }).stderr ?? err));
      process.stderr.write(`test setup: apt-get failed; install by hand: ${installCommand(plan.packages, facts.root)}\n`);
      return 1;
    }
    const still = plan.missing.filter((r) => !facts.has(r.command));
    if (still.length > 0) {
      process.stderr.write(`test setup: still missing after install: ${still.map((r) => `${r.command} (${r.apt})`).join(", ")}\n`);
      return 1;
    }
  }
  if (process.argv.includes("--tools-only")) return 0;
  for (const s of SERVICES) {
    if (!(await answers(s.host, s.port))) {
      process.stderr.write(`npm test needs ${s.name} on ${s.host}:${s.port}: start it (bash .ci/run starts it)\n`);
      return 1;
    }
  }
  return 0;
}

main().then((code) => process.exit(code));
