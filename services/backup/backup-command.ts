import type { Command } from "commander";
import { BACKUP_TYPES } from "../lib/backup-kinds";

/**
 * `nps backup --type full|oracle [...]`, `nps backup list`, `nps backup verify FILE|latest` and
 * `nps restore FILE`. Options only; the work is in ./backup-cli.ts, loaded when a command runs.
 */

export interface BackupFlags {
  type?: string;
  dir?: string;
  upload?: string;
  verify?: boolean;
  notify?: boolean;
  nonInteractive?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  const backup = program
    .command("backup")
    .description(`back the database up with pg_dump: --type ${BACKUP_TYPES.join("|")} (or list, verify)`)
    .option("--type <type>", `what to back up: ${BACKUP_TYPES.join(" or ")}`)
    .option("--dir <dir>", "where to write it (default BACKUP_DIR)")
    .option("--upload <s3url>", "also upload to s3://BUCKET/PREFIX (default: NPS_BACKUP_S3_BUCKET when set)")
    .option("--verify", "restore what was written into a scratch database and check it")
    .option("--notify", "tell the admin chat (Telegram) how it went")
    .option("--non-interactive", "no progress line, for scripts and cron")
    .option("--json", "print the result as JSON")
    .action(async (opts: BackupFlags) => {
      const { runBackupCommand } = await import("./backup-cli.js");
      await runBackupCommand(opts);
    });
  backup
    .command("list")
    .description("the backups there are, locally and in the bucket, newest first")
    .option("--dir <dir>", "where backups are (default BACKUP_DIR)")
    .option("--json", "print JSON")
    // --dir and --json are also the parent's options; commander gives them to whichever parses first.
    .action(async (_opts: unknown, cmd: Command) => {
      const { runListCommand } = await import("./backup-cli.js");
      await runListCommand(cmd.optsWithGlobals<{ dir?: string; json?: boolean }>());
    });
  backup
    .command("verify")
    .description("restore a backup into a scratch database, check its row counts and sha256, drop the scratch database")
    .argument("<file>", "a .sql.gz backup, an s3:// URL, or latest")
    .option("--dir <dir>", "where backups are (default BACKUP_DIR)")
    .option("--json", "print JSON")
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const { runVerifyCommand } = await import("./backup-cli.js");
      await runVerifyCommand(file, cmd.optsWithGlobals<{ dir?: string; json?: boolean }>());
    });
  program
    .command("restore")
    .description("replace the database (full) or the Oracle tables (oracle) with a backup, in one transaction")
    .argument("<file>", "a .sql.gz backup or an s3:// URL")
    .option("--non-interactive", "do not ask for confirmation")
    .option("--notify", "tell the admin chat (Telegram) how it went")
    .action(async (file: string, opts: { nonInteractive?: boolean; notify?: boolean }) => {
      const { runRestoreCommand } = await import("./backup-cli.js");
      await runRestoreCommand(file, opts);
    });
}
