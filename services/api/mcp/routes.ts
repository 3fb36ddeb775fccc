import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { Request, Response } from "express";
import type { RouteModule } from "../http/route-kit";
import { requireAuth } from "../http/route-kit";
import { httpApiCaller } from "./api-caller";
import { createMcpServer } from "./tools";

/** Where the MCP server answers on the API. */
export const MCP_PATH = "/mcp";

/** The caller's own credential, passed on to the REST calls a tool makes. */
const FORWARDED = ["x-api-key", "authorization"] as const;

/** The API as this very request reached it: the local address and port of its socket. */
function selfUrl(req: Request): string {
  const host = req.socket.localAddress ?? "127.0.0.1";
  return `http://${host.includes(":") ? `[${host}]` : host}:${req.socket.localPort}`;
}

async function serve(req: Request, res: Response): Promise<void> {
  res.locals.route = MCP_PATH;
  const headers: Record<string, string> = {};
  for (const h of FORWARDED) {
    const v = req.headers[h];
    if (typeof v === "string") headers[h] = v;
  }
  // The tool's REST call comes from loopback, which the API trusts as a proxy: the audit log and
  // the anonymous limits still see the caller's address.
  if (req.ip) headers["x-forwarded-for"] = req.ip;
  // Stateless: a server and a transport per request, nothing kept between calls.
  const server = createMcpServer(httpApiCaller(selfUrl(req), headers));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on("close", () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
}

/**
 * The MCP server over Streamable HTTP (stateless, JSON answers) at /mcp. Every request needs a
 * credential (an API key, X-API-Key, as the REST API takes it); each tool acts with the caller's
 * own scopes and counts against the caller's own rate limits, since it is the REST call it makes.
 */
export const mcpRoutes: RouteModule = {
  base: MCP_PATH,
  tag: "mcp",
  register(r) {
    r.router.post("/", requireAuth({ scopes: ["oracle:read"] }), serve);
    r.router.all("/", (_req, res) => {
      res.locals.route = MCP_PATH;
      res.status(405).set("allow", "POST").json({ error: { code: "method_not_allowed", message: "the MCP server is stateless: POST JSON-RPC messages to /mcp" } });
    });
  },
};
