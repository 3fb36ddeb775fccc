/**
 * Runs `nps ...` as a child process the way a container does, and waits for the JSON log line
 * that says it is serving (whose fields carry the ports it bound). For tests that need a real
 * service process: the API a bot talks to, an alerter Alertmanager posts to.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

export interface NpsProcess {
  readonly child: ChildProcess;
  /** The log entry that said it serves. */
  readonly serving: Record<string, unknown>;
  readonly exited: Promise<number | null>;
  /** Every log line so far (for a failing test's message). */
  readonly output: () => string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

const CLI = path.resolve(__dirname, "../../../bin/nps.js");

export function startNpsProcess(args: readonly string[], env: NodeJS.ProcessEnv, servingMsg: string, startupMs = 90_000): Promise<NpsProcess> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, LOG_FORMAT: "json", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  createInterface({ input: child.stderr! }).on("line", (l) => lines.push(l));
  const output = () => lines.join("\n");
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`nps ${args.join(" ")} did not log "${servingMsg}" within ${startupMs} ms:\n${output()}`));
    }, startupMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`nps ${args.join(" ")} exited with ${code} before serving:\n${output()}`));
    });
    createInterface({ input: child.stdout! }).on("line", (line) => {
      lines.push(line);
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      if (entry.msg === servingMsg) {
        clearTimeout(timer);
        resolve({ child, serving: entry, exited, output, stop });
      }
    });
  });
}
