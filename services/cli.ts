import { Command, CommanderError } from "commander";
import { CliError } from "./cli-error";
import { ConfigError } from "./lib/config/load-config";
import { InvalidInputError } from "./lib/errors";
import { register as registerStart } from "./start-command";
import { register as registerEnv } from "./lib/config/env-command";
import { register as registerRefcheck } from "./oracle/engine/refcheck/refcheck-command";
import { register as registerBench } from "./bench/bench-command";
import { register as registerReading } from "./oracle/cli/reading-command";
import { register as registerChart } from "./oracle/cli/chart-command";
import { register as registerMcp } from "./api/mcp/mcp-command";
import { register as registerMigrate } from "./lib/db/migrate-command";
import { register as registerAdmin } from "./lib/db/admin-command";
import { register as registerEncryption } from "./lib/crypto/encryption-command";
import { register as registerPlan } from "../infra/plan/plan-command";
import { register as registerHealth } from "./api/health-command";
import { register as registerDailyReadings } from "./scheduler/daily-command";
import { register as registerImages } from "../infra/images/images-command";
import { register as registerBackup } from "./backup/backup-command";

/**
 * The `nps` command. Each area keeps its subcommands in a small *-command.ts module that only
 * declares options; the work itself is imported lazily when the command runs.
 */
const REGISTRARS: ReadonlyArray<(program: Command) => void> = [
  registerStart,
  registerEnv,
  registerRefcheck,
  registerBench,
  registerReading,
  registerChart,
  registerMcp,
  registerMigrate,
  registerAdmin,
  registerEncryption,
  registerPlan,
  registerHealth,
  registerDailyReadings,
  registerImages,
  registerBackup,
];

export function buildProgram(): Command {
  const program = new Command("nps")
    .description("NPS: numerology Oracle readings, and the platform that serves them")
    .version("4.0.0")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of REGISTRARS) register(program);
  return program;
}

/** Runs the command line; resolves to the exit code. Expected failures print one message, no stack. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof CliError) return fail(err.message, err.exitCode);
    if (err instanceof InvalidInputError) return fail(err.message, 2);
    if (err instanceof ConfigError) return fail(err.message, 2);
    throw err;
  }
}

function fail(message: string, code: number): number {
  process.stderr.write(`nps: ${message}\n`);
  return code;
}
