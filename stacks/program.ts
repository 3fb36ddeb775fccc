import * as pulumi from "@pulumi/pulumi";
import { parseStackConfig, type StackSettings } from "../infra/config/stack-config";
import { deployDev } from "./dev";
import { deployProd } from "./prod";

/** Whether Pulumi holds a config key encrypted (`pulumi config set --secret`). */
function isSecretKey(key: string): boolean {
  // The runtime exports this check without declaring it in its typings.
  const check = (pulumi.runtime as unknown as { isConfigSecret?: (k: string) => boolean }).isConfigSecret;
  return typeof check === "function" ? check(key) : false;
}

/** The stack's config, read from the Pulumi runtime and checked once. */
export function readStackSettings(): StackSettings {
  const values = pulumi.runtime.allConfig();
  return parseStackConfig(values, Object.keys(values).filter(isSecretKey));
}

/** The Pulumi program: the stack config picks the target (docker -> dev, aws -> prod). */
export async function runStack(): Promise<Record<string, unknown>> {
  const settings = readStackSettings();
  return settings.target === "docker" ? deployDev(settings) : deployProd(settings);
}
