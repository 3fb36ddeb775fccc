/**
 * The Oracle service: gRPC on config.oracle.grpcPort (50052), Prometheus metrics with /health and
 * /ready on config.oracle.metricsPort (9090). `nps start --only oracle` runs it alone, as its
 * container does. On SIGTERM the gRPC server drains first (health NOT_SERVING, in-flight calls
 * finish), then the metrics port closes, then the process exits 0.
 */
import * as grpc from "@grpc/grpc-js";
import pkg from "../../package.json";
import { createRegistry } from "../lib/metrics";
import type { ServiceMain } from "../lib/service-context";
import { closeServer, createSideHttpServer, listen } from "../lib/side-http";
import { explainListenError } from "../lib/startup-error";
import { createInterpreter } from "./ai/interpreter";
import { OracleServer } from "./grpc/server";
import { OracleMetrics } from "./metrics";
import { ReadingService } from "./readings/reading-service";

export const main: ServiceMain = async ({ config, logger, lifecycle }) => {
  // grpc-js logs its own copy of a failed bind; the StartupError below says it once, better.
  grpc.setLogger({ error: (...args: unknown[]) => logger.debug({ grpc: args.join(" ") }, "grpc-js") });
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
  const host = config.bindHost;
  const metricsPort = await listen(side, config.oracle.metricsPort, host, { what: "the Oracle metrics port", portVariable: "ORACLE_METRICS_PORT", hostVariable: "NPS_BIND_HOST" });
  // Registered first, so it closes last: metrics stay scrapable while the gRPC server drains.
  lifecycle.onShutdown("oracle metrics", () => closeServer(side));

  const port = await server.listen(host, config.oracle.grpcPort).catch((err: unknown) => {
    throw explainListenError(err, { what: "the Oracle gRPC server", host, port: config.oracle.grpcPort, portVariable: "ORACLE_GRPC_PORT", hostVariable: "NPS_BIND_HOST" });
  });
  lifecycle.onShutdown("oracle gRPC", () => server.drain(config.drainMs));

  logger.info({ host, port, metricsPort, ai: interpreter.configured ? config.ai.model : "not configured" }, "oracle serving");
};
