import { CliError } from "../cli-error";
import { InvalidInputError } from "../lib/errors";
import { HEALTH_PATHS } from "../lib/health-paths";
import type { Readiness } from "./health/probes";

/**
 * The work of `nps health` and `nps readiness`: one request to a running API. Each resolves to a
 * line for the terminal when all is well, and throws CliError(message, 1) naming what is down.
 */

async function get(base: string, path: string, timeoutSeconds: number): Promise<{ status: number; body: unknown }> {
  let url: URL;
  try {
    url = new URL(path, base);
  } catch {
    throw new InvalidInputError("url", `"${base}" is not a URL`);
  }
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new InvalidInputError("timeout", "must be a positive number of seconds");
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutSeconds * 1000), headers: { accept: "application/json" } });
  } catch (err) {
    const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    throw new CliError(`the API at ${url.origin} does not answer: ${cause}`, 1);
  }
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    throw new CliError(`the API at ${url.origin} answered ${res.status} with something other than JSON`, 1);
  }
}

export async function checkHealth(base: string, timeoutSeconds = 5): Promise<string> {
  const { status, body } = await get(base, HEALTH_PATHS.apiLive, timeoutSeconds);
  const b = body as { status?: string; version?: string };
  if (status !== 200 || b.status !== "healthy") throw new CliError(`API unhealthy: HTTP ${status}, status ${b.status ?? "missing"}`, 1);
  return `healthy (version ${b.version ?? "unknown"})`;
}

export async function checkReadiness(base: string, timeoutSeconds = 5): Promise<string> {
  const { status, body } = await get(base, HEALTH_PATHS.apiReady, timeoutSeconds);
  const ready = body as Partial<Readiness>;
  const checks = ready.checks;
  if (!checks) throw new CliError(`API readiness answered ${status} without checks`, 1);
  const parts = `database ${checks.database}, redis ${checks.redis}, oracle ${checks.oracle_service}`;
  const notes = Object.entries(ready.details ?? {}).map(([part, why]) => `\n  ${part}: ${why}`).join("");
  if (status !== 200 || ready.status !== "healthy") {
    const down = Object.entries(checks).filter(([, state]) => state === "unhealthy").map(([part]) => part);
    throw new CliError(`API degraded: ${down.length ? `${down.join(", ")} down` : `HTTP ${status}`} (${parts})${notes}`, 1);
  }
  return `ready: ${parts}${notes}`;
}
