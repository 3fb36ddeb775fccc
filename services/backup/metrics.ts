import { Counter, Gauge, type Registry } from "prom-client";
import { METRICS } from "../lib/metric-names";
import type { BackupType } from "../lib/backup-kinds";

/**
 * The backup metrics (names from services/lib/metric-names.ts, which the alert rules and the
 * dashboards read too): served on the backup service's metrics port, pushed by one-shot runs.
 */
export class BackupMetrics {
  readonly lastSuccess: Gauge<"kind">;
  readonly runs: Counter<"kind" | "outcome">;
  readonly sizeBytes: Gauge<"kind">;
  readonly durationSeconds: Gauge<"kind">;
  readonly lastVerified: Gauge<"kind">;
  readonly verifications: Counter<"kind" | "outcome">;

  constructor(readonly registry: Registry) {
    const b = METRICS.backup;
    const registers = [registry];
    this.lastSuccess = new Gauge({ name: b.lastSuccess, help: "Unix time of the last successful backup", labelNames: ["kind"], registers });
    this.runs = new Counter({ name: b.runs, help: "Backup runs by outcome", labelNames: ["kind", "outcome"], registers });
    this.sizeBytes = new Gauge({ name: b.sizeBytes, help: "Size of the last successful backup (compressed)", labelNames: ["kind"], registers });
    this.durationSeconds = new Gauge({ name: b.durationSeconds, help: "Seconds the last backup run took", labelNames: ["kind"], registers });
    this.lastVerified = new Gauge({ name: b.lastVerified, help: "Unix time of the newest backup restored and checked", labelNames: ["kind"], registers });
    this.verifications = new Counter({ name: b.verifications, help: "Backup verifications by outcome", labelNames: ["kind", "outcome"], registers });
  }

  succeeded(kind: BackupType, at: Date, sizeBytes: number, seconds: number): void {
    this.runs.inc({ kind, outcome: "success" });
    this.lastSuccess.set({ kind }, at.getTime() / 1000);
    this.sizeBytes.set({ kind }, sizeBytes);
    this.durationSeconds.set({ kind }, seconds);
  }

  failed(kind: BackupType, seconds: number): void {
    this.runs.inc({ kind, outcome: "failure" });
    this.durationSeconds.set({ kind }, seconds);
  }

  verified(kind: BackupType, ok: boolean, backupAt: Date): void {
    this.verifications.inc({ kind, outcome: ok ? "success" : "failure" });
    if (ok) this.lastVerified.set({ kind }, backupAt.getTime() / 1000);
  }
}
