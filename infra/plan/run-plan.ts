import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parse, YAMLError } from "yaml";
import { parseStackConfig, StackConfigError } from "../config/stack-config";
import { decodeInputs } from "./decode";
import { PlanMocks } from "./mocks";
import { watchRegistrations, type Registration } from "./pulumi-internals";

/** One resource the stack program declares, as `nps plan --json` prints it. */
export interface PlannedResource {
  readonly type: string;
  readonly name: string;
  /** The parent's name, or null for a top-level resource. */
  readonly parent: string | null;
  readonly inputs: Record<string, unknown>;
  /** Names of the resources it waits for (explicit dependsOn). */
  readonly dependsOn: string[];
  /** Whether `pulumi destroy` stops at it. */
  readonly protect: boolean;
}

export interface StackConfigFile {
  readonly project: string;
  /** Pulumi's string form of each value, by full key ("nps:domain"). */
  readonly values: Record<string, string>;
  readonly secretKeys: string[];
}

/**
 * Reads Pulumi.yaml and a stack file the way the Pulumi CLI hands them to a program: scalars as
 * text, structured values as JSON text; `secure:` values (encrypted with the stack's secrets
 * provider) become placeholders marked secret, since a plan never decrypts anything.
 */
export function readStackConfigFile(projectDir: string, stack: string, file?: string): StackConfigFile {
  const project = readYaml(path.join(projectDir, "Pulumi.yaml")) as { name?: string };
  const stackFile = file ?? path.join(projectDir, `Pulumi.${stack}.yaml`);
  const doc = (readYaml(stackFile) ?? {}) as { config?: unknown };
  if (typeof doc !== "object" || Array.isArray(doc) || (doc.config !== undefined && (typeof doc.config !== "object" || doc.config === null || Array.isArray(doc.config)))) {
    throw new StackConfigError([`${stackFile}: expected a mapping with a "config:" mapping of keys to values`]);
  }
  const values: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, value] of Object.entries((doc.config ?? {}) as Record<string, unknown>)) {
    if (value && typeof value === "object" && "secure" in value) {
      values[key] = "plan-secret";
      secretKeys.push(key);
    } else {
      values[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  return { project: project.name ?? "nps", values, secretKeys };
}

/** A YAML file's value, or a StackConfigError naming the file, line and column of a syntax error. */
function readYaml(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new StackConfigError([`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`]);
  }
  try {
    return parse(text);
  } catch (err) {
    if (!(err instanceof YAMLError)) throw err;
    // The parser's first line says what is wrong and where; the rest is a drawing of the spot.
    throw new StackConfigError([`${file}: not valid YAML: ${err.message.split("\n")[0].replace(/:$/, "")}`]);
  }
}

/**
 * Runs a stack's program under Pulumi's mocks with the committed stack config and returns every
 * resource it declares. Pulumi's runtime is global to the process: call this once per process.
 */
export async function planStack(projectDir: string, stack: string, configFile?: string, o: { showSecrets?: boolean } = {}): Promise<PlannedResource[]> {
  const cfg = readStackConfigFile(projectDir, stack, configFile);
  const settings = parseStackConfig(cfg.values, cfg.secretKeys);
  const region = settings.target === "aws" ? settings.region : "local";

  pulumi.runtime.setAllConfig(cfg.values, cfg.secretKeys);
  await pulumi.runtime.setMocks(new PlanMocks(region), cfg.project, stack, false);

  const captured: PlannedResource[] = [];
  // The monitor sees each input with its own secret marker; the mocks only see them merged.
  watchRegistrations((r) => captured.push(planned(r, o.showSecrets)));

  const { runStack } = await import("../../stacks/program.js");
  await pulumi.runtime.runInPulumiStack(runStack);
  await pulumi.runtime.disconnect();
  return captured.filter((r) => r.type !== "pulumi:pulumi:Stack");
}

const lastPart = (urn: string) => urn.split("::").pop() ?? urn;

/** A registration as `nps plan` shows it: names instead of URNs, inputs decoded for display. */
export function planned(r: Registration, showSecrets = false): PlannedResource {
  return {
    type: r.type,
    name: r.name,
    parent: r.parentUrn ? lastPart(r.parentUrn) : null,
    inputs: decodeInputs(r.inputs, showSecrets) as Record<string, unknown>,
    dependsOn: r.dependencyUrns.map(lastPart),
    protect: r.protect,
  };
}
