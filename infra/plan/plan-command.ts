import * as fs from "node:fs";
import * as path from "node:path";
import type { Command } from "commander";
import { CliError } from "../../services/cli-error";
import { missingSdkPackage, needsDevInstall } from "./sdk-missing";

const STACKS = ["dev", "prod"] as const;
const RENDERABLE = ["nginx", "web-nginx", "prometheus", "rules", "alertmanager", "grafana", "systemd"] as const;

/**
 * `nps plan --stack dev|prod [--json] [--config FILE]`: the stack program under Pulumi's mocks,
 * with no cloud account and no Docker engine, listing every resource it declares.
 * `nps render <what> [--out DIR]`: the generated configs, for the manual path.
 */
export function register(program: Command): void {
  program
    .command("plan")
    .description("list every resource a stack declares, offline (Pulumi mocks, the committed stack config)")
    .requiredOption("--stack <name>", `stack: ${STACKS.join(" or ")}`)
    .option("--json", "print a JSON array of {type, name, parent, inputs}")
    .option("--config <file>", "stack config file instead of Pulumi.<stack>.yaml")
    .option("--show-secrets", "show secret inputs (the offline plan's own placeholder values) instead of [secret]")
    .action(async (opts: { stack: string; json?: boolean; config?: string; showSecrets?: boolean }) => {
      if (!(STACKS as readonly string[]).includes(opts.stack)) throw new CliError(`--stack: expected ${STACKS.join(" or ")}, got "${opts.stack}"`);
      const projectDir = path.resolve(__dirname, "..", "..");
      const configFile = opts.config ? path.resolve(opts.config) : undefined;
      if (configFile && !fs.existsSync(configFile)) throw new CliError(`--config: ${opts.config} does not exist`);
      const { StackConfigError } = await import("../config/stack-config.js");
      try {
        // Loading the plan loads @pulumi/pulumi, and the stack program the providers' SDKs.
        const { planStack } = await import("./run-plan.js");
        const resources = await planStack(projectDir, opts.stack, configFile, { showSecrets: opts.showSecrets === true });
        if (opts.json) process.stdout.write(`${JSON.stringify(resources, null, 2)}\n`);
        else process.stdout.write((await import("./format.js")).formatPlan(opts.stack, resources));
      } catch (err) {
        if (err instanceof StackConfigError) throw new CliError(`stack ${opts.stack}: ${err.message}`, 2);
        const sdk = missingSdkPackage(err);
        if (sdk !== undefined) throw new CliError(needsDevInstall(sdk), 2);
        throw err;
      }
    });

  program
    .command("render")
    .description(`write a generated config: ${RENDERABLE.join(", ")}`)
    .argument("<what>", RENDERABLE.join(" | "))
    .option("--out <dir>", "write files into this directory instead of printing")
    .option("--domain <name>", "server name for nginx", "localhost")
    .action(async (what: string, opts: { out?: string; domain: string }) => {
      if (!(RENDERABLE as readonly string[]).includes(what)) throw new CliError(`render: expected one of ${RENDERABLE.join(", ")}, got "${what}"`);
      const { renderFiles } = await import("./render-files.js");
      const files = renderFiles(what as (typeof RENDERABLE)[number], { domain: opts.domain });
      if (!opts.out) {
        for (const [name, text] of Object.entries(files)) process.stdout.write(Object.keys(files).length > 1 ? `# ${name}\n${text}\n` : text);
        return;
      }
      fs.mkdirSync(opts.out, { recursive: true });
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(opts.out, name), text);
      process.stdout.write(`wrote ${Object.keys(files).length} file(s) to ${opts.out}\n`);
    });
}
