import type { Config } from "../lib/config/load-config";
import { createFieldCipher } from "../lib/crypto/create-field-cipher";
import { openDatabase } from "../lib/db/open-database";
import { createRepositories } from "../lib/db/repositories";
import type { Logger } from "../lib/logger";
import { createOracleClient } from "../oracle/client";
import type { DailyRunDeps } from "./daily-run";

/** What a daily run works with, opened from the config: the database, its repositories (encrypting), the Oracle. */
export async function openDailyRunDeps(config: Config, logger: Logger, options: { oracleTarget?: string } = {}): Promise<DailyRunDeps & { close(): Promise<void> }> {
  const db = await openDatabase(config, logger, { applicationName: "nps-scheduler", poolMax: 4, shareEmbedded: true });
  try {
    const cipher = await createFieldCipher(config.encryption, logger);
    const oracle = createOracleClient(config, { logger, ...(options.oracleTarget ? { target: options.oracleTarget } : {}) });
    return {
      db,
      repos: createRepositories(db, cipher),
      oracle,
      logger,
      async close() {
        oracle.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
