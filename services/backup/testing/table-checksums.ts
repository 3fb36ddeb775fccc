import type { Queryable } from "../../lib/db/database";
import { publicTables, quoteIdent } from "../database-facts";

/**
 * Per-table content checksums (md5 over every row's text, in a fixed order) for "restored
 * identical" assertions. `where` leaves rows out of a table's sum (SQL over that table's
 * columns), for rows a test expects to differ, such as the audit row a restore itself adds.
 */
export async function tableChecksums(db: Queryable, o: { where?: Readonly<Record<string, string>> } = {}): Promise<Record<string, string>> {
  const client = { query: (text: string) => db.query(text) } as Parameters<typeof publicTables>[0];
  const out: Record<string, string> = {};
  for (const t of await publicTables(client)) {
    const where = o.where?.[t] ? ` WHERE ${o.where[t]}` : "";
    const { rows } = await db.query<{ sum: string | null; n: number }>(
      `SELECT md5(string_agg(x.line, E'\\n' ORDER BY x.line)) AS sum, count(*)::int AS n FROM (SELECT t::text AS line FROM public.${quoteIdent(t)} t${where}) x`,
    );
    out[t] = `${rows[0].n}:${rows[0].sum ?? "empty"}`;
  }
  return out;
}
