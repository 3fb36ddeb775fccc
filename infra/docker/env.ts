import * as pulumi from "@pulumi/pulumi";
import type { EnvValue } from "../catalog";

/**
 * A catalog environment as Docker's NAME=value list. Entries that carry a secret stay secret
 * (Pulumi then keeps the whole list secret in its state).
 */
export function dockerEnvs(env: Readonly<Record<string, EnvValue<pulumi.Output<string>> | undefined>>): pulumi.Output<string>[] {
  // A list of single values, not one Output of a list: each entry keeps its own secret mark.
  return Object.entries(env)
    .filter((e): e is [string, EnvValue<pulumi.Output<string>>] => e[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => ("secret" in v ? pulumi.secret(pulumi.interpolate`${k}=${v.secret}`) : pulumi.output(`${k}=${v.value}`)));
}
