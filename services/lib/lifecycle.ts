import type { Logger } from "./logger";
import { isProcessAlive, parentOf } from "./processes";

type Closer = () => Promise<void> | void;

/**
 * Orderly shutdown. Each part registers how to stop; on SIGTERM or SIGINT the parts stop in
 * reverse order of registration (the last thing started drains first, so a server stops taking
 * calls before the pools it uses close), then the process exits 0. A part that takes longer
 * than the grace period is abandoned with a log line, and the exit code becomes 1.
 */
export class Lifecycle {
  private readonly closers: { name: string; close: Closer }[] = [];
  private stopping: Promise<number> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly graceMs = 25_000,
  ) {}

  onShutdown(name: string, close: Closer): void {
    this.closers.push({ name, close });
  }

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Stops every part once; later calls wait for the same stop. Resolves to the exit code. */
  shutdown(reason: string): Promise<number> {
    this.stopping ??= this.runClosers(reason);
    return this.stopping;
  }

  /** Wires SIGTERM and SIGINT to shutdown() followed by process exit. */
  installSignalHandlers(): void {
    const onSignal = (signal: NodeJS.Signals) => {
      void this.shutdown(signal).then((code) => process.exit(code));
    };
    process.once("SIGTERM", onSignal);
    process.once("SIGINT", onSignal);
  }

  /**
   * npm and npx run a command through `sh -c`, and a shell that is not the last process of its
   * command line neither forwards SIGTERM nor waits: signalled, npm signals the shell, the shell
   * dies, and this process is left re-parented, holding its ports. Started that way (npm sets
   * npm_lifecycle_event), the parent's disappearance counts as the stop signal.
   */
  stopWhenParentExits(env: NodeJS.ProcessEnv = process.env, everyMs = 500): void {
    if (env.npm_lifecycle_event === undefined) return;
    const parent = process.ppid;
    // npm itself, above the shell: signalled, it may die while the shell lives on.
    const npm = parentOf(parent);
    const timer = setInterval(() => {
      if (process.ppid === parent && (npm === undefined || isProcessAlive(npm))) return;
      clearInterval(timer);
      void this.shutdown("parent process exited").then((code) => process.exit(code));
    }, everyMs);
    timer.unref();
  }

  private async runClosers(reason: string): Promise<number> {
    this.logger.info({ reason }, "shutting down");
    let code = 0;
    for (const { name, close } of [...this.closers].reverse()) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), this.graceMs);
      });
      try {
        const result = await Promise.race([Promise.resolve().then(close), timeout]);
        if (result === "timeout") {
          this.logger.error({ part: name, graceMs: this.graceMs }, "did not stop in time");
          code = 1;
        }
      } catch (err) {
        this.logger.error({ part: name, err }, "failed to stop cleanly");
        code = 1;
      } finally {
        clearTimeout(timer);
      }
    }
    this.logger.info({ code }, "stopped");
    return code;
  }
}

