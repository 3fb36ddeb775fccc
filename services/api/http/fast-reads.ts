import type http from "node:http";
import type { Request, RequestHandler, Response } from "express";
import type { PrincipalCache } from "../../lib/cache/principal-cache";
import type { Authenticator } from "../auth/authenticator";
import type { Principal } from "../auth/principal";
import type { ApiMetrics } from "../metrics";
import { lookUpOnce } from "./cache-lookup";
import { namesEtag, writeCached } from "./cached-reply";
import type { LimitOutcome, RateLimiters } from "./rate-limits";
import { plainPath, responseCacheKey } from "./response-cache-key";
import { refusal, type AuthRule } from "./route-kit";
import { patternSource } from "./route-table";

export interface FastReadParts {
  readonly authenticator: Authenticator;
  readonly cache: PrincipalCache;
  /** The cached reads the lane may answer, pattern → auth rule (the route toolkit fills it; complete when the lane is built). */
  readonly routes: ReadonlyMap<string, AuthRule>;
  readonly limiters: RateLimiters;
  /** The app's security and CORS middleware, each calling next synchronously. */
  readonly headerMiddleware: readonly RequestHandler[];
  readonly metrics: ApiMetrics;
}

/**
 * Repeated reads answered from the response cache before Express. A page the web client polls
 * (the reading history, say) is a cache hit nearly every time, and Express's router, its limiter
 * and res.send cost several times the hit itself. This lane takes a GET or HEAD without a body,
 * at a path the URL parser leaves as it is, whose credential is an access token this process
 * verified lately, and whose cache key has an entry stored by a route that runs nothing between
 * authentication and the cache lookup but its auth rule. It checks what Express would (revocation
 * and the account through the authenticator, the route's rule, the general limit counted once)
 * and answers with the same headers and metrics. Anything else goes to Express unchanged: a miss,
 * an API key, no credential, an If-None-Match not naming the tag (res.send's freshness rules
 * decide that), or a request over the limit, which Express answers with the count already made.
 * services/api/http/fast-reads.test.ts holds the two paths alike.
 */
export function withFastReads(express: http.RequestListener, parts: FastReadParts): http.RequestListener {
  const hits = parts.metrics.cacheLookups.labels({ result: "hit" });
  const mayBeCached = pathsOf(parts.routes.keys());

  /** The stored answer the lane may give this request, and the general limit's count of it; undefined when Express must decide. */
  const decide = async (req: http.IncomingMessage, path: string, pending: Promise<Principal | string>) => {
    const principal = await pending;
    if (typeof principal === "string") return undefined;
    const entry = await lookUpOnce(parts.cache, req, principal.userId, responseCacheKey(req.url!, principal.scopes));
    const route = entry?.route;
    const rule = route === undefined ? undefined : parts.routes.get(route);
    if (!entry || route === undefined || !rule || (rule !== "public" && refusal(rule, principal))) return undefined;
    const ifNoneMatch = req.headers["if-none-match"];
    if (ifNoneMatch !== undefined && !namesEtag(ifNoneMatch, entry.etag)) return undefined;
    // Counted here, this request's count is the one Express applies should it answer after all.
    const outcome: LimitOutcome = await parts.limiters.countGeneral(principal, path);
    return { entry, route, outcome, notModified: ifNoneMatch !== undefined };
  };

  const answer = async (req: http.IncomingMessage, res: http.ServerResponse, path: string, pending: Promise<Principal | string>, start: bigint): Promise<void> => {
    // A failure on the way (the account unreadable, say) is Express's to answer, in its error shape.
    const decided = await decide(req, path, pending).catch(() => undefined);
    if (!decided) {
      express(req, res);
      return;
    }
    const { entry, route, outcome, notModified } = decided;
    if (outcome.refused || !headersSetSynchronously(parts.headerMiddleware, req, res)) {
      parts.limiters.handOver(req, outcome);
      express(req, res);
      return;
    }
    for (const [name, value] of outcome.headers) res.setHeader(name, value);
    hits.inc();
    writeCached(res, entry, "HIT", notModified);
    parts.metrics.observe(req.method!, route, res.statusCode, Number(process.hrtime.bigint() - start) / 1e9);
  };

  return (req, res) => {
    // From here, as Express's metrics middleware times from its start.
    const start = process.hrtime.bigint();
    const path = takesShape(req) ? plainPath(req.url!) : undefined;
    const pending = path === undefined || !mayBeCached.test(path) ? undefined : parts.authenticator.verifiedPrincipal(req);
    if (path === undefined || !pending) {
      express(req, res);
      return;
    }
    void answer(req, res, path, pending, start);
  };
}

/**
 * The paths the patterns can match (":name" one segment, either case, a trailing slash allowed, as
 * Express matches them): other reads go straight to Express, without a cache lookup of their own.
 */
function pathsOf(patterns: Iterable<string>): RegExp {
  const shapes = [...patterns].map(patternSource);
  return shapes.length === 0 ? /^(?!)/ : new RegExp(`^(?:${shapes.join("|")})/?$`, "i");
}

/** A read without a body: a body would go to the JSON parser, which may refuse it. */
function takesShape(req: http.IncomingMessage): boolean {
  return (req.method === "GET" || req.method === "HEAD") && req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined;
}

/** Runs header-only middleware; false when one did not call next at once (then Express runs it properly). */
function headersSetSynchronously(middleware: readonly RequestHandler[], req: http.IncomingMessage, res: http.ServerResponse): boolean {
  for (const handler of middleware) {
    let ran = false;
    void handler(req as Request, res as Response, () => {
      ran = true;
    });
    if (!ran) return false;
  }
  return true;
}
