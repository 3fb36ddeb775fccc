import { stringify } from "yaml";
import { METRICS } from "../../services/lib/metric-names";
import { BACKUP_KINDS } from "../catalog";
import { backupMaxAgeHours, DAILY_READINGS_MAX_AGE_HOURS, lastSuccessWindow } from "./alert-rules";
import { latestWithin, PROCESS_METRICS, Q, risenWithin } from "./queries";

/**
 * Grafana as code: the NPS dashboards (API, Oracle, readings by type; Telegram, alerts and daily readings) and the provisioning
 * files of the dev stack's Grafana. The prod stack hands the same dashboards to Amazon Managed
 * Grafana. Every metric a panel queries comes from services/lib/metric-names.ts.
 */

/** The Prometheus data source every panel queries, by a uid both stacks give it. */
export const DATASOURCE_UID = "nps-prometheus";

export interface Dashboard {
  readonly uid: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly panels: readonly Panel[];
  readonly [k: string]: unknown;
}

export interface Panel {
  readonly id: number;
  readonly type: "timeseries" | "stat";
  readonly title: string;
  readonly gridPos: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  readonly targets: ReadonlyArray<{ readonly refId: string; readonly expr: string; readonly legendFormat: string; readonly datasource: object }>;
  readonly [k: string]: unknown;
}

type PanelSpec = {
  readonly title: string;
  readonly type?: "timeseries" | "stat";
  readonly unit?: string;
  readonly queries: ReadonlyArray<readonly [expr: string, legend: string]>;
};

const datasource = { type: "prometheus", uid: DATASOURCE_UID };

function dashboard(uid: string, title: string, specs: readonly PanelSpec[]): Dashboard {
  const panels: Panel[] = specs.map((s, i) => ({
    id: i + 1,
    type: s.type ?? "timeseries",
    title: s.title,
    datasource,
    gridPos: { x: (i % 2) * 12, y: Math.floor(i / 2) * 8, w: 12, h: 8 },
    fieldConfig: { defaults: { unit: s.unit ?? "short" }, overrides: [] },
    options: {},
    targets: s.queries.map(([expr, legendFormat], j) => ({ refId: String.fromCharCode(65 + j), expr, legendFormat, datasource })),
  }));
  return {
    uid,
    title,
    tags: ["nps"],
    timezone: "utc",
    schemaVersion: 39,
    version: 1,
    refresh: "30s",
    time: { from: "now-6h", to: "now" },
    editable: false,
    panels,
  };
}

/** Hours since the newest success a "last success" gauge reported, as its alert rule reads it. */
const hoursSince = (metric: string, window: string) => `(time() - ${latestWithin(metric, window)}) / 3600`;

