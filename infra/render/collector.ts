import { stringify } from "yaml";
import { METRICS } from "../../services/lib/metric-names";
import { scrapeConfigs } from "./prometheus";

/**
 * The metrics collector of the prod stack (AWS Distro for OpenTelemetry): it scrapes the tasks
 * the same way the dev stack's Prometheus does, takes what short-lived jobs push over OTLP,
 * writes everything to Amazon Managed Prometheus,
 * and copies the Oracle call counter to CloudWatch, where the Oracle's autoscaling reads it.
 */
export interface CollectorOptions {
  readonly region: string;
  /** Amazon Managed Prometheus remote-write URL. */
  readonly remoteWriteUrl: string;
  readonly scrapeIntervalS: number;
  /** DNS name under which the tasks of a job register (Cloud Map). */
  readonly dnsName: (job: string) => string;
  /** Jobs with no long-running tasks to scrape (they push over OTLP instead). */
  readonly skipJobs: readonly string[];
}

/** Where the Oracle's call counter lands in CloudWatch. */
/** Where short-lived jobs push their metrics (OTLP over HTTP). */
export const OTLP_HTTP_PORT = 4318;

export const CLOUDWATCH_METRICS = { namespace: "NPS", oracleCalls: METRICS.oracle.grpcCalls, dimension: "job" } as const;

export function renderCollectorConfig(o: CollectorOptions): string {
  const config = {
    extensions: { sigv4auth: { region: o.region, service: "aps" }, health_check: {} },
    receivers: {
      otlp: { protocols: { http: { endpoint: `0.0.0.0:${OTLP_HTTP_PORT}` } } },
      prometheus: {
        config: {
          global: { scrape_interval: `${o.scrapeIntervalS}s` },
          scrape_configs: scrapeConfigs({
            scrapeIntervalS: o.scrapeIntervalS,
            targets: { kind: "dns", name: (j) => o.dnsName(j.job) },
            skipJobs: o.skipJobs,
          }),
        },
      },
    },
    processors: { batch: {} },
    exporters: {
      prometheusremotewrite: { endpoint: o.remoteWriteUrl, auth: { authenticator: "sigv4auth" } },
      awsemf: {
        region: o.region,
        namespace: CLOUDWATCH_METRICS.namespace,
        log_group_name: "/nps/metrics",
        dimension_rollup_option: "NoDimensionRollup",
        metric_declarations: [{ dimensions: [[CLOUDWATCH_METRICS.dimension]], metric_name_selectors: [CLOUDWATCH_METRICS.oracleCalls] }],
      },
    },
    service: {
      extensions: ["sigv4auth", "health_check"],
      pipelines: {
        metrics: { receivers: ["prometheus", "otlp"], processors: ["batch"], exporters: ["prometheusremotewrite"] },
        "metrics/cloudwatch": { receivers: ["prometheus"], processors: ["batch"], exporters: ["awsemf"] },
      },
    },
  };
  return stringify(config);
}
