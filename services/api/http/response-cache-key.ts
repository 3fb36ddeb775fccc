import type { Scope } from "../auth/scopes";

/**
 * A path whose WHATWG parse is itself: segments of plain characters, none starting with a dot (so
 * no "." or ".." segment to collapse), no percent escape (%2e is a dot to the parser), no
 * backslash, no "//" (which the parser would read as a host).
 */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9_.~-]*)*\/?$/;

/** One name=value pair that URLSearchParams would write back unchanged. */
const PLAIN_PAIR = /^[A-Za-z0-9*._-]+=[A-Za-z0-9*._-]*$/;

/** The raw URL's path when it is already in the form the WHATWG parser gives, else undefined. */
export function plainPath(url: string): string | undefined {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  return PLAIN_PATH.test(path) ? path : undefined;
}

/**
 * The URL's path and query as the cache keys them: the query sorted by name as
 * URLSearchParams.sort() does and re-serialised. A plain path with a query already in that form
 * (the client's own pages are) is used as it is; anything else goes through the parser.
 */
export function canonicalUrl(url: string): string {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? "" : url.slice(q + 1);
  if (PLAIN_PATH.test(path) && sortedPlainQuery(query)) return `${path}?${query}`;
  const parsed = new URL(url, "http://x");
  parsed.searchParams.sort();
  return `${parsed.pathname}?${parsed.searchParams.toString()}`;
}

/** true when every pair is plain and the names never decrease (a stable sort then moves nothing). */
function sortedPlainQuery(query: string): boolean {
  if (query === "") return true;
  let previous = "";
  for (const pair of query.split("&")) {
    if (!PLAIN_PAIR.test(pair)) return false;
    const name = pair.slice(0, pair.indexOf("="));
    if (name < previous) return false;
    previous = name;
  }
  return true;
}

/**
 * The cache field of one request: the canonical URL, and the caller's scopes (an admin's
 * full-power token and the same admin's narrower API key may see different things at one URL).
 * For an access token the scopes follow from the role, each role having its own set.
 */
export function responseCacheKey(url: string, scopes: ReadonlySet<Scope>): string {
  return `${[...scopes].sort().join(",")} ${canonicalUrl(url)}`;
}
