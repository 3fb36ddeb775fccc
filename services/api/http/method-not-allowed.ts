import type { RequestHandler } from "express";

/**
 * 405 with Allow for a path that exists under other methods. Each route's path gets a catch-all
 * after its real handlers (allowOn) that notes the methods it does take and passes on; the last
 * handler before 404 (methodNotAllowed) answers 405 when any path matched. Several patterns may
 * match one URL (/links and /:token), so the methods of all of them are listed. OPTIONS is
 * Express's own: it answers with the same Allow.
 */

const order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

export function allowOn(methods: Iterable<string>): RequestHandler {
  const allowed = new Set([...methods].map((m) => m.toUpperCase()));
  if (allowed.has("GET")) allowed.add("HEAD");
  return (_req, res, next) => {
    const seen = (res.locals.allowedMethods ??= new Set<string>()) as Set<string>;
    for (const m of allowed) seen.add(m);
    next();
  };
}

export const methodNotAllowed: RequestHandler = (req, res, next) => {
  const allowed = res.locals.allowedMethods as Set<string> | undefined;
  if (!allowed || allowed.size === 0) {
    next();
    return;
  }
  const allow = [...allowed].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(", ");
  res.setHeader("Allow", allow);
  res.status(405).json({ error: { code: "method_not_allowed", message: `${req.method} is not allowed on ${req.path}; allowed: ${allow}` } });
};
