import { z } from "zod";

/**
 * What the alerter tells the admin chat, whatever the source: Alertmanager's webhook, a cloud
 * alarm from the queue (CloudWatch alarm JSON, or Amazon Managed Prometheus' lines), or its own
 * health checks. Parsing is pure; bad input is an InvalidAlertError naming what was wrong.
 */

export type Severity = "critical" | "warning" | "info";
export type NoticeSource = "alertmanager" | "queue" | "health";

export interface Notice {
  readonly source: NoticeSource;
  /** Same alert, same key: the cooldown counts per key (and per status). */
  readonly key: string;
  readonly status: "firing" | "resolved";
  readonly severity: Severity;
  readonly title: string;
  readonly summary: string;
  readonly description?: string;
}

export class InvalidAlertError extends Error {
  override readonly name = "InvalidAlertError";
}

const severityOf = (s: string | undefined): Severity => (s === "critical" || s === "warning" ? s : s === "info" || s === "none" ? "info" : "warning");

const AlertmanagerPayload = z.object({
  version: z.string().optional(),
  status: z.enum(["firing", "resolved"]),
  alerts: z
    .array(
      z.object({
        status: z.enum(["firing", "resolved"]),
        labels: z.record(z.string(), z.string()),
        annotations: z.record(z.string(), z.string()).default({}),
        fingerprint: z.string().optional(),
      }),
    )
    .max(1000),
});

/** Alertmanager's webhook payload (version 4): one notice per alert. */
export function fromAlertmanager(body: unknown): Notice[] {
  const parsed = AlertmanagerPayload.safeParse(body);
  if (!parsed.success) throw new InvalidAlertError(`not an Alertmanager webhook payload: ${parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}`);
  return parsed.data.alerts.map((a) => {
    const name = a.labels.alertname ?? "alert";
    const identity = a.fingerprint ?? Object.entries(a.labels).sort().map(([k, v]) => `${k}=${v}`).join(",");
    return {
      source: "alertmanager" as const,
      key: `alertmanager:${name}:${identity}`,
      status: a.status,
      severity: severityOf(a.labels.severity),
      title: name,
      summary: a.annotations.summary ?? name,
      ...(a.annotations.description ? { description: a.annotations.description } : {}),
    };
  });
}

const CloudWatchAlarm = z.object({
  AlarmName: z.string(),
  AlarmDescription: z.string().nullish(),
  NewStateValue: z.enum(["ALARM", "OK", "INSUFFICIENT_DATA"]),
  NewStateReason: z.string().optional(),
});

/** One line per alert, as the managed Prometheus' SNS template writes it (infra/render/alertmanager.ts). */
export const QUEUE_LINE = /^(firing|resolved)\|([a-z]*)\|([^|]+)\|(.*)$/;

/**
 * A message from the prod stack's alert queue: its body is what SNS delivered (raw delivery), or
 * an SNS envelope around it.
 */
export function fromQueueMessage(body: string): Notice[] {
  let message = body;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  const envelope = z.object({ Type: z.literal("Notification"), Message: z.string() }).safeParse(json);
  if (envelope.success) {
    message = envelope.data.Message;
    try {
      json = JSON.parse(message);
    } catch {
      json = undefined;
    }
  }
  const alarm = CloudWatchAlarm.safeParse(json);
  if (alarm.success) {
    const a = alarm.data;
    if (a.NewStateValue === "INSUFFICIENT_DATA") return [];
    return [
      {
        source: "queue",
        key: `cloudwatch:${a.AlarmName}`,
        status: a.NewStateValue === "ALARM" ? "firing" : "resolved",
        severity: "critical",
        title: a.AlarmName,
        summary: a.AlarmDescription ?? a.AlarmName,
        ...(a.NewStateReason ? { description: a.NewStateReason } : {}),
      },
    ];
  }
  const notices = message
    .split("\n")
    .map((line) => QUEUE_LINE.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ source: "queue" as const, key: `amp:${m[3]}`, status: m[1] as "firing" | "resolved", severity: severityOf(m[2]), title: m[3]!, summary: m[4] || m[3]! }));
  if (notices.length === 0) throw new InvalidAlertError("neither a CloudWatch alarm nor alert lines");
  return notices;
}
