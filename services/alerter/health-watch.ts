import type { AlerterMetrics } from "./metrics";
import type { Notice } from "./notices";

/**
 * The alerter's own checks (ALERT_CHECK_INTERVAL): the Oracle's and the API's readiness, and
 * Alertmanager's health when ALERTMANAGER_URL names it. A target that does not answer, or answers
 * not ready, fires a critical notice on every check (the cooldown keeps it to one a period); one
 * that comes back resolves it. So an outage is told even when Prometheus or Alertmanager is the
 * part that broke.
 */

export interface Target {
  readonly name: "oracle" | "api" | "alertmanager";
  readonly url: string;
}

type Health = { ok: true } | { ok: false; reason: string };

const TIMEOUT_MS = 5_000;

async function check(target: Target): Promise<Health> {
  let res: Response;
  try {
    res = await fetch(target.url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    return { ok: false, reason: `unreachable (${err instanceof Error ? err.message : String(err)})` };
  }
  if (res.ok) {
    await res.body?.cancel();
    return { ok: true };
  }
  const text = await res.text().catch(() => "");
  let detail = "";
  try {
    const checks = (JSON.parse(text) as { checks?: Record<string, string> }).checks;
    if (checks) detail = Object.entries(checks).filter(([, v]) => v !== "healthy").map(([k, v]) => `${k}: ${v}`).join(", ");
  } catch {
    detail = "";
  }
  return { ok: false, reason: `answered ${res.status}${detail ? ` (${detail})` : ""}` };
}

const LABEL: Record<Target["name"], string> = { oracle: "Oracle", api: "API", alertmanager: "Alertmanager" };

export class HealthWatch {
  private readonly down = new Map<string, boolean>();

  constructor(
    readonly targets: readonly Target[],
    private readonly metrics: AlerterMetrics,
  ) {}

  /** One round over every target: the notices it gives. */
  async round(): Promise<Notice[]> {
    const results = await Promise.all(this.targets.map(async (t) => [t, await check(t)] as const));
    this.metrics.lastHealthCheck.setToCurrentTime();
    const notices: Notice[] = [];
    for (const [t, h] of results) {
      this.metrics.targetUp.set({ target: t.name }, h.ok ? 1 : 0);
      const key = `health:${t.name}`;
      const wasDown = this.down.get(t.name) ?? false;
      if (!h.ok) {
        this.down.set(t.name, true);
        notices.push({ source: "health", key, status: "firing", severity: "critical", title: `${LABEL[t.name]} unhealthy`, summary: `${LABEL[t.name]} at ${t.url} ${h.reason}` });
      } else if (wasDown) {
        this.down.set(t.name, false);
        notices.push({ source: "health", key, status: "resolved", severity: "info", title: `${LABEL[t.name]} recovered`, summary: `${LABEL[t.name]} at ${t.url} answers healthy again` });
      }
    }
    return notices;
  }

  /** Targets down after the last round. */
  downTargets(): string[] {
    return [...this.down].filter(([, d]) => d).map(([n]) => n);
  }
}
