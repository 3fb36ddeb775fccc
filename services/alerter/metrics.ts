import { Counter, Gauge, type Registry } from "prom-client";
import { METRICS } from "../lib/metric-names";

const M = METRICS.alerter;

export class AlerterMetrics {
  readonly delivered: Counter<"source" | "status" | "severity">;
  readonly suppressed: Counter<"reason">;
  readonly targetUp: Gauge<"target">;
  readonly lastHealthCheck: Gauge;

  constructor(readonly registry: Registry) {
    const registers = [registry];
    this.delivered = new Counter({ name: M.alertsDelivered, help: "Alerts sent to the admin chat", labelNames: ["source", "status", "severity"], registers });
    this.suppressed = new Counter({ name: M.alertsSuppressed, help: "Alerts not sent, by reason", labelNames: ["reason"], registers });
    this.targetUp = new Gauge({ name: M.targetUp, help: "1 while a target the alerter watches answers healthy", labelNames: ["target"], registers });
    this.lastHealthCheck = new Gauge({ name: M.lastHealthCheck, help: "When the alerter last checked its targets (unix seconds)", registers });
  }
}
