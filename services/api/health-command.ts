import type { Command } from "commander";

/** `nps health` and `nps readiness`: ask a running API, exit 0 when healthy and 1 when not. */
export function register(program: Command): void {
  const defaultUrl = `http://127.0.0.1:${process.env.PORT || process.env.API_PORT || "8000"}`;
  const commands = [
    { name: "health", check: "checkHealth", description: "liveness of a running API (GET /api/health); exit 1 when it does not answer healthy" },
    { name: "readiness", check: "checkReadiness", description: "readiness of a running API (GET /api/health/ready): database, Redis, Oracle; exit 1 when degraded" },
  ] as const;
  for (const c of commands) {
    program
      .command(c.name)
      .description(c.description)
      .option("--url <url>", "the API's base URL", defaultUrl)
      .option("--timeout <seconds>", "give up after this long", "5")
      .action(async (opts: { url: string; timeout: string }) => {
        const checks = await import("./health-check.js");
        process.stdout.write(`${await checks[c.check](opts.url, Number(opts.timeout))}\n`);
      });
  }
}
