/**
 * The API service: Express on config.api.port (8000) with /metrics, the health routes and the
 * WebSocket at /ws. At start it migrates the database (NPS_MIGRATE_ON_START), ensures the first
 * administrator, connects Redis (running in memory while it is away) and the Oracle client (gRPC,
 * or in-process direct mode). On SIGTERM it stops taking requests and drains before the pools close.
 */
import http from "node:http";
import { createCacheLayer } from "../lib/cache/cache-layer";
import { RedisConnection } from "../lib/cache/redis-connection";
import { createFieldCipher } from "../lib/crypto/create-field-cipher";
import { encryptRowsStoredBeforeTheKey } from "../lib/db/encrypt-existing";
import { ensureFirstAdmin } from "../lib/db/first-admin";
import { openDatabase } from "../lib/db/open-database";
import { createRepositories } from "../lib/db/repositories";
import { createRegistry } from "../lib/metrics";
import type { ServiceMain } from "../lib/service-context";
import { trackForDrain } from "../lib/http-drain";
import { listen } from "../lib/side-http";
import { createOracleClient } from "../oracle/client";
import { createApp } from "./app";
import { EventBus } from "./events/event-bus";
import { attachWebSocket } from "./ws/ws-server";

/**
 * Longer than the load balancer's idle timeout (60 s on AWS), so the balancer, not the API,
 * closes idle keep-alive connections and never sends a request down one the API just closed.
 */
const KEEP_ALIVE_MS = 65_000;

export const main: ServiceMain = async ({ config, logger, lifecycle, together }) => {
  const db = await openDatabase(config, logger, { applicationName: "nps-api", shareEmbedded: true });
  lifecycle.onShutdown("api database", () => db.close());
  await ensureFirstAdmin({ db, config, logger });

  const cipher = await createFieldCipher(config.encryption, logger);
  if (db.kind === "embedded") await encryptRowsStoredBeforeTheKey(config.dataDir, db, cipher, logger);
  const cacheLayer = await createCacheLayer(config.redis, logger);
  lifecycle.onShutdown("api redis", () => cacheLayer.close());

  // In one process (`nps start`) the Oracle is right here: its reading service is called directly,
  // the same code the gRPC server runs, with no loopback hop (the server still serves other callers).
  const oracle = createOracleClient(config, { logger, ...(together ? { target: null } : {}) });
  lifecycle.onShutdown("oracle client", () => oracle.close());
  const oracleMode = await oracle.probe();

  const events = new EventBus(logger);
  if (cacheLayer.redis && config.redis.kind === "redis") {
    const subscriber = new RedisConnection(config.redis.url, logger, { name: "nps-api-events" });
    await subscriber.start();
    const detach = events.attachRedis(cacheLayer.redis, subscriber);
    lifecycle.onShutdown("api event relay", detach);
  }

  const api = createApp({ config, logger, db, repos: createRepositories(db, cipher), cacheLayer, oracle, registry: createRegistry("api"), events });
  const server = http.createServer(api.handler);
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  const drain = trackForDrain(server);
  const ws = attachWebSocket(server, {
    authenticate: (credential) => api.authenticator.authenticate(credential),
    events,
    logger,
    allowedOrigins: config.api.corsOrigins,
  });
  // Registered before listening, so a port that cannot be had still releases what the app holds.
  lifecycle.onShutdown("api http", async () => {
    await Promise.all([ws.close(), drain({ timeoutMs: config.drainMs, logger })]);
    api.close();
  });
  const port = await listen(server, config.api.port, config.api.host, { what: "the API", portVariable: "API_PORT (or PORT)", hostVariable: "API_HOST" });

  logger.info(
    { port, database: db.kind, redis: cacheLayer.status().state, oracle: oracleMode },
    "api serving",
  );
};
