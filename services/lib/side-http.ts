import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";
import { HEALTH_PATHS } from "./health-paths";
import { explainListenError, type ListenTarget } from "./startup-error";

export interface Probe {
  /** true when the part answers; a string explains why not. */
  (): Promise<true | string> | true | string;
}

export interface SideHttpOptions {
  readonly registry: Registry;
  readonly service: string;
  readonly version: string;
  /** Named readiness checks; /ready is 200 only when every one passes. */
  readonly readiness?: Record<string, Probe>;
  /** Extra routes a worker serves beside /metrics, /health and /ready (the alerter's webhook). */
  readonly extra?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>;
}

/**
 * The small HTTP port every non-API service keeps for operators: Prometheus text on /metrics,
 * liveness on /health, readiness on /ready. The API serves the same paths inside Express.
 */
export function createSideHttpServer(opts: SideHttpOptions): http.Server {
  const started = Date.now();
  return http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { error: { code: "internal", message: String(err) } });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === HEALTH_PATHS.metrics) {
      const body = await opts.registry.metrics();
      res.writeHead(200, { "content-type": opts.registry.contentType });
      res.end(body);
      return;
    }
    if (req.method === "GET" && path === HEALTH_PATHS.live) {
      send(res, 200, { status: "healthy", service: opts.service, version: opts.version, uptime_seconds: Math.round((Date.now() - started) / 1000) });
      return;
    }
    if (req.method === "GET" && path === HEALTH_PATHS.ready) {
      const checks: Record<string, string> = {};
      let ready = true;
      for (const [name, probe] of Object.entries(opts.readiness ?? {})) {
        let result: true | string;
        try {
          result = await probe();
        } catch (err) {
          result = err instanceof Error ? err.message : String(err);
        }
        checks[name] = result === true ? "healthy" : result;
        if (result !== true) ready = false;
      }
      send(res, ready ? 200 : 503, { ready, status: ready ? "healthy" : "degraded", checks });
      return;
    }
    if (opts.extra && (await opts.extra(req, res))) return;
    send(res, 404, { error: { code: "not_found", message: `no route ${req.method} ${path}` } });
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/**
 * Listens and resolves with the bound port (useful with port 0 in tests). Loopback unless told
 * otherwise: a service reachable from elsewhere is a choice (NPS_BIND_HOST, API_HOST), never a
 * default. Given `target`, a port in use or an address not of this machine is a StartupError
 * that names the variable to change.
 */
export function listen(server: http.Server, port: number, host = "127.0.0.1", target?: Omit<ListenTarget, "host" | "port">): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (err: unknown) => reject(target ? explainListenError(err, { ...target, host, port }) : err);
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeIdleConnections();
  });
}
