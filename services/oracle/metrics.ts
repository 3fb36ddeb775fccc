/**
 * The Oracle's Prometheus metrics, named in services/lib/metric-names.ts and kept in a registry
 * of their own (one per server instance, so tests can run several).
 */
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { METRICS } from "../lib/metric-names";
import type { AiObserver, AiOutcome } from "./ai/interpreter";
import type { ReadingObserver } from "./readings/reading-service";
import type { ReadingType } from "./readings/types";

const M = METRICS.oracle;

/** Call latencies from sub-millisecond health checks to AI-backed readings of many seconds. */
const CALL_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const READING_BUCKETS = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05];
const AI_BUCKETS = [0.01, 0.1, 0.5, 1, 2.5, 5, 10, 20, 30, 60];

export class OracleMetrics implements ReadingObserver, AiObserver {
  readonly calls: Counter<"method" | "code">;
  readonly callDuration: Histogram<"method">;
  readonly inFlight: Gauge;
  readonly readings: Counter<"type">;
  readonly readingDuration: Histogram<"type">;
  readonly aiInterpretations: Counter<"outcome">;
  readonly aiDuration: Histogram<"outcome">;
  readonly serving: Gauge;

  constructor(readonly registry: Registry) {
    const registers = [registry];
    this.calls = new Counter({ name: M.grpcCalls, help: "gRPC calls by method and status code", labelNames: ["method", "code"], registers });
    this.callDuration = new Histogram({
      name: M.grpcDuration,
      help: "gRPC call latency in seconds, by method",
      labelNames: ["method"],
      buckets: CALL_BUCKETS,
      registers,
    });
    this.inFlight = new Gauge({ name: M.grpcInFlight, help: "gRPC calls being served", registers });
    this.readings = new Counter({ name: M.readings, help: "Readings computed, by type", labelNames: ["type"], registers });
    this.readingDuration = new Histogram({
      name: M.readingDuration,
      help: "Engine time of one reading in seconds (without the AI interpretation), by type",
      labelNames: ["type"],
      buckets: READING_BUCKETS,
      registers,
    });
    this.aiInterpretations = new Counter({
      name: M.aiInterpretations,
      help: "Interpretations asked for, by outcome (generated, cached, fallback to the engine's text)",
      labelNames: ["outcome"],
      registers,
    });
    this.aiDuration = new Histogram({
      name: M.aiDuration,
      help: "Time to an interpretation in seconds, by outcome",
      labelNames: ["outcome"],
      buckets: AI_BUCKETS,
      registers,
    });
    this.serving = new Gauge({ name: M.serving, help: "1 while the gRPC health status is SERVING, 0 while draining", registers });
  }

  reading(type: ReadingType, seconds: number): void {
    this.readings.inc({ type });
    this.readingDuration.observe({ type }, seconds);
  }

  ai(outcome: AiOutcome, seconds: number): void {
    this.aiInterpretations.inc({ outcome });
    this.aiDuration.observe({ outcome }, seconds);
  }
}
