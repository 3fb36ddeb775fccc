import type http from "node:http";
import type { CachedResponse } from "../../lib/cache/principal-cache";

/** Each stored answer's body as bytes, made once per entry object (an in-memory entry is the same object on every hit). */
const encoded = new WeakMap<CachedResponse, Buffer>();

function bodyBytes(entry: CachedResponse): Buffer {
  let bytes = encoded.get(entry);
  if (!bytes) {
    bytes = Buffer.from(entry.body, "utf8");
    encoded.set(entry, bytes);
  }
  return bytes;
}

/** true when an If-None-Match list names the entity tag, strongly or weakly. */
export function namesEtag(ifNoneMatch: string, etag: string): boolean {
  return ifNoneMatch.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}`);
}

/**
 * Writes a stored answer, or its 304, with the headers Express's res.send gave it (Content-Type
 * with its charset, Content-Length) in one writeHead: no per-hit encoding, no content-type lookup.
 * Node leaves the body out of an answer to HEAD.
 */
export function writeCached(res: http.ServerResponse, entry: CachedResponse, outcome: "HIT" | "MISS", notModified: boolean): void {
  if (notModified) {
    res.writeHead(304, { ETag: entry.etag, "Cache-Control": "private, no-cache", "X-Cache": outcome });
    res.end();
    return;
  }
  const body = bodyBytes(entry);
  res.writeHead(entry.status, {
    ETag: entry.etag,
    "Cache-Control": "private, no-cache",
    "X-Cache": outcome,
    "Content-Type": `${entry.contentType}; charset=utf-8`,
    "Content-Length": body.length,
  });
  res.end(body);
}
