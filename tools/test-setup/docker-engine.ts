import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";

/**
 * The Docker engine the tests use: Debian's dockerd with its own data root, exec root and socket,
 * so it never meets another engine on the machine and a warm run finds its images and build
 * cache again. The data root is one folder under /var/lib for every checkout of the project.
 */
export const TEST_ENGINE = {
  dataRoot: "/var/lib/nps-test-docker",
  execRoot: "/run/nps-test-docker",
  socket: "/run/nps-test-docker/docker.sock",
  pidFile: "/run/nps-test-docker/dockerd.pid",
  log: "/var/lib/nps-test-docker/dockerd.log",
} as const;

export const TEST_DOCKER_HOST = `unix://${TEST_ENGINE.socket}`;

export interface RunningEngine {
  /** DOCKER_HOST for clients. */
  readonly host: string;
  readonly socketPath: string;
  /** Whether this process started it (and so stops it). */
  readonly startedHere: boolean;
  stop(): Promise<void>;
}

function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: "/_ping", timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false)).on("timeout", () => req.destroy());
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the test engine unless it already answers; resolves once it does. */
export async function ensureDockerEngine(timeoutMs = 60_000): Promise<RunningEngine> {
  const socketPath = TEST_ENGINE.socket;
  const reuse = { host: TEST_DOCKER_HOST, socketPath, startedHere: false, stop: async () => {} };
  if (await ping(socketPath)) return reuse;
  fs.mkdirSync(TEST_ENGINE.dataRoot, { recursive: true });
  fs.mkdirSync(TEST_ENGINE.execRoot, { recursive: true });
  const log = fs.openSync(TEST_ENGINE.log, "a");
  const child = spawn(
    "dockerd",
    [
      `--data-root=${TEST_ENGINE.dataRoot}`,
      `--exec-root=${TEST_ENGINE.execRoot}`,
      `--pidfile=${TEST_ENGINE.pidFile}`,
      `--host=${TEST_DOCKER_HOST}`,
      "--storage-driver=overlay2",
    ],
    { detached: true, stdio: ["ignore", log, log], env: { ...process.env, PATH: `${process.env.PATH ?? ""}:/usr/sbin:/sbin` } },
  );
  fs.closeSync(log);
  let exited: number | null = null;
  child.once("exit", (code) => (exited = code ?? -1));
  const deadline = Date.now() + timeoutMs;
  while (!(await ping(socketPath))) {
    if (exited !== null) throw new Error(`dockerd exited with ${exited} before answering; see ${TEST_ENGINE.log}`);
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`dockerd did not answer on ${socketPath} within ${timeoutMs / 1000} s; see ${TEST_ENGINE.log}`);
    }
    await sleep(250);
  }
  child.unref();
  return {
    host: TEST_DOCKER_HOST,
    socketPath,
    startedHere: true,
    stop: async () => {
      if (exited !== null) return;
      const gone = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGTERM");
      await Promise.race([gone, sleep(30_000)]);
    },
  };
}
