import type { Database } from "../db/database";

/**
 * The database as the repositories see it, counting the statements that reach it and match:
 * a test sets `count` to 0, acts, and reads how many round trips its action cost.
 */
export function countingDatabase(db: Database, matches: (text: string) => boolean): { readonly db: Database; count: number } {
  const counter = {
    count: 0,
    db: {
      ...db,
      query: ((text: string, params?: unknown[]) => {
        if (matches(text)) counter.count++;
        return db.query(text, params);
      }) as Database["query"],
    },
  };
  return counter;
}
