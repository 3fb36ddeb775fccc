/**
 * Runs the Oracle as its container does, `nps start --only oracle`, in a child process on free
 * ports, and reports the ports from its "oracle serving" log line. For the benchmark, which
 * measures a real server process, and for tests of the process's lifecycle.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

export interface OracleProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly metricsPort: number;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
}

const CLI = path.resolve(__dirname, "../../bin/nps.js");

export function startOracleProcess(env: NodeJS.ProcessEnv = {}, startupMs = 60_000): Promise<OracleProcess> {
  const child = spawn(process.execPath, [CLI, "start", "--only", "oracle"], {
    env: { ...process.env, ORACLE_GRPC_PORT: "0", ORACLE_METRICS_PORT: "0", LOG_FORMAT: "json", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the oracle process did not report serving within ${startupMs} ms`));
    }, startupMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the oracle process exited with ${code} before serving`));
    });
    createInterface({ input: child.stdout! }).on("line", (line) => {
      let entry: { msg?: string; port?: number; metricsPort?: number };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        return;
      }
      if (entry.msg === "oracle serving" && typeof entry.port === "number" && typeof entry.metricsPort === "number") {
        clearTimeout(timer);
        resolve({ child, port: entry.port, metricsPort: entry.metricsPort, exited });
      }
    });
  });
}
