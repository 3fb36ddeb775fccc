import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../services/lib/cache/test-redis-server";

/**
 * A real `nps start` for the browser tests: a fresh data directory (embedded database), its own
 * free ports, and the first administrator's password read from what it prints, as a newcomer
 * would read it.
 */
export interface NpsProcess {
  readonly base: string;
  readonly adminPassword: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, "../..");

export async function startNps(timeoutMs = 90_000): Promise<NpsProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-web-e2e-"));
  const [api, grpc, metrics] = [await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NPS_DATA_DIR: dataDir,
    API_HOST: "127.0.0.1",
    API_PORT: String(api),
    ORACLE_GRPC_PORT: String(grpc),
    ORACLE_METRICS_PORT: String(metrics),
    LOG_FORMAT: "json",
    LOG_LEVEL: "warn",
  };
  for (const k of ["DATABASE_URL", "POSTGRES_HOST", "REDIS_URL", "REDIS_HOST", "NPS_ADMIN_PASSWORD", "PORT"]) delete env[k];
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, "bin/nps.js"), "start"], { cwd: dataDir, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const base = `http://127.0.0.1:${api}`;
  const deadline = Date.now() + timeoutMs;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nps start exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${base}/api/health/ready`);
      const password = /password: (\S+)/.exec(out)?.[1];
      if (res.ok && password) return { base, adminPassword: password, output: () => out, stop };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nps start was not ready within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
