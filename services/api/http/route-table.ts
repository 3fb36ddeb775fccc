import type { NextFunction, Request, RequestHandler, Response } from "express";

/**
 * The route toolkit's routes at fixed paths, found by one map lookup instead of Express's walk.
 * Express finds a route by matching the request against every layer of every module's router in
 * turn (each a path-to-regexp match, a prefix trim and a restore), and a POST to
 * /api/oracle/readings passed about fifty of them. This table, mounted after the app-wide
 * middleware and before the modules' routers, sends a request whose method and path are exactly
 * a route's (as registered: no parameters, no trailing slash, the same case) straight to that
 * route's handlers, with what Express's mounted router would have set (baseUrl, the url under the
 * base, empty params); any other request, and a path an earlier route could also match, goes on
 * to the routers as before. An error leaves for the app's error handlers, as it would from the
 * router. A route's last handler answers or throws (the toolkit's always does); next("route") and
 * next("router") are not for these routes. services/api/http/route-table.test.ts holds the two
 * paths alike.
 */
const ANY_METHOD = "*";

export class RouteTable {
  private readonly routes = new Map<string, { readonly base: string; readonly handlers: readonly RequestHandler[] }>();
  /** Patterns registered so far in mount order, each with its method: a later fixed path they match is Express's to decide. */
  private readonly earlier: { readonly method: string; readonly shape: RegExp }[] = [];

  /** Called for every route in the order Express mounts them. */
  add(method: string, base: string, pattern: string, handlers: readonly RequestHandler[]): void {
    const upper = method.toUpperCase();
    const shadowed = this.earlier.some((e) => (e.method === upper || e.method === ANY_METHOD) && e.shape.test(pattern));
    if (!pattern.includes(":") && !shadowed) this.routes.set(`${upper} ${pattern}`, { base, handlers });
    this.earlier.push({ method: upper, shape: patternShape(pattern) });
  }

  /** A handler of every method at a pattern (a module's 405 answers): never answered here, but it shadows later routes. */
  addAnyMethod(pattern: string): void {
    this.earlier.push({ method: ANY_METHOD, shape: patternShape(pattern) });
  }

  /** The fixed paths the table answers, "METHOD /path". */
  keys(): string[] {
    return [...this.routes.keys()];
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      const path = req.path;
      const route = this.routes.get(`${req.method} ${path}`);
      if (!route) {
        next();
        return;
      }
      const { base, handlers } = route;
      const url = req.url;
      // What Express's router mounted at `base` gives the route: the url under it, the base, no params.
      const under = url.slice(base.length);
      req.baseUrl = base;
      req.url = under.startsWith("/") ? under : `/${under}`;
      req.params = {};
      let index = 0;
      // As Express's layers read next's argument: anything falsy (next(), next(null)) goes on.
      const step = (err?: unknown): void => {
        const handler = err ? undefined : handlers[index++];
        if (!handler) {
          // Leaving the route: back to the app's own url, for its error handlers (or its 404).
          req.url = url;
          req.baseUrl = "";
          next(err || undefined);
          return;
        }
        run(handler, req, res, step);
      };
      step();
    };
  }
}

/** Runs a handler as Express's layer does: a throw or a rejected promise goes to next. */
function run(handler: RequestHandler, req: Request, res: Response, next: NextFunction): void {
  try {
    const returned = handler(req, res, next) as unknown;
    if (returned instanceof Promise) returned.catch((err: unknown) => next(err ?? new Error("Rejected promise")));
  } catch (err) {
    next(err);
  }
}

/** A route pattern as a regular expression's source: ":name" one segment, everything else literal. */
export function patternSource(pattern: string): string {
  return pattern.replace(/[.+?^${}()|[\]\\*]/g, "\\$&").replace(/\/:[A-Za-z0-9_]+/g, "/[^/]+");
}

/** What a pattern matches, as Express matches it: either case, a trailing slash allowed. */
function patternShape(pattern: string): RegExp {
  return new RegExp(`^${patternSource(pattern)}/?$`, "i");
}
