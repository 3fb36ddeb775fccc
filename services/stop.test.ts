import { expect } from "chai";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { freePort } from "./lib/cache/test-redis-server";
import { isProcessAlive, parentOf } from "./lib/processes";
import { createTestDatabase, type TestDatabase } from "./lib/testing/test-database";
import { accepts, baseEnv, exitWithin, NPS_BIN, PROJECT_ROOT, spawnNps, testSigningKey, type SpawnedNps } from "./lib/testing/nps-process";

const ADMIN_PASSWORD = "first admin password";

/** Every process under `root` now (children, their children...), read from /proc. */
function descendants(root: number): number[] {
  const parents = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e)).map((e) => [Number(e), parentOf(Number(e))] as const);
  const out: number[] = [];
  const visit = (pid: number): void => {
    for (const [child, parent] of parents) if (parent === pid && !out.includes(child)) (out.push(child), visit(child));
  };
  visit(root);
  return out;
}

/** true once none of the processes is alive any more (within the time given). */
async function allGone(pids: readonly number[], withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (!pids.some(isProcessAlive)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !pids.some(isProcessAlive);
}

/** A raw keep-alive connection: what it received, and how it ended. */
interface RawConnection {
  readonly socket: net.Socket;
  readonly received: () => string;
  /** "end" for a clean close after the answer, or the error code (ECONNRESET). */
  readonly ended: Promise<string>;
}

function connect(port: number): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (c: Buffer) => (received += c.toString("latin1")));
    const ended = new Promise<string>((r) => {
      socket.once("error", (err: NodeJS.ErrnoException) => r(err.code ?? err.message));
      socket.once("end", () => r("end"));
      socket.once("close", () => r("close"));
    });
    socket.once("connect", () => resolve({ socket, received: () => received, ended }));
    socket.once("error", reject);
  });
}

function request(method: string, path: string, body?: unknown): string {
  const text = body === undefined ? "" : JSON.stringify(body);
  const headers = [`${method} ${path} HTTP/1.1`, "Host: 127.0.0.1"];
  if (body !== undefined) headers.push("Content-Type: application/json", `Content-Length: ${Buffer.byteLength(text)}`);
  return `${headers.join("\r\n")}\r\n\r\n${text}`;
}

function refused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
  });
}

