import { execFile } from "node:child_process";
import * as path from "node:path";
import type { PlannedResource } from "./run-plan";

/**
 * Runs `nps plan` in a child process. Pulumi's runtime state is global to a process, so each
 * stack's program runs in its own; tests assert on the structured result.
 */
export interface PlanRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const NPS = path.resolve(__dirname, "..", "..", "bin", "nps.js");

export function runPlanCommand(args: readonly string[]): Promise<PlanRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [NPS, "plan", ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const cache = new Map<string, Promise<PlannedResource[]>>();

/** The resources of a committed stack, planned once per test process. */
export function plannedStack(stack: "dev" | "prod"): Promise<PlannedResource[]> {
  let p = cache.get(stack);
  if (!p) {
    p = runPlanCommand(["--stack", stack, "--json"]).then((r) => {
      if (r.code !== 0) throw new Error(`nps plan --stack ${stack} exited ${r.code}: ${r.stderr}`);
      return JSON.parse(r.stdout) as PlannedResource[];
    });
    cache.set(stack, p);
  }
  return p;
}

/** Helpers for reading a plan in assertions. */
export class Plan {
  constructor(readonly resources: readonly PlannedResource[]) {}

  ofType(type: string): PlannedResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  one(type: string, name: string): PlannedResource {
    const r = this.resources.find((x) => x.type === type && x.name === name);
    if (!r) throw new Error(`no ${type} named ${name} in the plan`);
    return r;
  }

  children(parent: string, type?: string): PlannedResource[] {
    return this.resources.filter((r) => r.parent === parent && (!type || r.type === type));
  }
}
