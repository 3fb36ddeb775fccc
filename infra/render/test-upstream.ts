import { spawn } from "node:child_process";
import * as http from "node:http";
import * as path from "node:path";
import type { AddressInfo } from "node:net";
import { HEALTH_PATHS } from "../../services/lib/health-paths";

/**
 * Live HTTP servers for the nginx tests to proxy to: small node:http stand-ins that echo what nginx
 * forwards (X-Forwarded-Proto), and the real API process for the end-to-end checks.
 */
export interface Upstream {
  readonly port: number;
  close(): Promise<void>;
}

export function apiHealthHandler(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.url === HEALTH_PATHS.apiLive) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: "healthy", version: "4.0.0", via: req.headers["x-forwarded-proto"] ?? null }));
    return;
  }
  res.writeHead(404, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { code: "not_found" } }));
}

export function webPageHandler(_req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(200, { "content-type": "text/html" });
  res.end("<!doctype html><title>NPS</title>");
}

export function startUpstream(handler: http.RequestListener): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handler);
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port;
      resolve({ port, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** A port nothing listens on right now, chosen by the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = http.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * The real API as its container runs it (`nps start --only api`), in a child process on a free
 * port, for nginx to proxy to. Resolves once /api/health answers; close() sends SIGTERM and waits.
 */
export async function startApiProcess(env: NodeJS.ProcessEnv, startupMs = 90_000): Promise<Upstream> {
  const port = await freePort();
  const cli = path.resolve(__dirname, "../../bin/nps.js");
  const child = spawn(process.execPath, [cli, "start", "--only", "api"], {
    env: { ...process.env, LOG_LEVEL: "warning", ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const until = Date.now() + startupMs;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const req = http.get({ host: "127.0.0.1", port, path: HEALTH_PATHS.apiLive, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on("error", () => resolve(false));
    });
    if (up) break;
    if (child.exitCode !== null || Date.now() > until) {
      child.kill("SIGKILL");
      throw new Error(`the API process did not start (exit ${child.exitCode})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    close: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
