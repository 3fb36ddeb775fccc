import type http from "node:http";
import type { Request, RequestHandler, Response } from "express";
import { HEALTH_PATHS } from "../../lib/health-paths";
import type { ApiMetrics } from "../metrics";

/**
 * The liveness probe answered before Express. Load balancers and container checks call it every
 * few seconds on every replica, and Express's router alone costs several times what the answer
 * does; this path gives the same answer with the same headers (the app's own security and CORS
 * middleware run on it) and counts it in the same metrics. Anything but an exact
 * `GET /api/health` goes to Express, which serves the route too (a test holds the two alike).
 */
export function withFastLiveness(app: http.RequestListener, headerMiddleware: readonly RequestHandler[], metrics: ApiMetrics, body: string): http.RequestListener {
  const length = String(Buffer.byteLength(body));
  return (req, res) => {
    if (req.method !== "GET" || req.url !== HEALTH_PATHS.apiLive) {
      app(req, res);
      return;
    }
    const start = process.hrtime.bigint();
    let ran = 0;
    // Each middleware calls next synchronously (checked below); anything else falls back to Express.
    for (const middleware of headerMiddleware) {
      const before = ran;
      void middleware(req as Request, res as Response, () => {
        ran++;
      });
      if (ran === before) {
        app(req, res);
        return;
      }
    }
    res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": length });
    res.end(body);
    metrics.observe("GET", HEALTH_PATHS.apiLive, 200, Number(process.hrtime.bigint() - start) / 1e9);
  };
}
