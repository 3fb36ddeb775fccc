import * as pulumi from "@pulumi/pulumi";
import { parseStackConfig, type StackSettings } from "../infra/config/stack-config";
import { deployDev } from "./dev";
import { deployProd } from "./prod";
import { isConfigSecret } from "../infra/plan/pulumi-internals";


/** The stack's config, read from the Pulumi runtime and checked once. */
export function readStackSettings(): StackSettings {
  const values = pulumi.runtime.allConfig();
  return parseStackConfig(values, Object.keys(values).filter(isConfigSecret));
}

/** The Pulumi program: the stack config picks the target (docker -> dev, aws -> prod). */
export async function runStack(): Promise<Record<string, unknown>> {
  const settings = readStackSettings();
  return settings.target === "docker" ? deployDev(settings) : deployProd(settings);
}