describe("nps start: stopping", function () {
  this.timeout(180_000);
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.drop());

  const env = async (extra: Record<string, string> = {}) =>
    baseEnv({
      DATABASE_URL: t.url,
      API_SECRET_KEY: testSigningKey(),
      API_PORT: String(await freePort()),
      ORACLE_GRPC_PORT: String(await freePort()),
      ORACLE_METRICS_PORT: String(await freePort()),
      NPS_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ...extra,
    });

  it("SIGTERM to `npm start` (the npm process) stops the platform itself, ports and all", async () => {
    const e = await env();
    const npm = spawnNps(["start"], e, { command: "npm" });
    try {
      await npm.waitForLog((l) => l.msg === "api serving");
      const tree = descendants(npm.child.pid!);
      expect(tree, "npm runs nps in a child process").not.to.be.empty;
      npm.child.kill("SIGTERM");
      await exitWithin(npm, 60_000);
      expect(await allGone(tree, 30_000), `still running after npm exited: ${tree.filter(isProcessAlive).join(", ")}`).to.equal(true);
      expect(await accepts(Number(e.API_PORT))).to.equal(false);
      expect(npm.logs.some((l) => l.msg === "stopped" && l.code === 0)).to.equal(true);
    } finally {
      npm.child.kill("SIGKILL");
    }
  });

  it("SIGTERM to `npx nps start` (npm exec and its shell) stops it too", async () => {
    const e = await env();
    const npx = spawnNps(["nps", "start", "--only", "oracle"], e, { command: "npx" });
    try {
      await npx.waitForLog((l) => l.msg === "oracle serving");
      const tree = descendants(npx.child.pid!);
      expect(tree, "npx runs nps under a shell").to.have.length.of.at.least(2);
      npx.child.kill("SIGTERM");
      await exitWithin(npx, 60_000);
      expect(await allGone(tree, 30_000), `still running after npx exited: ${tree.filter(isProcessAlive).join(", ")}`).to.equal(true);
      expect(await accepts(Number(e.ORACLE_GRPC_PORT))).to.equal(false);
    } finally {
      npx.child.kill("SIGKILL");
    }
  });

  it("drains: connections open at SIGTERM are answered, new ones refused, exit 0 within NPS_DRAIN_TIMEOUT", async () => {
    const e = await env({ NPS_DRAIN_TIMEOUT: "20" });
    const port = Number(e.API_PORT);
    let api: SpawnedNps | undefined = spawnNps(["start", "--only", "api"], e);
    try {
      await api.waitForLog((l) => l.msg === "api serving");
      const signIn = JSON.stringify({ username: "admin", password: ADMIN_PASSWORD });
      // In flight when the signal comes: sign-ins (an argon2 hash each on the server).
      const busy = await Promise.all(Array.from({ length: 5 }, () => connect(port)));
      for (const c of busy) c.socket.write(request("POST", "/api/auth/login", JSON.parse(signIn)));
      // One whose body is still on its way, finished only after the new-connection check below.
      const slow = await connect(port);
      const whole = request("POST", "/api/auth/login", JSON.parse(signIn));
      slow.socket.write(whole.slice(0, whole.length - 10));
      // Connected with nothing sent yet: their requests arrive just after the signal.
      const waiting = await Promise.all(Array.from({ length: 30 }, () => connect(port)));
      // Connected and silent throughout: closed by the server once the grace is over.
      const silent = await connect(port);
      await new Promise((r) => setTimeout(r, 50));

      const stoppedAt = Date.now();
      api.child.kill("SIGTERM");
      for (const c of waiting) c.socket.write(request("GET", "/api/health"));

      const answered = [...busy, ...waiting];
      const answers = await Promise.all(answered.map(async (c) => ({ how: await c.ended, text: c.received() })));
      for (const [i, a] of answers.entries()) {
        // Answered in full, then closed by the server: never reset.
        expect(a.how, `connection ${i} of ${JSON.stringify(answers.map((x) => x.how))}`).to.equal("end");
        expect(a.text).to.match(/^HTTP\/1\.1 200 /);
      }
      expect(answers.slice(0, busy.length).every((a) => a.text.includes('"access_token"'))).to.equal(true);
      expect(await silent.ended).to.be.oneOf(["end", "close"]);
      expect(silent.received()).to.equal("");

      // Still draining (the slow sign-in holds it open), and a new connection is refused.
      expect(api.child.exitCode).to.equal(null);
      expect(await refused(port)).to.equal("ECONNREFUSED");
      slow.socket.write(whole.slice(whole.length - 10));
      expect(await slow.ended).to.equal("end");
      expect(slow.received()).to.match(/^HTTP\/1\.1 200 /).and.to.match(/\r\nconnection: close\r\n/i).and.to.contain('"access_token"');

      expect(await exitWithin(api, 20_000)).to.equal(0);
      expect(Date.now() - stoppedAt).to.be.below(20_000);
      api = undefined;
    } finally {
      api?.child.kill("SIGKILL");
    }
  });

  it("on a terminal the log is readable lines; in a pipe, JSON", async () => {
    const e = await env();
    delete e.LOG_FORMAT;
    // `script` gives the command a pseudo-terminal, as a person's shell would.
    const tty = spawn("script", ["-qfec", `${process.execPath} ${NPS_BIN} start --only oracle`, "/dev/null"], { cwd: PROJECT_ROOT, env: e, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    tty.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    const exited = new Promise((r) => tty.once("exit", r));
    try {
      const until = Date.now() + 60_000;
      while (!out.includes("oracle serving") && Date.now() < until && tty.exitCode === null) await new Promise((r) => setTimeout(r, 100));
      const line = out.split(/\r?\n/).find((l) => l.includes("oracle serving"));
      expect(line, out).to.match(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} [^\]]+\] INFO: oracle serving$/);
    } finally {
      tty.kill("SIGTERM");
      await exited;
    }
    const piped = spawnNps(["start", "--only", "oracle"], { ...e, ORACLE_GRPC_PORT: String(await freePort()), ORACLE_METRICS_PORT: String(await freePort()) });
    try {
      const serving = await piped.waitForLog((l) => l.msg === "oracle serving");
      expect(serving.service).to.equal("oracle");
    } finally {
      piped.child.kill("SIGTERM");
      await piped.exited;
    }
  });
});
