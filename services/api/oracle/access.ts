import type { RequestHandler } from "express";
import type { Viewer } from "../../lib/db/paging";
import { seesAll, type Principal } from "../auth/principal";
import type { ApiRouter, AuthRule, RouteContext } from "../http/route-kit";
import type { ReadingActor, ReadingEnv } from "./reading-runner";

/** Who may do what on the Oracle's data, and the pieces every feature route passes around. */

export const READ = { scopes: ["oracle:read"] } as const satisfies AuthRule;
export const WRITE = { scopes: ["oracle:write"] } as const satisfies AuthRule;

/** What the principal reaches: its own rows, or every owner's for administrators and moderators. */
export function viewerOf(principal: Principal): Viewer {
  return { userId: principal.userId, seesAll: seesAll(principal) };
}

/** The route's caller as the one a reading is run for. */
export function actorOf(principal: Principal): ReadingActor {
  return { userId: principal.userId, viewer: viewerOf(principal) };
}

/** A reading run on behalf of the route's caller. */
export function readingEnv(r: ApiRouter, ctx: Pick<RouteContext<unknown, unknown, unknown, AuthRule>, "deps" | "publish">): ReadingEnv {
  return { deps: ctx.deps, metrics: r.metrics, publish: ctx.publish };
}

/**
 * A write that touched another account's rows (a moderator's, say) also clears that account's
 * cached answers; the toolkit already clears the caller's own.
 */
export async function clearOwnerCache(ctx: Pick<RouteContext<unknown, unknown, unknown, AuthRule>, "invalidateCache">, principal: Principal, ownerId: string): Promise<void> {
  if (ownerId !== principal.userId) await ctx.invalidateCache(ownerId);
}

const NO_AI_TYPES: ReadonlySet<unknown> = new Set(["timing", "stamp"]);

/**
 * The hourly AI limit, counted for requests that ask for an interpretation (include_ai defaults
 * to true); readings without one, and the types that never have one, cost no AI quota.
 */
export function aiLimitWhenAsked(r: ApiRouter): RequestHandler {
  return (req, res, next) => {
    const body = req.body as Record<string, unknown> | undefined;
    const asks = typeof body === "object" && body !== null && !Array.isArray(body) && body.include_ai !== false && !NO_AI_TYPES.has(body.reading_type);
    if (asks) r.limiters.ai(req, res, next);
    else next();
  };
}
