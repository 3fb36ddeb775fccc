import { spawn, type ChildProcess } from "node:child_process";

/**
 * A PostgreSQL tool as a child process: its stderr kept (the last few KiB, for the message), its
 * exit as a promise, and an abort signal that kills it. Streams are wired by the caller.
 */
export interface ToolProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code (a signal counts as failure); never rejects. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderrText(): string;
  kill(): void;
}

const STDERR_KEEP = 8 * 1024;

export function startTool(file: string, args: readonly string[], env: NodeJS.ProcessEnv, stdin: "pipe" | "ignore", signal?: AbortSignal): ToolProcess {
  const child = spawn(file, args, { env, stdio: [stdin, "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (s: string) => {
    stderr = (stderr + s).slice(-STDERR_KEEP);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("error", (err) => {
      stderr += String(err.message);
      resolve({ code: null, signal: null });
    });
    child.once("close", (code, sig) => resolve({ code, signal: sig }));
  });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  signal?.addEventListener("abort", kill, { once: true });
  void exited.then(() => signal?.removeEventListener("abort", kill));
  return { child, exited, stderrText: () => stderr.trim(), kill };
}

/** The tool's own words for a failure, without psql's "psql:<stdin>:12:" location noise. */
export function toolMessage(tool: string, stderr: string, result: { code: number | null; signal: NodeJS.Signals | null }): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.replace(/^psql:<stdin>:\d+:\s*/, "").trim())
    .filter((l) => l && !/^(CONTEXT|LINE \d+|\^|PL\/pgSQL function|SQL statement)/.test(l));
  const how = result.signal ? `was killed (${result.signal})` : `exited ${result.code ?? "without starting"}`;
  return `${tool} ${how}${lines.length ? `: ${lines.slice(-3).join(" / ")}` : ""}`;
}
