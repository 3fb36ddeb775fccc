import { execFile } from "node:child_process";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { readStackConfigFile } from "../../plan/run-plan";
import { Capture, ComponentPlan, type CapturedResource } from "./component-plan";

/**
 * The whole stack program under the component mocks, in a child process (Pulumi's runtime is
 * global to a process): as a first `pulumi preview` sees it (`preview: true`: every value a
 * provider computes is unknown), or under another stack name (a second stack beside prod).
 *
 *   const plan = await planStackAs({ stack: "staging", config: "prod", preview: true });
 */
export interface StackPlanOptions {
  /** The Pulumi stack name the program runs as. */
  readonly stack: string;
  /** Pulumi.<config>.yaml of the project, or a path to another stack file. */
  readonly config: string;
  readonly preview?: boolean;
}

const ROOT = path.resolve(__dirname, "..", "..", "..");

export function planStackAs(o: StackPlanOptions): Promise<ComponentPlan<null>> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", __filename, JSON.stringify(o)],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`stack plan ${o.stack} failed: ${stderr || err.message}`));
        resolve(new ComponentPlan(null, JSON.parse(stdout) as CapturedResource[]));
      },
    );
  });
}

async function main(o: StackPlanOptions): Promise<void> {
  const file = o.config.includes("/") ? o.config : undefined;
  const cfg = readStackConfigFile(ROOT, file ? o.stack : o.config, file);
  const region = cfg.values["aws:region"] ?? "local";
  const capture = new Capture({ preview: o.preview, stack: o.stack, region });
  pulumi.runtime.setAllConfig(cfg.values, cfg.secretKeys);
  await pulumi.runtime.setMocks(capture.mocks, cfg.project, o.stack, o.preview ?? false);
  const { runStack } = await import("../../../stacks/program.js");
  await pulumi.runtime.runInPulumiStack(async () => {
    pulumi.runtime.registerStackTransformation(capture.transformation);
    return runStack();
  });
  process.stdout.write(JSON.stringify(await capture.resources()));
}

if (require.main === module) {
  main(JSON.parse(process.argv[2] ?? "{}") as StackPlanOptions).catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
