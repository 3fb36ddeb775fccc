/** `nps mcp`: the same MCP tools over stdio, acting on a running API with an API key. */
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CliError } from "../../cli-error";
import { httpApiCaller } from "./api-caller";
import { createMcpServer } from "./tools";

/** The API key the stdio server acts with (kept out of the command line, where others could read it). */
export const MCP_API_KEY_ENV = "NPS_API_KEY";

export async function runStdioServer(url: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const key = env[MCP_API_KEY_ENV]?.trim();
  if (!key) throw new CliError(`${MCP_API_KEY_ENV}: set it to an API key (POST /api/auth/api-keys makes one)`, 2);
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new CliError(`--url: '${url}' is not a URL`, 2);
  }
  const server = createMcpServer(httpApiCaller(base.toString(), { "x-api-key": key }));
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once("end", resolve);
  });
  await server.connect(transport);
  await closed;
  await server.close();
}
