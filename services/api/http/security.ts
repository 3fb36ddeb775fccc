import type { OutgoingHttpHeader } from "node:http";
import cors from "cors";
import type { Request, RequestHandler, Response } from "express";
import helmet from "helmet";

/** Every method a route uses, PATCH included, so cross-origin preflights succeed for all of them. */
export const CORS_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * Security and CORS headers. Mounted first, so every response carries them: successes, errors,
 * 404s, 413s and 429s alike.
 */
export function securityMiddleware(options: { readonly corsOrigins: readonly string[]; readonly forceHttps: boolean }): RequestHandler[] {
  const allowed = new Set(options.corsOrigins);
  const helmetHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "default-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        // Swagger UI's page styles itself inline; scripts stay 'self' only.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        // TLS is nginx's or the load balancer's job; forcing upgrades would break plain-http local use.
        "upgrade-insecure-requests": null,
      },
    },
    strictTransportSecurity: options.forceHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginResourcePolicy: { policy: "same-site" },
  });
  return [
    staticHeaders(helmetHeaders),
    cors({
      origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
      methods: [...CORS_METHODS],
      allowedHeaders: ["Authorization", "Content-Type", "X-API-Key", "If-None-Match", "Accept-Language"],
      exposedHeaders: ["ETag", "Retry-After", "RateLimit", "RateLimit-Policy", "X-Cache", "X-Request-Id"],
      maxAge: 600,
    }),
  ];
}

/**
 * Helmet's headers are the same for every response under this configuration (no CSP nonces), so
 * they are computed once by running helmet against a recorder and then set from the list: the
 * same headers for a fraction of the cost of helmet's dozen chained middlewares per request.
 */
export function staticHeaders(middleware: RequestHandler): RequestHandler {
  const recorded = new Map<string, OutgoingHttpHeader>();
  const recorder = {
    setHeader: (name: string, value: OutgoingHttpHeader) => recorded.set(name, value),
    removeHeader: (name: string) => recorded.delete(name),
    getHeader: (name: string) => recorded.get(name),
  };
  let completed = false;
  void middleware({ headers: {}, method: "GET", url: "/" } as Request, recorder as unknown as Response, () => {
    completed = true;
  });
  if (!completed) throw new Error("staticHeaders: the middleware did not complete synchronously, so its headers are not static");
  const headers = [...recorded];
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
