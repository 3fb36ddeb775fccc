import type pg from "pg";
import { CliError } from "../cli-error";
import { MIGRATIONS_TABLE, migrationFiles } from "../lib/db/migrator";

/** What the backup and restore code asks of a database, on one client (inside a snapshot when there is one). */

type Client = Pick<pg.ClientBase, "query">;

export async function serverVersion(client: Client): Promise<{ major: number; text: string }> {
  const { rows } = await client.query<{ num: string; text: string }>("SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text");
  return { major: Math.floor(Number(rows[0].num) / 10_000), text: rows[0].text };
}

/** The last migration applied (the schema version), or undefined when the database has none. */
export async function schemaVersion(client: Client): Promise<string | undefined> {
  const exists = await client.query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [`public.${MIGRATIONS_TABLE}`]);
  if (!exists.rows[0].present) return undefined;
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM public.${MIGRATIONS_TABLE}`);
  return latestMigration(rows.map((r) => r.name));
}

/** The highest-numbered of migration names like 0005_audit_log. */
export function latestMigration(names: readonly string[]): string | undefined {
  return [...names].sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b)).at(-1);
}

/** The migration number of a schema version (0005_audit_log -> 5). */
export function migrationNumber(version: string): number {
  return Number.parseInt(version, 10);
}

export interface SchemaCheck {
  readonly ok: boolean;
  readonly reason?: string;
}

/** Whether this build knows a schema version: one of its own migration files, not a later one. */
export function knownSchema(version: string, files = migrationFiles()): SchemaCheck {
  const latest = files.at(-1)?.name ?? "none";
  if (files.some((f) => f.name === version)) return { ok: true };
  if (migrationNumber(version) > migrationNumber(latest)) {
    return { ok: false, reason: `the backup's schema ${version} is newer than this NPS knows (${latest}): restore it with the NPS version that wrote it` };
  }
  return { ok: false, reason: `the backup's schema ${version} is not one of this NPS's migrations (latest ${latest}): not an NPS backup` };
}

export async function requireSchemaVersion(client: Client): Promise<string> {
  const version = await schemaVersion(client);
  if (!version) throw new CliError(`not an NPS database: it has no ${MIGRATIONS_TABLE} table (run nps migrate up)`, 1);
  return version;
}

/** Every ordinary table of the public schema, by name. */
export async function publicTables(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1",
  );
  return rows.map((r) => r.name);
}

export async function rowCounts(client: Client, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM public.${quoteIdent(t)}`);
    counts[t] = Number(rows[0].n);
  }
  return counts;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
