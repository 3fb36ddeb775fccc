import type { Config } from "../config/load-config";
import type { Logger } from "../logger";
import { generatePassword, hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordCost } from "../crypto/passwords";
import { InvalidInputError } from "../errors";
import type { Database } from "./database";
import { UsersRepository } from "./repositories/users";

/**
 * The first administrator. The API calls ensureFirstAdmin once at start: when no administrator
 * exists, it creates one named config.admin.username (NPS_ADMIN_USERNAME, default "admin") with
 * NPS_ADMIN_PASSWORD, or, when that is empty, with a strong random password written once to
 * `announce` (stderr by default, never to the structured log). Replicas starting together take
 * a transaction-scoped advisory lock, so only one of them creates it.
 */

export interface FirstAdminOutcome {
  readonly created: boolean;
  readonly username: string;
  /** Set only when the password was generated here (and announced). */
  readonly generatedPassword?: string;
}

export interface FirstAdminOptions {
  readonly db: Database;
  readonly config: Pick<Config, "admin"> & Partial<Pick<Config, "production">>;
  readonly logger?: Logger;
  /** Where a generated password is shown (default: stderr). */
  readonly announce?: (text: string) => void;
  readonly cost?: PasswordCost;
}

const FIRST_ADMIN_LOCK = "nps:first-admin";

export function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new InvalidInputError("password", `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`);
  }
}

export async function ensureFirstAdmin(options: FirstAdminOptions): Promise<FirstAdminOutcome> {
  const { db, config, logger } = options;
  const username = config.admin.username;
  const given = config.admin.password;
  if (given !== "") checkPassword(given);
  if ((await new UsersRepository(db).countActiveAdmins()) > 0) return { created: false, username };
  if (given === "" && config.production) {
    // Production logs are kept (CloudWatch keeps them for weeks): a generated password is never printed there.
    logger?.error({ username }, "no administrator yet, and NPS_ADMIN_PASSWORD is empty: set it (the prod stack hands it over through Secrets Manager) or run `nps admin create`");
    return { created: false, username };
  }
  const password = given !== "" ? given : generatePassword();
  // Hashed before the lock is taken (it is slow); the count is checked again under the lock.
  const passwordHash = await hashPassword(password, options.cost);

  const outcome = await db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [FIRST_ADMIN_LOCK]);
    const users = new UsersRepository(tx);
    if ((await users.countActiveAdmins()) > 0) return { created: false, username };
    const existing = await users.findByUsername(username);
    if (existing) {
      logger?.error({ username }, "no active administrator, and the first administrator's name belongs to another account; create one with `nps admin create`");
      return { created: false, username };
    }
    // A generated password has been printed on a console: the administrator replaces it at first sign-in.
    await users.create({ username, passwordHash, role: "admin", passwordChangeRequired: given === "" });
    return { created: true, username };
  });

  if (!outcome.created) return outcome;
  logger?.info({ username }, "created the first administrator");
  if (given !== "") return outcome;
  const announce = options.announce ?? ((text: string) => process.stderr.write(text));
  announce(
    `\nNPS created the first administrator.\n  username: ${username}\n  password: ${password}\n` +
      "This password is shown only once: store it now, and change it after signing in.\n\n",
  );
  return { ...outcome, generatedPassword: password };
}
