import type { Queryable } from "../../lib/db/database";
import { publicTables, quoteIdent } from "../database-facts";

/** Per-table content checksums (md5 over every row's text, in a fixed order) for "restored identical" assertions. */
export async function tableChecksums(db: Queryable): Promise<Record<string, string>> {
  const client = { query: (text: string) => db.query(text) } as Parameters<typeof publicTables>[0];
  const out: Record<string, string> = {};
  for (const t of await publicTables(client)) {
    const { rows } = await db.query<{ sum: string | null; n: number }>(
      `SELECT md5(string_agg(x.line, E'\\n' ORDER BY x.line)) AS sum, count(*)::int AS n FROM (SELECT t::text AS line FROM public.${quoteIdent(t)} t) x`,
    );
    out[t] = `${rows[0].n}:${rows[0].sum ?? "empty"}`;
  }
  return out;
}
