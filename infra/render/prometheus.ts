import { stringify } from "yaml";
import { scrapeJobs, type ScrapeJob } from "./scrape-jobs";

/**
 * prometheus.yml. Targets come either as a fixed list per job (the dev stack knows its
 * containers by name) or from DNS (the prod collector resolves the Cloud Map names of the
 * tasks, however many there are).
 */
export type TargetSource =
  | { readonly kind: "static"; readonly hosts: (job: ScrapeJob) => readonly string[] }
  | { readonly kind: "dns"; readonly name: (job: ScrapeJob) => string };

export interface PrometheusOptions {
  readonly scrapeIntervalS: number;
  readonly evaluationIntervalS: number;
  readonly targets: TargetSource;
  /** Rule files, relative to the config file. */
  readonly ruleFiles: readonly string[];
  /** host:port of each Alertmanager. */
  readonly alertmanagers: readonly string[];
  /** Jobs to leave out (the collector in prod has no Prometheus or Alertmanager of its own to scrape). */
  readonly skipJobs?: readonly string[];
  readonly externalLabels?: Readonly<Record<string, string>>;
}

export function scrapeConfigs(o: Pick<PrometheusOptions, "targets" | "skipJobs" | "scrapeIntervalS">): Record<string, unknown>[] {
  return scrapeJobs()
    .filter((j) => !(o.skipJobs ?? []).includes(j.job))
    .map((j) => {
      const base = { job_name: j.job, metrics_path: j.path, scrape_interval: `${o.scrapeIntervalS}s` };
      if (o.targets.kind === "static") {
        const hosts = o.targets.hosts(j);
        return { ...base, static_configs: [{ targets: hosts.map((h) => `${h}:${j.port}`) }] };
      }
      return { ...base, dns_sd_configs: [{ names: [o.targets.name(j)], type: "A", port: j.port }] };
    })
    .filter((c) => !("static_configs" in c) || (c.static_configs as Array<{ targets: string[] }>)[0].targets.length > 0);
}

export function renderPrometheusConfig(o: PrometheusOptions): string {
  const config = {
    global: {
      scrape_interval: `${o.scrapeIntervalS}s`,
      evaluation_interval: `${o.evaluationIntervalS}s`,
      ...(o.externalLabels ? { external_labels: o.externalLabels } : {}),
    },
    rule_files: [...o.ruleFiles],
    alerting: { alertmanagers: [{ static_configs: [{ targets: [...o.alertmanagers] }] }] },
    scrape_configs: scrapeConfigs(o),
  };
  return `# NPS Prometheus: rendered from infra/catalog.ts by infra/render/prometheus.ts\n${stringify(config)}`;
}
