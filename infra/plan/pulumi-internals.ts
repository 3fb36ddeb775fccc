import * as pulumi from "@pulumi/pulumi";

/**
 * The two places where NPS reaches past Pulumi's public API, kept here and nowhere else:
 * - `nps plan` (and the component tests) wrap the resource monitor's `registerResource`, because
 *   only the monitor sees each input with its own secret marker, its parent and its explicit
 *   dependencies; the public mocks see inputs with secrets merged and no parent.
 * - the stack program asks `runtime.isConfigSecret`, which the runtime exports without typings,
 *   to refuse secrets set in plain text.
 * Both are checked for their shape at every use and fail loudly, naming the Pulumi version, when
 * an upgrade changes them; pulumi-internals.test.ts runs them against the installed SDK.
 */
export const PULUMI_VERSION: string = (require("@pulumi/pulumi/package.json") as { version: string }).version;

export class PulumiInternalsChanged extends Error {
  override readonly name = "PulumiInternalsChanged";
  constructor(what: string) {
    super(`@pulumi/pulumi ${PULUMI_VERSION} no longer has ${what}; nps plan relies on it (see infra/plan/pulumi-internals.ts)`);
  }
}

/** One registration as the resource monitor receives it. */
export interface Registration {
  readonly type: string;
  readonly name: string;
  /** The parent's URN, or "" for a top-level resource. */
  readonly parentUrn: string;
  /** Inputs in wire form: secrets still marked leaf by leaf. */
  readonly inputs: Record<string, unknown>;
  readonly dependencyUrns: string[];
  readonly protect: boolean;
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
  getDependenciesList(): string[];
  getProtect(): boolean;
}

const REQUEST_METHODS = ["getType", "getName", "getParent", "getObject", "getDependenciesList", "getProtect"] as const;

/** Calls `onRegister` for every resource registered from now on (after setMocks). */
export function watchRegistrations(onRegister: (r: Registration) => void): void {
  const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource?: (req: RegisterRequest, cb: unknown) => unknown } | undefined;
  if (!monitor || typeof monitor.registerResource !== "function") throw new PulumiInternalsChanged("a resource monitor with registerResource(request, callback)");
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req: RegisterRequest, cb: unknown) => {
    for (const m of REQUEST_METHODS) {
      if (typeof (req as unknown as Record<string, unknown>)[m] !== "function") throw new PulumiInternalsChanged(`RegisterResourceRequest.${m}()`);
    }
    onRegister({
      type: req.getType(),
      name: req.getName(),
      parentUrn: req.getParent(),
      inputs: req.getObject()?.toJavaScript() ?? {},
      dependencyUrns: req.getDependenciesList(),
      protect: req.getProtect() === true,
    });
    return register(req, cb);
  };
}

/** Whether Pulumi holds a config key encrypted (`pulumi config set --secret`). */
export function isConfigSecret(key: string): boolean {
  const check = (pulumi.runtime as unknown as { isConfigSecret?: unknown }).isConfigSecret;
  if (typeof check !== "function") throw new PulumiInternalsChanged("runtime.isConfigSecret(key)");
  return (check as (k: string) => boolean)(key) === true;
}