export function dashboards(): Dashboard[] {
  const api = METRICS.api;
  const oracle = METRICS.oracle;
  const backup = METRICS.backup;
  const bot = METRICS.telegramBot;
  return [
    dashboard("nps-api", "NPS API", [
      { title: "Requests per second by status", unit: "reqps", queries: [[Q.apiRequestRate("status"), "{{status}}"]] },
      { title: "Error rate (5xx share)", unit: "percentunit", queries: [[Q.apiErrorRatio(), "5xx"]] },
      { title: "Latency p95 by route", unit: "s", queries: [[Q.apiLatencyP95(["route"]), "{{route}}"]] },
      {
        title: "Cache hit ratio",
        unit: "percentunit",
        queries: [[`sum(rate(${api.cacheLookups}{result="hit"}[5m])) / sum(rate(${api.cacheLookups}[5m]))`, "hits"]],
      },
      { title: "Database pool connections", queries: [[`sum by (state) (${api.dbPoolConnections})`, "{{state}}"]] },
      {
        title: "Dependencies up",
        type: "stat",
        queries: [
          [`min(${api.databaseUp})`, "database"],
          [`min(${api.redisUp})`, "redis"],
          [`max by (mode) (${api.oracleMode})`, "oracle {{mode}}"],
        ],
      },
      { title: "Process memory", unit: "bytes", queries: [[`sum by (instance) (${PROCESS_METRICS.residentMemory}{job="api"})`, "{{instance}}"]] },
    ]),
    dashboard("nps-oracle", "NPS Oracle", [
      { title: "Calls per second by method", unit: "reqps", queries: [[Q.oracleCallRate(), "{{method}}"]] },
      { title: "Server failure rate", unit: "percentunit", queries: [[Q.oracleErrorRatio(), "failures"]] },
      { title: "Latency p95 by method", unit: "s", queries: [[Q.oracleLatencyP95(), "{{method}}"]] },
      { title: "Calls in flight", queries: [[`sum(${oracle.grpcInFlight})`, "in flight"]] },
      { title: "AI interpretations by outcome", unit: "ops", queries: [[`sum by (outcome) (rate(${oracle.aiInterpretations}[5m]))`, "{{outcome}}"]] },
      { title: "Process CPU", unit: "percentunit", queries: [[`sum by (instance) (rate(${PROCESS_METRICS.cpuSeconds}{job="oracle"}[5m]))`, "{{instance}}"]] },
    ]),
    dashboard("nps-readings", "NPS readings by type", [
      { title: "Readings per hour by type", queries: [[`sum by (type) (increase(${oracle.readings}[1h]))`, "{{type}}"]] },
      { title: "Readings stored per hour by type", queries: [[`sum by (type) (increase(${api.readingsStored}[1h]))`, "{{type}}"]] },
      { title: "Readings in the last 24 h", type: "stat", queries: [[`sum by (type) (increase(${oracle.readings}[24h]))`, "{{type}}"]] },
      {
        title: "Hours since the last successful backup",
        type: "stat",
        unit: "h",
        queries: BACKUP_KINDS.map((b) => [hoursSince(`${backup.lastSuccess}{kind="${b.kind}"}`, lastSuccessWindow(backupMaxAgeHours(b.schedule))), b.kind] as const),
      },
    ]),
    dashboard("nps-telegram", "NPS Telegram, alerts and daily readings", [
      { title: "Bot messages by kind and outcome", queries: [[`sum by (kind, outcome) (increase(${bot.messagesSent}[1h]))`, "{{kind}} {{outcome}}"]] },
      { title: "Commands by outcome", queries: [[`sum by (outcome) (increase(${bot.commands}[1h]))`, "{{outcome}}"]] },
      { title: "Top commands (24 h)", type: "stat", queries: [[`topk(5, sum by (command) (increase(${bot.commands}[24h])))`, "{{command}}"]] },
      { title: "Rate-limited per hour", queries: [[`sum by (limit) (increase(${bot.rateLimited}[1h]))`, "{{limit}}"]] },
      { title: "Daily messages delivered per hour", queries: [[`sum(increase(${bot.dailyDelivered}[1h]))`, "delivered"]] },
      { title: "Daily readings made per run", queries: [[`sum by (outcome) (${risenWithin(METRICS.scheduler.dailyReadings, "1h")})`, "{{outcome}}"]] },
      { title: "Hours since the last complete daily run", type: "stat", unit: "h", queries: [[hoursSince(METRICS.scheduler.lastSuccess, lastSuccessWindow(DAILY_READINGS_MAX_AGE_HOURS)), "daily readings"]] },
      { title: "Alerts told by severity", queries: [[`sum by (severity, status) (increase(${METRICS.alerter.alertsDelivered}[1h]))`, "{{severity}} {{status}}"]] },
      { title: "Alerts held back by reason", queries: [[`sum by (reason) (increase(${METRICS.alerter.alertsSuppressed}[1h]))`, "{{reason}}"]] },
      { title: "Targets the alerter sees up", type: "stat", queries: [[`min by (target) (${METRICS.alerter.targetUp})`, "{{target}}"]] },
      { title: "Seconds since the alerter's last health round", type: "stat", unit: "s", queries: [[`time() - max(${METRICS.alerter.lastHealthCheck})`, "alerter"]] },
    ]),
  ];
}

/** Grafana's data source provisioning file (dev stack). */
export function renderGrafanaDatasources(prometheusUrl: string): string {
  return stringify({
    apiVersion: 1,
    datasources: [{ name: "Prometheus", type: "prometheus", uid: DATASOURCE_UID, access: "proxy", url: prometheusUrl, isDefault: true, editable: false }],
  });
}

/** Grafana's dashboard provider file: load every JSON file in one folder (dev stack). */
export function renderGrafanaDashboardProvider(folder: string): string {
  return stringify({
    apiVersion: 1,
    providers: [{ name: "nps", folder: "NPS", type: "file", disableDeletion: true, allowUiUpdates: false, options: { path: folder } }],
  });
}
