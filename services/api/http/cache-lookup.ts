import type { IncomingMessage } from "node:http";
import type { CachedResponse, PrincipalCache } from "../../lib/cache/principal-cache";

/** Each request's lookup in the response cache, by the caller and key it was made for. */
const lookups = new WeakMap<IncomingMessage, { readonly userId: string; readonly key: string; readonly found: Promise<CachedResponse | undefined> }>();

/**
 * The response cache's entry for a request, looked up once per request: a read the cached-read
 * fast lane leaves to Express (a miss, most often) is not looked up again by its route.
 */
export function lookUpOnce(cache: PrincipalCache, req: IncomingMessage, userId: string, key: string): Promise<CachedResponse | undefined> {
  const earlier = lookups.get(req);
  if (earlier && earlier.userId === userId && earlier.key === key) return earlier.found;
  const found = cache.get(userId, key);
  lookups.set(req, { userId, key, found });
  return found;
}
