import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { APP_SECRETS, type AppSecretName } from "./catalog";
import type { CommonSettings } from "./config/stack-config";

/**
 * The application's secrets for either stack: keys generated here with @pulumi/random (hex, as
 * `nps env init` writes them) and the optional ones taken from `pulumi config set --secret`.
 * Every value handed on is a Pulumi secret, so state files and previews never show it.
 */
export type SecretValues = Partial<Record<AppSecretName, pulumi.Output<string>>>;

const RANDOM_ID_OUTPUTS = ["hex", "b64Std", "b64Url", "dec", "id"];

export class AppSecrets extends pulumi.ComponentResource {
  readonly values: SecretValues;

  constructor(name: string, args: { settings: Pick<CommonSettings, "configuredSecrets"> & Partial<CommonSettings> }, opts?: pulumi.ComponentResourceOptions) {
    super("nps:secrets:AppSecrets", name, {}, opts);
    const config = new pulumi.Config("nps");
    const values: SecretValues = {};
    for (const [key, spec] of Object.entries(APP_SECRETS) as Array<[AppSecretName, (typeof APP_SECRETS)[AppSecretName]]>) {
      if ("generate" in spec) {
        const id = new random.RandomId(
          `${name}-${key.toLowerCase().replace(/_/g, "-")}`,
          { byteLength: spec.generate.bytes },
          { parent: this, additionalSecretOutputs: RANDOM_ID_OUTPUTS },
        );
        values[key] = pulumi.secret(id.hex);
      } else if (args.settings.configuredSecrets.includes(spec.config)) {
        values[key] = config.requireSecret(spec.config);
      }
    }
    this.values = values;
    this.registerOutputs({});
  }
}

/** A generated password (database, Grafana admin, Redis auth token): letters and digits only. */
export function generatedPassword(name: string, length: number, parent: pulumi.Resource): pulumi.Output<string> {
  const p = new random.RandomPassword(name, { length, special: false }, { parent });
  return pulumi.secret(p.result);
}
