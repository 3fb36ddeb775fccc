import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An OTLP/HTTP metrics endpoint for tests (what the prod stack's collector listens on): it keeps
 * every export it is sent, decoded from OTLP JSON, and answers with the status a test sets.
 */

export interface OtlpAttribute {
  readonly key: string;
  readonly value: { readonly stringValue?: string };
}
export interface OtlpPoint {
  readonly asDouble?: number;
  readonly asInt?: number | string;
  readonly attributes: readonly OtlpAttribute[];
}
export interface OtlpMetric {
  readonly name: string;
  readonly gauge?: { readonly dataPoints: readonly OtlpPoint[] };
  readonly sum?: { readonly dataPoints: readonly OtlpPoint[]; readonly isMonotonic: boolean };
}
export interface OtlpExport {
  readonly path: string;
  readonly contentType: string | undefined;
  readonly body: { readonly resourceMetrics: ReadonlyArray<{ readonly resource: { readonly attributes: readonly OtlpAttribute[] }; readonly scopeMetrics: ReadonlyArray<{ readonly metrics: readonly OtlpMetric[] }> }> };
}

/** One data point as a test reads it: the metric, its service, labels and value. */
export interface ReceivedPoint {
  readonly service: string | undefined;
  readonly name: string;
  readonly kind: "gauge" | "sum";
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface OtlpReceiver {
  /** The URL to push to (NPS_METRICS_PUSH_URL). */
  readonly url: string;
  readonly received: OtlpExport[];
  /** The HTTP status the next exports are answered with (200 unless set). */
  status: number;
  points(): ReceivedPoint[];
  close(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const received: OtlpExport[] = [];
  const receiver = {
    url: "",
    received,
    status: 200,
    points: () => received.flatMap(pointsOf),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += String(c)));
    req.on("end", () => {
      received.push({ path: req.url ?? "", contentType: req.headers["content-type"], body: JSON.parse(body) as OtlpExport["body"] });
      res.writeHead(receiver.status, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/metrics`;
  return receiver;
}

const labelsOf = (attributes: readonly OtlpAttribute[]): Record<string, string> => Object.fromEntries(attributes.map((a) => [a.key, a.value.stringValue ?? ""]));

function pointsOf(e: OtlpExport): ReceivedPoint[] {
  return e.body.resourceMetrics.flatMap((rm) => {
    const service = labelsOf(rm.resource.attributes)["service.name"];
    return rm.scopeMetrics.flatMap((s) =>
      s.metrics.flatMap((m) => {
        const [kind, points] = m.gauge ? (["gauge", m.gauge.dataPoints] as const) : (["sum", m.sum?.dataPoints ?? []] as const);
        return points.map((p) => ({ service, name: m.name, kind, labels: labelsOf(p.attributes), value: Number(p.asDouble ?? p.asInt) }));
      }),
    );
  });
}
