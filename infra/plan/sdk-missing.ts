/**
 * `nps plan` runs the stack programs, which need the Pulumi SDKs. Those are development
 * dependencies: the service image deliberately carries none (it runs services, not deployments),
 * so there the plan stops with one line saying where it can run instead of a loader stack trace.
 */
export function needsDevInstall(pkg: string): string {
  return `planning needs the development install: run \`npm ci\` in a checkout of NPS (${pkg} cannot be loaded here; the service image carries no Pulumi SDKs)`;
}

/** The Pulumi package an error says could not be found, or undefined when the error is anything else. */
export function missingSdkPackage(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const { code, message } = err as { code?: unknown; message?: unknown };
  // MODULE_NOT_FOUND from require(), ERR_MODULE_NOT_FOUND from import().
  if (code !== "MODULE_NOT_FOUND" && code !== "ERR_MODULE_NOT_FOUND") return undefined;
  return /Cannot find (?:module|package) '(@pulumi(?:verse)?\/[^'/]+)/.exec(String(message))?.[1];
}
