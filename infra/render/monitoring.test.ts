import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { parse, stringify } from "yaml";
import { METRICS } from "../../services/lib/metric-names";
import { renderAlertmanagerConfig } from "./alertmanager";
import { alertRuleGroups, renderAlertRules } from "./alert-rules";
import { renderCollectorConfig } from "./collector";
import { DATASOURCE_UID, dashboards } from "./grafana";
import { renderPrometheusConfig } from "./prometheus";
import { PROCESS_METRICS } from "./queries";

function run(cmd: string, args: string[], cwd: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(cmd, args, { cwd, stdio: "pipe" }).toString() };
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer };
    return { ok: false, output: `${e.stdout?.toString() ?? ""}${e.stderr?.toString() ?? ""}` };
  }
}

/** Every nps_* metric name a PromQL text mentions, histogram suffixes removed. */
function metricNames(text: string): string[] {
  return [...new Set([...text.matchAll(/\bnps_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(bucket|sum|count)$/, "")))];
}

describe("monitoring configs, checked by promtool and amtool", function () {
  this.timeout(30_000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-monitoring-"));
    fs.mkdirSync(path.join(dir, "rules"));
    fs.writeFileSync(path.join(dir, "rules", "nps.rules.yml"), renderAlertRules());
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prometheus.yml (with its rules) passes promtool check config", () => {
    const file = path.join(dir, "prometheus.yml");
    fs.writeFileSync(
      file,
      renderPrometheusConfig({
        scrapeIntervalS: 15,
        evaluationIntervalS: 15,
        targets: { kind: "static", hosts: (j) => (j.job === "api" ? ["nps-api-1", "nps-api-2"] : [`nps-${j.job}`]) },
        ruleFiles: ["rules/nps.rules.yml"],
        alertmanagers: ["alertmanager:9093"],
      }),
    );
    const r = run("promtool", ["check", "config", file], dir);
    expect(r.ok, r.output).to.equal(true);
    const jobs = (parse(fs.readFileSync(file, "utf8")) as { scrape_configs: Array<{ job_name: string; static_configs: Array<{ targets: string[] }> }> }).scrape_configs;
    expect(jobs.map((j) => j.job_name)).to.include.members(["api", "oracle", "alertmanager"]);
    expect(jobs.find((j) => j.job_name === "api")?.static_configs[0].targets).to.deep.equal(["nps-api-1:8000", "nps-api-2:8000"]);
  });

  it("the rules pass our own promtool rule unit tests", function () {
    // promtool evaluates days of series at one-minute steps: slow on a loaded machine.
    this.timeout(120_000);
    // Series names are written out as the services export them: renaming a metric breaks this.
    const tests = {
      rule_files: ["rules/nps.rules.yml"],
      evaluation_interval: "1m",
      tests: [
        {
          interval: "1m",
          input_series: [
            { series: 'up{job="api",instance="nps-api-1:8000"}', values: "1 0 0 0 0 0" },
            { series: 'up{job="oracle",instance="nps-oracle-1:9090"}', values: "1 1 1 1 1 1" },
          ],
          alert_rule_test: [
            { eval_time: "1m", alertname: "NpsServiceDown", exp_alerts: [] },
            { eval_time: "4m", alertname: "NpsServiceDown", exp_alerts: [{ exp_labels: { severity: "critical", job: "api", instance: "nps-api-1:8000" }, exp_annotations: { summary: "api is down", description: "Prometheus cannot scrape nps-api-1:8000 of api." } }] },
          ],
        },
        {
          interval: "1m",
          input_series: [
            { series: 'nps_api_http_requests_total{method="GET",route="/api/health",status="200"}', values: "0+90x15" },
            { series: 'nps_api_http_requests_total{method="POST",route="/api/oracle/reading",status="500"}', values: "0+10x15" },
          ],
          alert_rule_test: [{ eval_time: "12m", alertname: "NpsApiErrorRateHigh", exp_alerts: [{ exp_labels: { severity: "warning", service: "api" }, exp_annotations: { summary: "API error rate over 5%", description: "10% of API requests answer 5xx." } }] }],
        },
        {
          interval: "1m",
          input_series: [
            { series: 'nps_api_http_requests_total{method="GET",route="/api/health",status="200"}', values: "0+98x15" },
            { series: 'nps_api_http_requests_total{method="GET",route="/api/health",status="503"}', values: "0+2x15" },
          ],
          alert_rule_test: [{ eval_time: "12m", alertname: "NpsApiErrorRateHigh", exp_alerts: [] }],
        },
        {
          interval: "1m",
          input_series: [
            { series: 'nps_oracle_grpc_calls_total{method="GetReading",code="OK"}', values: "0+80x15" },
            { series: 'nps_oracle_grpc_calls_total{method="GetReading",code="INVALID_ARGUMENT"}', values: "0+15x15" },
            { series: 'nps_oracle_grpc_calls_total{method="GetReading",code="INTERNAL"}', values: "0+10x15" },
          ],
          alert_rule_test: [{ eval_time: "12m", alertname: "NpsOracleErrorRateHigh", exp_alerts: [{ exp_labels: { severity: "warning", service: "oracle" }, exp_annotations: { summary: "Oracle error rate over 5%", description: "9.524% of Oracle calls fail on the server side." } }] }],
        },
        {
          interval: "1m",
          input_series: [
            { series: 'nps_api_http_request_duration_seconds_bucket{le="1"}', values: "0+0x15" },
            { series: 'nps_api_http_request_duration_seconds_bucket{le="10"}', values: "0+0x15" },
            { series: 'nps_api_http_request_duration_seconds_bucket{le="30"}', values: "0+20x15" },
            { series: 'nps_api_http_request_duration_seconds_bucket{le="+Inf"}', values: "0+20x15" },
            { series: 'nps_oracle_grpc_call_duration_seconds_bucket{method="GetReading",le="1"}', values: "0+20x15" },
            { series: 'nps_oracle_grpc_call_duration_seconds_bucket{method="GetReading",le="+Inf"}', values: "0+20x15" },
          ],
          alert_rule_test: [
            { eval_time: "12m", alertname: "NpsApiLatencyP95High", exp_alerts: [{ exp_labels: { severity: "warning", service: "api" }, exp_annotations: { summary: "API p95 latency over 10 s", description: "The 95th percentile of API requests takes 29s." } }] },
            { eval_time: "12m", alertname: "NpsOracleLatencyP95High", exp_alerts: [] },
          ],
        },
        {
          interval: "1m",
          input_series: [
            { series: 'nps_api_database_up{instance="nps-api-1:8000",job="api"}', values: "1 1 0 0 0 0 0" },
            { series: 'nps_api_redis_up{instance="nps-api-1:8000",job="api"}', values: "1 1 1 1 1 1 1" },
          ],
          alert_rule_test: [
            { eval_time: "2m", alertname: "NpsDatabaseDown", exp_alerts: [] },
            { eval_time: "5m", alertname: "NpsDatabaseDown", exp_alerts: [{ exp_labels: { severity: "critical" }, exp_annotations: { summary: "PostgreSQL is unreachable", description: "No API instance reaches the database; readiness answers degraded." } }] },
            { eval_time: "5m", alertname: "NpsRedisDown", exp_alerts: [] },
          ],
        },
        {
          interval: "1m",
          input_series: [
            { series: 'nps_telegram_bot_messages_sent_total{kind="reply",outcome="failed"}', values: "0+1x30" },
            { series: 'nps_telegram_bot_last_delivery_run_timestamp_seconds{job="telegram-bot"}', values: "0x30" },
            { series: 'nps_alerter_alerts_suppressed_total{reason="send_failed"}', values: "0 0 2 2" },
            { series: 'nps_alerter_alerts_suppressed_total{reason="cooldown"}', values: "0+5x30" },
          ],
          alert_rule_test: [
            { eval_time: "25m", alertname: "NpsTelegramSendsFailing", exp_alerts: [{ exp_labels: { severity: "warning", service: "telegram-bot" }, exp_annotations: { summary: "The bot's messages are failing", description: "15 messages could not be sent in 15 minutes (Telegram or the network)." } }] },
            { eval_time: "9m", alertname: "NpsTelegramDeliveryStalled", exp_alerts: [] },
            { eval_time: "20m", alertname: "NpsTelegramDeliveryStalled", exp_alerts: [{ exp_labels: { severity: "warning", service: "telegram-bot" }, exp_annotations: { summary: "Daily messages are not going out", description: "The bot's last delivery round reached the API 20m 0s ago." } }] },
            { eval_time: "3m", alertname: "NpsAlertsUndelivered", exp_alerts: [{ exp_labels: { severity: "critical", service: "alerter", reason: "send_failed" }, exp_annotations: { summary: "Alerts are not reaching Telegram", description: "The alerter could not send 2 alerts in 15 minutes; see Grafana." } }] },
          ],
        },
      ],
    };
    const file = path.join(dir, "rules.test.yml");
    fs.writeFileSync(file, stringify(tests));
    const r = run("promtool", ["test", "rules", file], dir);
    expect(r.ok, r.output).to.equal(true);
    expect(r.output).to.include("SUCCESS");
  });

  it("the last-success and failure rules read scraped and pushed series alike (promtool)", function () {
    this.timeout(180_000);
    const oracleMissing = (ago: string) => ({ exp_labels: { severity: "critical", kind: "oracle" }, exp_annotations: { summary: "No successful oracle backup in 26h", description: `The last oracle backup succeeded ${ago} ago.` } });
    const oracleNever = { exp_labels: { severity: "critical", kind: "oracle" }, exp_annotations: { summary: "No successful oracle backup reported in 52h", description: "Nothing has reported one successful oracle backup for 52h: never since installation, or the runs stopped reporting." } };
    const dailyLate = (ago: string) => ({ exp_labels: { severity: "warning", service: "scheduler" }, exp_annotations: { summary: "No complete daily-readings run in 26h", description: `The last run without a failure finished ${ago} ago.` } });
    const dailyNever = { exp_labels: { severity: "warning", service: "scheduler" }, exp_annotations: { summary: "No complete daily-readings run reported in 52h", description: "Nothing has reported one complete daily-readings run for 52h: never since installation, or the runs stopped reporting." } };
    const dailyFailed = (labels: Record<string, string>) => ({ exp_labels: { severity: "warning", service: "scheduler", outcome: "failure", ...labels }, exp_annotations: { summary: "A daily-readings run had failures", description: "Some profiles got no daily reading in the last hour's run; the next run retries them." } });
    // Series are written out as the services export them: a gauge of 0 until the first success,
    // then its unix time; promtool's clock starts at 0, so "3600" is a success at 1h.
    const tests = {
      rule_files: ["rules/nps.rules.yml"],
      // Days of series: every five minutes is fine enough for rules with a five-minute "for", and fast.
      evaluation_interval: "5m",
      tests: [
        {
          // Scraped from the long-running scheduler and backup service: a success at 1h, then none.
          interval: "1m",
          input_series: [
            { series: 'nps_scheduler_last_success_timestamp_seconds{job="scheduler",instance="nps-scheduler:9103"}', values: "0x59 3600x1700" },
            { series: 'nps_backup_last_success_timestamp_seconds{job="backup",kind="oracle"}', values: "0x59 3600x1700" },
            { series: 'nps_backup_last_success_timestamp_seconds{job="backup",kind="full"}', values: "0x59 3600x1700" },
          ],
          alert_rule_test: [
            { eval_time: "26h", alertname: "NpsDailyReadingsLate", exp_alerts: [] },
            { eval_time: "28h", alertname: "NpsDailyReadingsLate", exp_alerts: [dailyLate("1d 3h 0m 0s")] },
            { eval_time: "28h", alertname: "NpsDailyReadingsNeverSucceeded", exp_alerts: [] },
            { eval_time: "26h", alertname: "NpsBackupMissing", exp_alerts: [] },
            { eval_time: "28h", alertname: "NpsBackupMissing", exp_alerts: [oracleMissing("1d 3h 0m 0s")] },
            { eval_time: "28h", alertname: "NpsBackupNeverSucceeded", exp_alerts: [] },
          ],
        },
        {
          // Scraped, and the process restarted at 25h, five hours after its success at 20h: its
          // gauge is back at 0 and no run is due yet. That is no alert (read as "last success at
          // 0" it would be); the success before the restart still counts, and is late at 47h.
          interval: "1m",
          input_series: [
            { series: 'nps_scheduler_last_success_timestamp_seconds{job="scheduler",instance="nps-scheduler:9103"}', values: "0x1199 72000x300 _x3 0x1400" },
            { series: 'nps_backup_last_success_timestamp_seconds{job="backup",kind="oracle"}', values: "0x1199 72000x300 _x3 0x1400" },
          ],
          alert_rule_test: [
            { eval_time: "30h", alertname: "NpsDailyReadingsLate", exp_alerts: [] },
            { eval_time: "30h", alertname: "NpsDailyReadingsNeverSucceeded", exp_alerts: [] },
            { eval_time: "30h", alertname: "NpsBackupMissing", exp_alerts: [] },
            { eval_time: "47h", alertname: "NpsDailyReadingsLate", exp_alerts: [dailyLate("1d 3h 0m 0s")] },
            { eval_time: "47h", alertname: "NpsBackupMissing", exp_alerts: [oracleMissing("1d 3h 0m 0s")] },
          ],
        },
        {
          // Pushed by the prod stack's one-shot tasks: one sample a run, stale five minutes later.
          // Runs at 1h and 25h, then the task stops: late from 51h, never reported from 77h, with
          // no hour between them when neither fires.
          interval: "1h",
          input_series: [
            { series: 'nps_scheduler_last_success_timestamp_seconds{job="scheduler"}', values: "_ 3600 _x23 90000 _x100" },
            { series: 'nps_backup_last_success_timestamp_seconds{job="backup",kind="oracle"}', values: "_ 3600 _x23 90000 _x100" },
            { series: 'nps_backup_last_success_timestamp_seconds{job="backup",kind="full"}', values: "_ 3600 _x23 90000 _x100" },
          ],
          alert_rule_test: [
            { eval_time: "30h", alertname: "NpsDailyReadingsLate", exp_alerts: [] },
            { eval_time: "49h", alertname: "NpsDailyReadingsLate", exp_alerts: [] },
            { eval_time: "52h", alertname: "NpsDailyReadingsLate", exp_alerts: [dailyLate("1d 3h 0m 0s")] },
            { eval_time: "52h", alertname: "NpsDailyReadingsNeverSucceeded", exp_alerts: [] },
            { eval_time: "52h", alertname: "NpsBackupMissing", exp_alerts: [oracleMissing("1d 3h 0m 0s")] },
            { eval_time: "90h", alertname: "NpsDailyReadingsLate", exp_alerts: [dailyLate("2d 17h 0m 0s")] },
            { eval_time: "90h", alertname: "NpsDailyReadingsNeverSucceeded", exp_alerts: [dailyNever] },
            { eval_time: "90h", alertname: "NpsBackupMissing", exp_alerts: [oracleMissing("2d 17h 0m 0s")] },
            { eval_time: "90h", alertname: "NpsBackupNeverSucceeded", exp_alerts: [oracleNever] },
            { eval_time: "120h", alertname: "NpsDailyReadingsLate", exp_alerts: [] },
            { eval_time: "120h", alertname: "NpsDailyReadingsNeverSucceeded", exp_alerts: [dailyNever] },
          ],
        },
        {
          // A new installation that never succeeds: nothing for the max age, then "never".
          interval: "1h",
          input_series: [{ series: 'up{job="scheduler",instance="nps-scheduler:9103"}', values: "1x60" }, { series: 'nps_scheduler_last_success_timestamp_seconds{job="scheduler",instance="nps-scheduler:9103"}', values: "0x60" }],
          alert_rule_test: [
            { eval_time: "25h", alertname: "NpsDailyReadingsNeverSucceeded", exp_alerts: [] },
            { eval_time: "25h", alertname: "NpsBackupNeverSucceeded", exp_alerts: [] },
            { eval_time: "27h", alertname: "NpsDailyReadingsLate", exp_alerts: [] },
            { eval_time: "27h", alertname: "NpsDailyReadingsNeverSucceeded", exp_alerts: [dailyNever] },
            { eval_time: "27h", alertname: "NpsBackupNeverSucceeded", exp_alerts: [oracleNever] },
          ],
        },
        {
          interval: "1m",
          input_series: [
            // Pushed: one failed run at 2h, its counter 1, seen once.
            { series: 'nps_scheduler_runs_total{job="scheduler",outcome="failure"}', values: "_x119 1 _x200" },
            { series: 'nps_backup_runs_total{job="backup",kind="full",outcome="failure"}', values: "_x119 1 _x200" },
            // Scraped: a labelled counter is exported from its first event on, at 1 (at 30m).
            { series: 'nps_scheduler_runs_total{job="scheduler",instance="nps-scheduler:9103",outcome="failure"}', values: "_x29 1x300" },
            // Scraped: 3 failures long ago, then the process restarts at 3h and its counter is 0.
            { series: 'nps_backup_runs_total{job="backup",kind="oracle",outcome="failure"}', values: "3x180 0x150" },
            { series: 'nps_alerter_alerts_suppressed_total{job="alerter",reason="send_failed"}', values: "_x29 1x300" },
          ],
          alert_rule_test: [
            { eval_time: "35m", alertname: "NpsDailyReadingsFailed", exp_alerts: [dailyFailed({ job: "scheduler", instance: "nps-scheduler:9103" })] },
            { eval_time: "35m", alertname: "NpsAlertsUndelivered", exp_alerts: [{ exp_labels: { severity: "critical", service: "alerter", job: "alerter", reason: "send_failed" }, exp_annotations: { summary: "Alerts are not reaching Telegram", description: "The alerter could not send 1 alerts in 15 minutes; see Grafana." } }] },
            { eval_time: "2h5m", alertname: "NpsDailyReadingsFailed", exp_alerts: [dailyFailed({ job: "scheduler" })] },
            { eval_time: "2h5m", alertname: "NpsBackupFailed", exp_alerts: [{ exp_labels: { severity: "warning", job: "backup", kind: "full", outcome: "failure" }, exp_annotations: { summary: "A full backup failed", description: "A backup run ended in failure in the last hour." } }] },
            { eval_time: "3h30m", alertname: "NpsDailyReadingsFailed", exp_alerts: [] },
            { eval_time: "3h30m", alertname: "NpsBackupFailed", exp_alerts: [] },
            { eval_time: "3h30m", alertname: "NpsAlertsUndelivered", exp_alerts: [] },
          ],
        },
      ],
    };
    const file = path.join(dir, "last-success.test.yml");
    fs.writeFileSync(file, stringify(tests));
    const r = run("promtool", ["test", "rules", file], dir);
    expect(r.ok, r.output).to.equal(true);
    expect(r.output).to.include("SUCCESS");
  });

  it("promtool test rules fails on a wrong expectation (the checks bite)", () => {
    const file = path.join(dir, "wrong.test.yml");
    fs.writeFileSync(
      file,
      stringify({
        rule_files: ["rules/nps.rules.yml"],
        tests: [{ interval: "1m", input_series: [{ series: 'nps_api_database_up{job="api"}', values: "1x10" }], alert_rule_test: [{ eval_time: "5m", alertname: "NpsDatabaseDown", exp_alerts: [{ exp_labels: { severity: "critical" } }] }] }],
      }),
    );
    expect(run("promtool", ["test", "rules", file], dir).ok).to.equal(false);
  });

  it("alertmanager.yml passes amtool check-config, for the webhook and the SNS receiver", () => {
    const hook = path.join(dir, "alertmanager.yml");
    fs.writeFileSync(hook, renderAlertmanagerConfig({ kind: "webhook", url: "http://alerter:9102/alerts/alertmanager" }));
    const r1 = run("amtool", ["check-config", hook], dir);
    expect(r1.ok, r1.output).to.equal(true);
    expect(r1.output).to.include("1 receivers");
    const sns = path.join(dir, "alertmanager-sns.yml");
    fs.writeFileSync(sns, renderAlertmanagerConfig({ kind: "sns", topicArn: "arn:aws:sns:eu-west-1:123456789012:nps-alerts", region: "eu-west-1" }));
    const r2 = run("amtool", ["check-config", sns], dir);
    expect(r2.ok, r2.output).to.equal(true);
  });

  it("every metric the rules and dashboards name is one the services declare", () => {
    const declared = new Set<string>([
      ...[METRICS.api, METRICS.oracle, METRICS.backup, METRICS.telegramBot, METRICS.alerter, METRICS.scheduler].flatMap((group) => Object.values(group)),
      ...Object.values(PROCESS_METRICS),
    ]);
    const rulesText = alertRuleGroups().flatMap((g) => g.rules.map((r) => r.expr)).join("\n");
    const boardsText = dashboards().flatMap((d) => d.panels.flatMap((p) => p.targets.map((t) => t.expr))).join("\n");
    const used = metricNames(`${rulesText}\n${boardsText}`);
    expect(used.length).to.be.greaterThan(8);
    for (const name of used) expect(declared.has(name), `${name} is not in services/lib/metric-names.ts`).to.equal(true);
    for (const m of [METRICS.api.httpRequests, METRICS.api.httpDuration, METRICS.api.databaseUp, METRICS.oracle.grpcCalls, METRICS.oracle.grpcDuration, METRICS.backup.lastSuccess]) {
      expect(rulesText, m).to.include(m);
    }
    expect(boardsText).to.include(METRICS.oracle.readings).and.include(METRICS.api.readingsStored);
    for (const m of [...Object.values(METRICS.telegramBot), ...Object.values(METRICS.alerter), ...Object.values(METRICS.scheduler)]) {
      expect(`${rulesText}\n${boardsText}`, `${m} is on no panel and in no rule`).to.include(m);
    }
  });

  it("the dashboards are valid Grafana JSON on the shared data source", () => {
    const ds = dashboards();
    expect(ds.map((d) => d.title)).to.deep.equal(["NPS API", "NPS Oracle", "NPS readings by type", "NPS Telegram, alerts and daily readings"]);
    for (const d of ds) {
      expect(d.panels.length).to.be.greaterThan(2);
      const ids = d.panels.map((p) => p.id);
      expect(new Set(ids).size).to.equal(ids.length);
      for (const p of d.panels) {
        expect(p.targets.length, p.title).to.be.greaterThan(0);
        for (const t of p.targets) expect(t.datasource).to.deep.equal({ type: "prometheus", uid: DATASOURCE_UID });
      }
      expect(JSON.parse(JSON.stringify(d))).to.deep.equal(d);
    }
    // Every panel's query parses as PromQL: promtool checks each as a recording rule.
    const exprs = ds.flatMap((d) => d.panels.flatMap((p) => p.targets.map((t) => t.expr)));
    const file = path.join(dir, "panels.rules.yml");
    fs.writeFileSync(file, stringify({ groups: [{ name: "panels", rules: exprs.map((expr, i) => ({ record: `nps:panel_${i}`, expr })) }] }));
    const r = run("promtool", ["check", "rules", file], dir);
    expect(r.ok, r.output).to.equal(true);
    expect(r.output).to.include(`${exprs.length} rules found`);
  });

  it("the prod collector scrapes by DNS and writes to the managed workspace", () => {
    const config = parse(renderCollectorConfig({ region: "eu-west-1", remoteWriteUrl: "https://aps.example/api/v1/remote_write", scrapeIntervalS: 30, dnsName: (j) => `${j}.nps.internal`, skipJobs: ["prometheus", "alertmanager"] })) as {
      receivers: { prometheus: { config: { scrape_configs: Array<{ job_name: string; dns_sd_configs: Array<{ names: string[]; port: number }> }> } } };
      exporters: { prometheusremotewrite: { endpoint: string } };
      service: { pipelines: Record<string, { exporters: string[] }> };
    };
    const jobs = config.receivers.prometheus.config.scrape_configs;
    expect(jobs.map((j) => j.job_name)).to.include.members(["api", "oracle"]).and.not.include("prometheus");
    expect(jobs.find((j) => j.job_name === "oracle")?.dns_sd_configs[0]).to.deep.equal({ names: ["oracle.nps.internal"], type: "A", port: 9090 });
    expect(config.exporters.prometheusremotewrite.endpoint).to.equal("https://aps.example/api/v1/remote_write");
    expect(config.service.pipelines.metrics.exporters).to.deep.equal(["prometheusremotewrite"]);
  });
});
