import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import pg from "pg";
import type { Database } from "./database";
import { MIGRATIONS_TABLE } from "./migrator";

/**
 * The services' own login role, apart from the schema's owner. The owner (on RDS the master
 * user, whose password RDS rotates) runs the migrations; the services log in as this role, whose
 * password nothing rotates behind them. It may read and write the rows of every table, never
 * change the schema, never touch the migrations' record. `nps migrate up` calls ensureAppRole
 * after migrating when NPS_DB_APP_USER is set, so new tables are covered at once, and default
 * privileges cover tables the owner creates later.
 *
 * The password travels as a SCRAM-SHA-256 verifier, never as text, so no statement log can show it.
 */

const SCRAM_ITERATIONS = 4096;

/** PostgreSQL's stored form of a SCRAM-SHA-256 password (RFC 5802 / RFC 7677). */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16)): string {
  const salted = pbkdf2Sync(password.normalize("NFKC"), salt, SCRAM_ITERATIONS, 32, "sha256");
  const clientKey = createHmac("sha256", salted).update("Client Key").digest();
  const storedKey = createHash("sha256").update(clientKey).digest();
  const serverKey = createHmac("sha256", salted).update("Server Key").digest();
  return `SCRAM-SHA-256$${SCRAM_ITERATIONS}:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

export async function ensureAppRole(db: Database, role: { readonly user: string; readonly password: string }): Promise<void> {
  const who = pg.escapeIdentifier(role.user);
  const verifier = pg.escapeLiteral(scramVerifier(role.password));
  await db.transaction(async (tx) => {
    const exists = await tx.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.user]);
    if (exists.rowCount === 0) await tx.query(`CREATE ROLE ${who}`);
    const database = pg.escapeIdentifier((await tx.query<{ db: string }>("SELECT current_database() AS db")).rows[0].db);
    for (const sql of [
      `ALTER ROLE ${who} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${verifier}`,
      `GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${who}`,
      `GRANT USAGE ON SCHEMA public TO ${who}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${who}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${who}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${who}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${who}`,
      // It reads which migrations ran (to refuse a newer schema), and never records one.
      `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${MIGRATIONS_TABLE} FROM ${who}`,
    ]) {
      await tx.query(sql);
    }
  });
}
