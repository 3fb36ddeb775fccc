import { stringify } from "yaml";
import { METRICS } from "../../services/lib/metric-names";
import { BACKUP_KINDS, BACKUP_MAX_AGE_HOURS } from "../catalog";
import { serviceJobs } from "./scrape-jobs";
import { latestWithin, noneWithin, Q, risenWithin } from "./queries";

/**
 * The alert rules, one set for both stacks: Prometheus evaluates them in dev, Amazon Managed
 * Prometheus in prod. Every metric they name comes from services/lib/metric-names.ts.
 */
export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: { readonly severity: "critical" | "warning"; readonly [k: string]: string };
  readonly annotations: { readonly summary: string; readonly description: string };
}

export interface RuleGroup {
  readonly name: string;
  readonly rules: readonly AlertRule[];
}

/** Over this share of failed requests, the error-rate alerts fire (seed section 5.1: 5 %). */
export const ERROR_RATE_THRESHOLD = 0.05;
/** Over this p95 latency in seconds, the latency alerts fire (seed: any RPC's p95 over 10 000 ms). */
export const LATENCY_P95_THRESHOLD_S = 10;
/** The daily readings run once a day: two hours' slack before "late". */
export const DAILY_READINGS_MAX_AGE_HOURS = 26;
/** The bot's delivery rounds come every 30 s; ten minutes without one means they stopped. */
export const DELIVERY_ROUND_MAX_AGE_S = 600;


/**
 * How far back a "late" rule looks for the last reported success, in multiples of its max age.
 * Its "never" partner fires once nothing was reported for twice the max age (the max age, then as
 * long again pending), so the late rule must still see the last success until then: three
 * leaves no gap between them.
 */
export const LAST_SUCCESS_LOOKBACK = 3;

const hours = (h: number) => `${h}h`;

/** The window a "last success" panel or rule reads, for a max age in hours. */
export const lastSuccessWindow = (maxAgeHours: number): string => hours(maxAgeHours * LAST_SUCCESS_LOOKBACK);

/**
 * A pair of rules over a "last success" timestamp, scraped or pushed alike: `late` fires when the
 * newest success reported is older than the max age; `never` when no success was reported for
 * the max age and the max age again (a new installation, or a task that stopped reporting).
 */
function lastSuccessRules(o: {
  readonly late: string;
  readonly never: string;
  readonly metric: string;
  readonly maxAgeHours: number;
  readonly labels: AlertRule["labels"];
  readonly what: string;
  readonly lateDescription: string;
}): AlertRule[] {
  return [
    {
      alert: o.late,
      expr: `time() - ${latestWithin(o.metric, lastSuccessWindow(o.maxAgeHours))} > ${o.maxAgeHours * 3600}`,
      for: "5m",
      labels: o.labels,
      annotations: { summary: `No ${o.what} in ${hours(o.maxAgeHours)}`, description: o.lateDescription },
    },
    {
      alert: o.never,
      expr: noneWithin(o.metric, hours(o.maxAgeHours)),
      for: hours(o.maxAgeHours),
      labels: o.labels,
      annotations: { summary: `No ${o.what} reported in ${hours(o.maxAgeHours * 2)}`, description: `Nothing has reported one ${o.what} for ${hours(o.maxAgeHours * 2)}: never since installation, or the runs stopped reporting.` },
    },
  ];
}

/** A daily backup may be BACKUP_MAX_AGE_HOURS old; a weekly one a week more. */
export function backupMaxAgeHours(schedule: string): number {
  return schedule.endsWith("* * *") ? BACKUP_MAX_AGE_HOURS : BACKUP_MAX_AGE_HOURS + 7 * 24;
}

