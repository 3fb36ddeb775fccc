import type { Command } from "commander";

/** `nps refcheck FILE`: every case of a reference file through the engine. */
export function register(program: Command): void {
  program
    .command("refcheck")
    .description("check the engine against a file of reference cases; exit 0 only when all pass")
    .argument("<file>", "a reference case file (JSON)")
    .action(async (file: string) => {
      const { refcheckFile } = await import("./refcheck.js");
      process.exitCode = refcheckFile(file, (line) => process.stdout.write(line + "\n"));
    });
}
