import { collectDefaultMetrics, Registry } from "prom-client";
import { METRICS } from "./metric-names";

/**
 * A fresh registry per service instance, with the process metrics every service exports.
 * Registries are never global: two services in one process (`nps start`) or one test file
 * starting several servers each keep their own counters.
 */
export function createRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: METRICS.processPrefix });
  return registry;
}
