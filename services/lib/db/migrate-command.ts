import type { Command } from "commander";

/** `nps migrate up [--to N] | down [--to N] | status [--json]`. */
export function register(program: Command): void {
  const migrate = program.command("migrate").description("apply, roll back or list database migrations");
  migrate
    .command("up")
    .description("apply pending migrations (all, or up to number N)")
    .option("--to <N>", "stop after migration number N")
    .action(async (opts: { to?: string }) => {
      const { runMigrate } = await import("./migrate-run.js");
      await runMigrate("up", opts.to);
    });
  migrate
    .command("down")
    .description("roll back the last migration, or every migration numbered above N")
    .option("--to <N>", "roll back to just after migration number N (0: everything)")
    .action(async (opts: { to?: string }) => {
      const { runMigrate } = await import("./migrate-run.js");
      await runMigrate("down", opts.to);
    });
  migrate
    .command("status")
    .description("list every migration and when it was applied")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      const { runStatus } = await import("./migrate-run.js");
      await runStatus(Boolean(opts.json));
    });
}
