import type { Requirement } from "./requirements";

/** What the setup step does, decided from what the machine has: no I/O here. */
export type SetupPlan =
  | { readonly kind: "ready" }
  | { readonly kind: "install"; readonly packages: readonly string[]; readonly missing: readonly Requirement[] }
  | { readonly kind: "stop"; readonly message: string };

export interface MachineFacts {
  /** Whether a command is found. */
  has(command: string): boolean;
  readonly root: boolean;
  readonly aptGet: boolean;
}

/** The Debian packages that bring the missing commands, each once, in list order. */
export function missingPackages(requirements: readonly Requirement[], has: (command: string) => boolean): { missing: Requirement[]; packages: string[] } {
  const missing = requirements.filter((r) => !has(r.command));
  return { missing, packages: [...new Set(missing.map((r) => r.apt))] };
}

export function installCommand(packages: readonly string[], root: boolean): string {
  return `${root ? "" : "sudo "}apt-get install -y --no-install-recommends ${packages.join(" ")}`;
}

export function planSetup(requirements: readonly Requirement[], facts: MachineFacts): SetupPlan {
  const { missing, packages } = missingPackages(requirements, (c) => facts.has(c));
  if (packages.length === 0) return { kind: "ready" };
  if (facts.root && facts.aptGet) return { kind: "install", packages, missing };
  const commands = missing.map((r) => r.command).join(", ");
  return { kind: "stop", message: `npm test needs ${commands}: install with \`${installCommand(packages, facts.root)}\`` };
}
