import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { HEALTH_PATHS } from "../../services/lib/health-paths";

/**
 * Live HTTP servers for the nginx tests to proxy to. The API side answers its liveness path the
 * way the API does; it is a plain node:http handler so the Express app can take its place by
 * passing `handler`.
 */
export interface Upstream {
  readonly port: number;
  close(): Promise<void>;
}

export function apiHealthHandler(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.url === HEALTH_PATHS.apiLive) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: "healthy", version: "4.0.0", via: req.headers["x-forwarded-proto"] ?? null }));
    return;
  }
  res.writeHead(404, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { code: "not_found" } }));
}

export function webPageHandler(_req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(200, { "content-type": "text/html" });
  res.end("<!doctype html><title>NPS</title>");
}

export function startUpstream(handler: http.RequestListener): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handler);
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port;
      resolve({ port, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** A port nothing listens on right now, chosen by the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = http.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
