/**
 * The Oracle service: gRPC on config.oracle.grpcPort (50052), Prometheus metrics with /health and
 * /ready on config.oracle.metricsPort (9090). `nps start --only oracle` runs it alone, as its
 * container does. On SIGTERM the gRPC server drains first (health NOT_SERVING, in-flight calls
 * finish), then the metrics port closes, then the process exits 0.
 */
import pkg from "../../package.json";
import { createRegistry } from "../lib/metrics";
import type { ServiceMain } from "../lib/service-context";
import { closeServer, createSideHttpServer, listen } from "../lib/side-http";
import { createInterpreter } from "./ai/interpreter";
import { OracleServer } from "./grpc/server";
import { OracleMetrics } from "./metrics";
import { ReadingService } from "./readings/reading-service";

/** All interfaces: the container's port mapping decides who can reach it. */
const BIND_HOST = "0.0.0.0";

export const main: ServiceMain = async ({ config, logger, lifecycle }) => {
  const metrics = new OracleMetrics(createRegistry("oracle"));
  const interpreter = createInterpreter(config.ai, { logger, observer: metrics });
  const readings = new ReadingService({ interpreter, observer: metrics });
  const server = new OracleServer({ readings, metrics, logger });

  const side = createSideHttpServer({
    registry: metrics.registry,
    service: "oracle",
    version: pkg.version,
    readiness: { grpc: () => (server.isServing ? true : "draining") },
  });
  const metricsPort = await listen(side, config.oracle.metricsPort);
  // Registered first, so it closes last: metrics stay scrapable while the gRPC server drains.
  lifecycle.onShutdown("oracle metrics", () => closeServer(side));

  const port = await server.listen(BIND_HOST, config.oracle.grpcPort);
  lifecycle.onShutdown("oracle gRPC", () => server.drain());

  logger.info({ port, metricsPort, ai: interpreter.configured ? config.ai.model : "not configured" }, "oracle serving");
};
