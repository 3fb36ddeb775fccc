import pino from "pino";
import { CliError } from "../../cli-error";
import { loadDotEnv } from "../config/dotenv";
import { applyLocalSecrets } from "../config/local-secrets";
import { loadConfig, type Config } from "../config/load-config";
import type { Logger } from "../logger";
import type { ServiceName } from "../service-names";
import type { Database } from "./database";
import { EmbeddedDatabaseBusyError } from "./embedded";
import { DatabaseUnavailableError } from "./errors";
import { SchemaNewerError } from "./migrator";
import { openDatabase } from "./open-database";

/**
 * What the database commands share: configuration from the environment (and .env), a logger
 * that keeps warnings on stderr away from the command's own output, the database, and exit
 * codes (1: the database or the data is at fault; 2: bad input; 3: a conflict).
 */

export const EXIT_FAILURE = 1;
export const EXIT_CONFLICT = 3;

export interface CliDatabase {
  readonly config: Config;
  readonly logger: Logger;
  readonly db: Database;
}

/**
 * @param secretsOf whose production secret checks apply: migrations and accounts need only the
 *   database's ("backup"), key rotation needs the encryption keys too ("scheduler")
 */
export async function withCliDatabase<T>(
  options: { migrate: boolean; secretsOf: ServiceName; anySchema?: boolean },
  work: (ctx: CliDatabase) => Promise<T>,
): Promise<T> {
  loadDotEnv();
  // The embedded default's keys: `nps encryption rotate` must use the ones `nps start` uses.
  applyLocalSecrets();
  const config = loadConfig(process.env, { service: options.secretsOf });
  const logger = pino({ level: "warn", base: { service: "nps-cli" } }, pino.destination(2));
  let db: Database;
  try {
    db = await openDatabase(config, logger, { migrate: options.migrate, applicationName: "nps-cli", poolMax: 4, knownSchemaOnly: !options.anySchema });
  } catch (err) {
    if (err instanceof EmbeddedDatabaseBusyError || err instanceof DatabaseUnavailableError || err instanceof SchemaNewerError) throw new CliError(err.message, EXIT_FAILURE);
    throw err;
  }
  try {
    return await work({ config, logger, db });
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) throw new CliError(err.message, EXIT_FAILURE);
    throw err;
  } finally {
    await db.close();
  }
}

/** A whole number option (`--to 3`), or an InvalidInputError naming it. */
export function parseWholeNumber(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new CliError(`--${name}: expected a whole number, got "${raw}"`, 2);
  return Number(raw);
}
