import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import type { Registry } from "prom-client";

/**
 * Pushes a prom-client registry once over OTLP/HTTP (NPS_METRICS_PUSH_URL): for one-shot jobs
 * that exit before anything could scrape them (the prod stack's scheduled backups). The
 * registry stays the one definition of each metric; its gauges and counters are replayed into
 * an OpenTelemetry meter under the same names and labels, and the SDK's exporter sends them.
 * Histograms and summaries are not pushed. Rejects when the endpoint does not take them.
 */
export async function pushMetrics(registry: Registry, url: string, service: string, options: { prefix?: string; timeoutMs?: number } = {}): Promise<void> {
  const exporter = new OTLPMetricExporter({ url, timeoutMillis: options.timeoutMs ?? 10_000 });
  const reader = new OnceReader();
  const provider = new MeterProvider({ resource: resourceFromAttributes({ "service.name": service }), readers: [reader] });
  const meter = provider.getMeter("nps");
  try {
    for (const m of await registry.getMetricsAsJSON()) {
      if (options.prefix && !m.name.startsWith(options.prefix)) continue;
      const values = (m as { values?: { value: number; labels: Record<string, string | number> }[] }).values ?? [];
      if (String(m.type) === "gauge") {
        const g = meter.createGauge(m.name, { description: m.help });
        for (const v of values) g.record(v.value, v.labels);
      } else if (String(m.type) === "counter") {
        const c = meter.createCounter(m.name, { description: m.help });
        for (const v of values) c.add(v.value, v.labels);
      }
    }
    const { resourceMetrics } = await reader.collect();
    await new Promise<void>((resolve, reject) =>
      exporter.export(resourceMetrics, (result) =>
        // ExportResultCode.SUCCESS is 0.
        result.code === 0 ? resolve() : reject(result.error ?? new Error(`OTLP export to ${url} failed`)),
      ),
    );
  } finally {
    await provider.shutdown().catch(() => undefined);
    await exporter.shutdown().catch(() => undefined);
  }
}

/**
 * The last step of a one-shot command (a scheduled backup, `nps daily-readings`): push its
 * metrics under `prefix` when NPS_METRICS_PUSH_URL is set. A failed push is told on stderr and
 * does not change the command's outcome: the work it measured is done either way.
 */
export async function pushBeforeExit(registry: Registry, url: string | undefined, service: string, prefix: string): Promise<void> {
  if (!url) return;
  await pushMetrics(registry, url, service, { prefix }).catch((err: Error) => process.stderr.write(`nps: metrics not pushed: ${err.message}\n`));
}

/** A reader that only collects when asked: the one export is ours, so its outcome is ours to report. */
class OnceReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}
