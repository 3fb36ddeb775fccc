import type { Command } from "commander";
import { SERVICE_NAMES } from "./lib/service-names";

/** `nps start [--only <service>]`. */
export function register(program: Command): void {
  program
    .command("start")
    .description("run the platform in one process, or one service with --only")
    .option("--only <service>", `one of: ${SERVICE_NAMES.join(", ")}`)
    .action(async (opts: { only?: string }) => {
      const { startServices } = await import("./start.js");
      await startServices(opts.only);
    });
}
