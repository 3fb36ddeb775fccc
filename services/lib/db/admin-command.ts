import type { Command } from "commander";

/** `nps admin create --username NAME [--password-stdin] [--role ROLE]`. */
export function register(program: Command): void {
  const admin = program.command("admin").description("manage accounts from the terminal");
  admin
    .command("create")
    .description("create an account (an administrator unless --role says otherwise)")
    .requiredOption("--username <name>", "3 to 100 letters, digits, _ . -")
    .option("--password-stdin", "read the password from the first line of standard input (otherwise one is generated and printed once)")
    .option("--role <role>", "admin, moderator, user or readonly", "admin")
    .action(async (opts: { username: string; passwordStdin?: boolean; role: string }) => {
      const { runAdminCreate } = await import("./admin-run.js");
      await runAdminCreate(opts);
    });
}
