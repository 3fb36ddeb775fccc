import { SUPPORT, WORKLOADS, type SupportName, type WorkloadName } from "../catalog";

/**
 * What Prometheus scrapes: every catalog entry that exports metrics, one job each, named after
 * the entry (the alert rules and dashboards select on these job names).
 */
export interface ScrapeJob {
  readonly job: WorkloadName | SupportName;
  readonly port: number;
  readonly path: string;
}

export function scrapeJobs(): ScrapeJob[] {
  const entries = [...Object.values(WORKLOADS), ...Object.values(SUPPORT)];
  return entries.flatMap((e) => (e.metrics ? [{ job: e.name, port: e.metrics.port, path: e.metrics.path }] : []));
}

/** The jobs whose every target being down is an outage worth a page (the NPS services). */
export function serviceJobs(): ScrapeJob[] {
  const names = new Set<string>(Object.keys(WORKLOADS));
  return scrapeJobs().filter((j) => names.has(j.job));
}
