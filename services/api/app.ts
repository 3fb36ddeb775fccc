import type http from "node:http";
import express, { type Express, type RequestHandler } from "express";
import { HEALTH_PATHS } from "../lib/health-paths";
import { recordAudit } from "./audit";
import { Authenticator } from "./auth/authenticator";
import type { ApiDeps } from "./deps";
import { errorConverter, notFoundHandler } from "./http/error-converter";
import { withFastLiveness } from "./http/fast-liveness";
import { withFastReads } from "./http/fast-reads";
import { allowOn, methodNotAllowed } from "./http/method-not-allowed";
import { createOpenApiRegistry, openApiRouter } from "./http/openapi";
import { createRateLimiters, DEFAULT_RATE_LIMITS, type RateLimiters } from "./http/rate-limits";
import { isBotService } from "./telegram/bot-auth";
import "./http/request-augment";
import { RouteTable } from "./http/route-table";
import { ApiRouter, type AuthRule, type RouteModule, type RouteRuntime } from "./http/route-kit";
import { securityMiddleware } from "./http/security";
import { webPageRouter } from "./http/web-page";
import { ApiMetrics, metricsMiddleware } from "./metrics";
import { LIVENESS } from "./health/routes";
import { ROUTE_MODULES } from "./routes";
import { KeptSettingsRepository } from "./settings/kept-settings";
import { sharePageRouter } from "./share/share-page";
import { documentWebSocket, WS_PATH } from "./ws/ws-server";
import { API_VERSION } from "./version";

/** JSON bodies larger than this are refused with 413. */
export const BODY_LIMIT = "100kb";

/**
 * nginx (dev stack) and the load balancer (prod stack) sit on private addresses in front of the
 * API; X-Forwarded-For is believed from them only, so a client cannot choose its own rate-limit key.
 */
export const TRUSTED_PROXIES = "loopback, linklocal, uniquelocal";

/** Runs a body parser only when the request carries a body (as the parser itself would decide, minus its cost). */
function whenBodyPresent(parser: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) next();
    else parser(req, res, next);
  };
}

export interface ApiApp {
  readonly app: Express;
  /** What the HTTP server runs: the app, with the liveness probe and cached reads answered ahead of Express. */
  readonly handler: http.RequestListener;
  readonly metrics: ApiMetrics;
  readonly authenticator: Authenticator;
  readonly limiters: RateLimiters;
  /** The routes at fixed paths, found without Express's walk through the routers. */
  readonly table: RouteTable;
  /** Releases what the app itself holds (limiter timers); the deps are closed by whoever made them. */
  close(): void;
}

/**
 * Builds the Express API from its dependencies: no listening, no globals, so tests and the
 * benchmark build as many as they like. main.ts listens and attaches the WebSocket.
 */
export function createApp(given: ApiDeps, modules: readonly RouteModule[] = ROUTE_MODULES): ApiApp {
  // Every reading request reads its caller's settings: the app reads them through a short-lived copy.
  const settings = new KeptSettingsRepository(given.db);
  const deps: ApiDeps = { ...given, repos: { ...given.repos, settings } };
  const { config, logger } = deps;
  const metrics = new ApiMetrics(deps.registry, {
    oracleMode: () => deps.oracle.mode,
    pool: () => deps.db.poolStats(),
    databaseUp: () => deps.db.ping(),
    redisUp: () => (deps.cacheLayer.redis ? deps.cacheLayer.redis.isUp : undefined),
    // Each authenticated socket listens for its user's events once.
    websocketConnections: () => deps.events.listenerCount(),
  });
  const limiters = createRateLimiters(deps.cacheLayer.redis, deps.limits ?? DEFAULT_RATE_LIMITS, deps.keyPrefix ?? "nps:", logger, isBotService(config.telegram.serviceKey));
  const authenticator = new Authenticator({ tokens: config.api, repos: deps.repos, cacheLayer: deps.cacheLayer, logger });
  const registry = createOpenApiRegistry();
  documentWebSocket(registry);

  const app = express();
  app.disable("x-powered-by");
  // ETags are the route toolkit's, on cached reads; hashing every other body would buy nothing.
  app.set("etag", false);
  app.set("trust proxy", TRUSTED_PROXIES);

  // Order matters: headers first, so every later answer (errors, 413, 429) carries them.
  const security = securityMiddleware({ corsOrigins: config.api.corsOrigins, forceHttps: config.api.forceHttps });
  app.use(metricsMiddleware(metrics));
  app.use(security);
  app.use(whenBodyPresent(express.json({ limit: BODY_LIMIT })));
  app.use(authenticator.middleware());
  app.use(limiters.general);

  app.get(HEALTH_PATHS.metrics, async (_req, res) => {
    res.locals.route = HEALTH_PATHS.metrics;
    res.type(deps.registry.contentType).send(await deps.registry.metrics());
  });
  app.all(HEALTH_PATHS.metrics, allowOn(["get"]));
  // /ws is answered by the upgrade handler (main.ts); a plain request is told what to send.
  app.get(WS_PATH, (_req, res) => {
    res.locals.route = WS_PATH;
    res.setHeader("Upgrade", "websocket");
    res.status(426).json({ error: { code: "upgrade_required", message: "/ws is a WebSocket: send an upgrade request (Connection: Upgrade, Upgrade: websocket)" } });
  });
  app.all(WS_PATH, allowOn(["get"]));

  const cachedReads = new Map<string, AuthRule>();
  const table = new RouteTable();
  const runtime: RouteRuntime = {
    table,
    deps,
    registry,
    limiters,
    metrics,
    cachedReads,
    audit: (req, entry) => recordAudit(deps.repos.audit, logger, req, entry),
  };
  // Filled by the modules below before any request arrives.
  app.use(table.middleware());
  for (const module of modules) {
    const router = new ApiRouter(module.base, module.tag, runtime);
    module.register(router);
    router.finish();
    app.use(module.base, router.router);
  }
  app.use(openApiRouter(registry, API_VERSION, config.api.swaggerEnabled));
  app.use(webPageRouter());
  // A share link's page for what the web page does not take (no browser asking for HTML, or the
  // page not built): the shared reading as plain HTML.
  app.use(sharePageRouter(deps));

  app.use(methodNotAllowed);
  app.use(notFoundHandler);
  app.use(errorConverter(logger));

  const reads = withFastReads(app, { authenticator, cache: deps.cacheLayer.cache, routes: cachedReads, limiters, headerMiddleware: security, metrics });
  const handler = withFastLiveness(reads, security, metrics, JSON.stringify(LIVENESS));
  return {
    app,
    handler,
    metrics,
    authenticator,
    limiters,
    table,
    close: () => {
      limiters.shutdown();
      authenticator.close();
      settings.close();
    },
  };
}
