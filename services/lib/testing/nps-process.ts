import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";

/**
 * `nps ...` in a child process, for tests that need a real service process:
 * - spawnNps: as a user runs it, for the tests of starting and stopping: its JSON log lines as
 *   they come, its stderr, and its exit. The environment is the caller's alone (with PATH and
 *   HOME), so nothing of the machine's or the test run's settings leaks in;
 * - startNpsProcess: the way a container runs it, resolved once it logs that it serves (whose
 *   fields carry the ports it bound): the API a bot talks to, an alerter Alertmanager posts to.
 */

export const NPS_BIN = path.resolve(__dirname, "../../../bin/nps.js");
export const PROJECT_ROOT = path.resolve(__dirname, "../../..");

export interface LogLine {
  readonly msg?: string;
  readonly pid?: number;
  readonly [key: string]: unknown;
}

export interface SpawnedNps {
  readonly child: ChildProcess;
  readonly logs: LogLine[];
  /** Every line so far, stdout and stderr (for a failing test's message). */
  output(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Everything written to stdout so far, as written. */
  stdout(): string;
  /** Resolves with the first log line the predicate accepts (earlier ones included). */
  waitForLog(accept: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

/** A test's own API signing key: never the published placeholder. */
export function testSigningKey(): string {
  return randomBytes(32).toString("hex");
}

/** The variables every spawned `nps` gets: quiet, JSON logs, no Telegram. */
export function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_FORMAT: "json", LOG_LEVEL: "info", TELEGRAM_ENABLED: "false", ...extra };
}

/** `input`: written to the child's stdin, a pipe (never a terminal), which is then closed. */
export function spawnNps(args: readonly string[], env: NodeJS.ProcessEnv, options: { command?: string; cwd?: string; input?: string } = {}): SpawnedNps {
  const command = options.command ?? process.execPath;
  const argv = options.command ? [...args] : [NPS_BIN, ...args];
  const spawnOptions: SpawnOptions = { cwd: options.cwd ?? PROJECT_ROOT, env, stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"] };
  const child = spawn(command, argv, spawnOptions);
  // A child that exits without reading its input closes the pipe under the write: not an error here.
  if (options.input !== undefined) child.stdin!.on("error", () => undefined).end(options.input);
  const logs: LogLine[] = [];
  const waiters: { accept: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  let stderr = "";
  let stdout = "";
  const lines: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  createInterface({ input: child.stderr! }).on("line", (text) => lines.push(text));
  createInterface({ input: child.stdout! }).on("line", (text) => {
    lines.push(text);
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      return;
    }
    logs.push(line);
    for (const w of [...waiters]) {
      if (w.accept(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    logs,
    output: () => lines.join("\n"),
    stderr: () => stderr,
    stdout: () => stdout,
    exited,
    waitForLog(accept, timeoutMs = 90_000) {
      const seen = logs.find(accept);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such log line within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`nps exited with ${code} first; stderr: ${stderr}`));
        });
        waiters.push({
          accept,
          resolve: (l) => {
            clearTimeout(timer);
            resolve(l);
          },
        });
      });
    },
  };
}

/** Resolves with the exit code, or kills the process and rejects when it is still running after timeoutMs. */
export function exitWithin(p: SpawnedNps, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      p.child.kill("SIGKILL");
      reject(new Error(`still running after ${timeoutMs} ms; stderr: ${p.stderr()}`));
    }, timeoutMs);
    void p.exited.then((code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

export interface NpsRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `nps ...` to its end, as a script runs it (output in pipes); a run still going after timeoutMs is killed and rejects. */
export async function runNps(args: readonly string[], env: NodeJS.ProcessEnv, options: { cwd?: string; input?: string; timeoutMs?: number } = {}): Promise<NpsRun> {
  const p = spawnNps(args, env, options);
  const code = await exitWithin(p, options.timeoutMs ?? 120_000);
  // "exit" can come before the last of the output: wait for the pipes to close.
  await new Promise<void>((resolve) => (p.child.stdout!.closed && p.child.stderr!.closed ? resolve() : p.child.once("close", () => resolve())));
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * `nps ...` on a pseudo-terminal (util-linux `script`), as a person's shell runs it: stdout and
 * stderr arrive mixed, as the terminal shows them. `answer` is typed once `prompt` has shown.
 * A run still going after timeoutMs is killed (with everything it started) and rejects.
 */
export function runNpsOnTerminal(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { cwd?: string; prompt?: string; answer?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, NPS_BIN, ...args].map(shellQuote).join(" ");
  // -e: script exits with the command's code; its own stdin stays open, or script would send the terminal an end of input.
  const child = spawn("script", ["-qfec", command, "/dev/null"], { cwd: options.cwd ?? PROJECT_ROOT, env, stdio: ["pipe", "pipe", "pipe"], detached: true });
  let output = "";
  let typed = false;
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (!typed && options.answer !== undefined && output.includes(options.prompt ?? "")) {
      typed = true;
      child.stdin!.write(options.answer);
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.kill(-child.pid!, "SIGKILL");
      reject(new Error(`still running after ${options.timeoutMs ?? 120_000} ms on a terminal; it showed: ${JSON.stringify(output)}`));
    }, options.timeoutMs ?? 120_000);
    child.once("close", (code) => {
      clearTimeout(timer);
      child.stdin!.destroy();
      resolve({ code, output });
    });
  });
}

/** A port held open on 127.0.0.1 (chosen by the system), for the tests of a port already taken. */
export async function holdPort(): Promise<{ port: number; release(): Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return { port: (server.address() as net.AddressInfo).port, release: () => new Promise((r) => server.close(() => r())) };
}

/** true when something accepts TCP connections on 127.0.0.1:port. */
export function accepts(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

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

export async function startNpsProcess(args: readonly string[], env: NodeJS.ProcessEnv, servingMsg: string, startupMs = 90_000): Promise<NpsProcess> {
  const p = spawnNps(args, { ...process.env, LOG_FORMAT: "json", LOG_LEVEL: "info", ...env });
  const stop = async () => {
    if (p.child.exitCode === null) p.child.kill("SIGTERM");
    return p.exited;
  };
  try {
    const serving = await p.waitForLog((l) => l.msg === servingMsg, startupMs);
    return { child: p.child, serving, exited: p.exited, output: p.output, stop };
  } catch (err) {
    p.child.kill("SIGKILL");
    throw new Error(`nps ${args.join(" ")} did not log "${servingMsg}": ${(err as Error).message}\n${p.output()}`);
  }
}
