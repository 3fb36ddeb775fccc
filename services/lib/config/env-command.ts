import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { generateSecrets, renderEnvFile } from "./env-file";
import { CliError } from "../../cli-error";

/** `nps env init [--force] [--file .env]` and `nps env example`. */
export function register(program: Command): void {
  const env = program.command("env").description("environment files");
  env
    .command("init")
    .description("write a .env with freshly generated secrets")
    .option("--file <path>", "where to write", ".env")
    .option("--force", "overwrite an existing file")
    .action((opts: { file: string; force?: boolean }) => {
      const file = path.resolve(opts.file);
      if (fs.existsSync(file) && !opts.force) throw new CliError(`${opts.file} exists; pass --force to replace it`);
      const folder = path.dirname(file);
      if (!fs.existsSync(folder)) throw new CliError(`--file: the folder ${path.dirname(opts.file)} does not exist; create it first`);
      try {
        fs.writeFileSync(file, renderEnvFile(generateSecrets(), "NPS environment written by `nps env init`"), { mode: 0o600 });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === "EACCES" || code === "EISDIR" || code === "ENOTDIR" || code === "EROFS") throw new CliError(`--file: cannot write ${opts.file} (${code})`, 1);
        throw err;
      }
      process.stdout.write(`wrote ${opts.file} with fresh secrets (API_SECRET_KEY, NPS_ENCRYPTION_KEY, NPS_ENCRYPTION_SALT, TELEGRAM_BOT_SERVICE_KEY, POSTGRES_PASSWORD)\n`);
    });
  env
    .command("example")
    .description("print .env.example (every variable, its default and meaning)")
    .action(() => {
      process.stdout.write(renderEnvFile({}, "NPS environment example: copy to .env, or run `nps env init`"));
    });
}
