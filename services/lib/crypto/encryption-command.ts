import type { Command } from "commander";

/** `nps encryption rotate [--batch-size N]`. */
export function register(program: Command): void {
  const encryption = program.command("encryption").description("field encryption maintenance");
  encryption
    .command("rotate")
    .description(
      "re-encrypt every encrypted field under NPS_ENCRYPTION_KEY/SALT, reading older values with NPS_PREVIOUS_ENCRYPTION_KEY/SALT; safe to interrupt and run again",
    )
    .option("--batch-size <N>", "rows per transaction", "200")
    .action(async (opts: { batchSize: string }) => {
      const { runRotate } = await import("./rotate-run.js");
      await runRotate(opts);
    });
}
