import type { Command } from "commander";
import { PORTS } from "../../lib/ports";

/** `nps mcp`: the MCP server over stdio, for AI assistants that start it as a subprocess. */
export function register(program: Command): void {
  program
    .command("mcp")
    .description("the MCP server over stdio: readings, the chart, the stamp check and your profiles as tools, acting on a running API with the API key in NPS_API_KEY")
    .option("--url <url>", "the API's base URL", `http://127.0.0.1:${PORTS.api}`)
    .action(async (opts: { url: string }) => {
      const { runStdioServer } = await import("./stdio.js");
      await runStdioServer(opts.url);
    });
}
