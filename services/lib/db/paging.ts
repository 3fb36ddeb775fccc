import { InvalidInputError } from "../errors";

/**
 * Paging, sorting and the viewer every ownership-filtered query takes. Repositories accept
 * loose input (straight from a validated request) and clamp it here, so no caller can ask for
 * a million rows or sort by an arbitrary column.
 */

/** Who is asking. seesAll: administrators and moderators see every owner's rows. */
export interface Viewer {
  readonly userId: string;
  readonly seesAll: boolean;
}

/** For service-internal reads (share links, the scheduler) that have already decided access. */
export const SYSTEM_VIEWER: Viewer = { userId: "00000000-0000-0000-0000-000000000000", seesAll: true };

export interface PageRequest {
  readonly limit?: number;
  readonly offset?: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export function clampPage(page: PageRequest, maxLimit = MAX_LIMIT): { limit: number; offset: number } {
  const limit = page.limit === undefined ? DEFAULT_LIMIT : Math.trunc(page.limit);
  const offset = page.offset === undefined ? 0 : Math.trunc(page.offset);
  if (!Number.isFinite(limit) || limit < 1 || limit > maxLimit) throw new InvalidInputError("limit", `must be between 1 and ${maxLimit}`);
  if (!Number.isFinite(offset) || offset < 0) throw new InvalidInputError("offset", "must be 0 or more");
  return { limit, offset };
}

export type SortOrder = "asc" | "desc";

/** The SQL for a whitelisted sort key; anything else is a clear error naming the field. */
export function orderBy<K extends string>(columns: Readonly<Record<K, string>>, key: string | undefined, fallback: K, order: string | undefined): string {
  const chosen = (key ?? fallback) as K;
  const column = Object.prototype.hasOwnProperty.call(columns, chosen) ? columns[chosen] : undefined;
  if (!column) throw new InvalidInputError("sort_by", `must be one of ${Object.keys(columns).join(", ")}`);
  const direction = order ?? "desc";
  if (direction !== "asc" && direction !== "desc") throw new InvalidInputError("sort_order", "must be asc or desc");
  return `${column} ${direction.toUpperCase()} NULLS LAST`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from URLs: a malformed one simply finds nothing, like a missing one. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Collects positional parameters while a query is assembled: `where.push(\`owner_id = ${p.add(id)}\`)`. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Rows of a windowed query (`count(*) OVER () AS total_count`) into a Page; counts again only when the page is past the end. */
export async function toPage<R extends { total_count: number }, T>(
  rows: R[],
  map: (row: R) => T,
  page: { limit: number; offset: number },
  countAgain: () => Promise<number>,
): Promise<Page<T>> {
  const total = rows.length > 0 ? rows[0]!.total_count : page.offset > 0 ? await countAgain() : 0;
  return { items: rows.map(map), total, limit: page.limit, offset: page.offset };
}