export function alertRuleGroups(): RuleGroup[] {
  const jobs = serviceJobs().map((j) => j.job).join("|");
  const api = METRICS.api;
  const backup = METRICS.backup;
  return [
    {
      name: "nps-availability",
      rules: [
        {
          alert: "NpsServiceDown",
          expr: `up{job=~"${jobs}"} == 0`,
          for: "2m",
          labels: { severity: "critical" },
          annotations: { summary: "{{ $labels.job }} is down", description: "Prometheus cannot scrape {{ $labels.instance }} of {{ $labels.job }}." },
        },
        {
          alert: "NpsDatabaseDown",
          expr: `max(${api.databaseUp}) == 0`,
          for: "1m",
          labels: { severity: "critical" },
          annotations: { summary: "PostgreSQL is unreachable", description: "No API instance reaches the database; readiness answers degraded." },
        },
        {
          alert: "NpsRedisDown",
          expr: `max(${api.redisUp}) == 0`,
          for: "5m",
          labels: { severity: "warning" },
          annotations: { summary: "Redis is unreachable", description: "The API runs on its in-memory cache and rate limits." },
        },
        {
          alert: "NpsOracleDirectMode",
          expr: `max(${api.oracleMode}{mode="direct_mode"}) == 1`,
          for: "10m",
          labels: { severity: "warning" },
          annotations: { summary: "API computes readings in-process", description: "The Oracle gRPC service has been unreachable for 10 minutes." },
        },
      ],
    },
    {
      name: "nps-quality",
      rules: [
        {
          alert: "NpsApiErrorRateHigh",
          expr: `${Q.apiErrorRatio()} > ${ERROR_RATE_THRESHOLD}`,
          for: "5m",
          labels: { severity: "warning", service: "api" },
          annotations: { summary: "API error rate over 5%", description: "{{ $value | humanizePercentage }} of API requests answer 5xx." },
        },
        {
          alert: "NpsOracleErrorRateHigh",
          expr: `${Q.oracleErrorRatio()} > ${ERROR_RATE_THRESHOLD}`,
          for: "5m",
          labels: { severity: "warning", service: "oracle" },
          annotations: { summary: "Oracle error rate over 5%", description: "{{ $value | humanizePercentage }} of Oracle calls fail on the server side." },
        },
        {
          alert: "NpsApiLatencyP95High",
          expr: `${Q.apiLatencyP95()} > ${LATENCY_P95_THRESHOLD_S}`,
          for: "5m",
          labels: { severity: "warning", service: "api" },
          annotations: { summary: "API p95 latency over 10 s", description: "The 95th percentile of API requests takes {{ $value | humanizeDuration }}." },
        },
        {
          alert: "NpsOracleLatencyP95High",
          expr: `${Q.oracleLatencyP95()} > ${LATENCY_P95_THRESHOLD_S}`,
          for: "5m",
          labels: { severity: "warning", service: "oracle" },
          annotations: { summary: "Oracle {{ $labels.method }} p95 latency over 10 s", description: "The 95th percentile of {{ $labels.method }} takes {{ $value | humanizeDuration }}." },
        },
      ],
    },
    {
      name: "nps-backups",
      rules: [
        ...BACKUP_KINDS.flatMap((b) =>
          lastSuccessRules({
            late: "NpsBackupMissing",
            never: "NpsBackupNeverSucceeded",
            metric: `${backup.lastSuccess}{kind="${b.kind}"}`,
            maxAgeHours: backupMaxAgeHours(b.schedule),
            labels: { severity: "critical", kind: b.kind },
            what: `successful ${b.kind} backup`,
            lateDescription: `The last ${b.kind} backup succeeded {{ $value | humanizeDuration }} ago.`,
          }),
        ),
        {
          alert: "NpsBackupFailed",
          expr: risenWithin(`${backup.runs}{outcome="failure"}`, "1h"),
          for: "0m",
          labels: { severity: "warning" },
          annotations: { summary: "A {{ $labels.kind }} backup failed", description: "A backup run ended in failure in the last hour." },
        },
      ],
    },
    {
      name: "nps-telegram-and-daily",
      rules: [
        ...lastSuccessRules({
          late: "NpsDailyReadingsLate",
          never: "NpsDailyReadingsNeverSucceeded",
          metric: METRICS.scheduler.lastSuccess,
          maxAgeHours: DAILY_READINGS_MAX_AGE_HOURS,
          labels: { severity: "warning", service: "scheduler" },
          what: "complete daily-readings run",
          lateDescription: "The last run without a failure finished {{ $value | humanizeDuration }} ago.",
        }),
        {
          alert: "NpsDailyReadingsFailed",
          expr: risenWithin(`${METRICS.scheduler.runs}{outcome="failure"}`, "1h"),
          for: "0m",
          labels: { severity: "warning", service: "scheduler" },
          annotations: { summary: "A daily-readings run had failures", description: "Some profiles got no daily reading in the last hour's run; the next run retries them." },
        },
        {
          alert: "NpsTelegramSendsFailing",
          expr: `sum(${risenWithin(`${METRICS.telegramBot.messagesSent}{outcome="failed"}`, "15m")}) > 5`,
          for: "5m",
          labels: { severity: "warning", service: "telegram-bot" },
          annotations: { summary: "The bot's messages are failing", description: "{{ $value }} messages could not be sent in 15 minutes (Telegram or the network)." },
        },
        {
          alert: "NpsTelegramDeliveryStalled",
          expr: `time() - max(${METRICS.telegramBot.lastDeliveryRun}) > ${DELIVERY_ROUND_MAX_AGE_S}`,
          for: "5m",
          labels: { severity: "warning", service: "telegram-bot" },
          annotations: { summary: "Daily messages are not going out", description: "The bot's last delivery round reached the API {{ $value | humanizeDuration }} ago." },
        },
        {
          alert: "NpsAlertsUndelivered",
          expr: risenWithin(`${METRICS.alerter.alertsSuppressed}{reason="send_failed"}`, "15m"),
          for: "0m",
          labels: { severity: "critical", service: "alerter" },
          annotations: { summary: "Alerts are not reaching Telegram", description: "The alerter could not send {{ $value }} alerts in 15 minutes; see Grafana." },
        },
      ],
    },
  ];
}

export function renderAlertRules(): string {
  return `# NPS alert rules: rendered by infra/render/alert-rules.ts\n${stringify({ groups: alertRuleGroups() })}`;
}
