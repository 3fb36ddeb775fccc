import { randomBytes } from "node:crypto";
import { ENV_VARS, type EnvGroup, type EnvName } from "./env-spec";

/** Secrets `nps env init` generates fresh, with the byte counts of the seed guide's recipes. */
export const GENERATED_SECRETS: Partial<Record<EnvName, number>> = {
  API_SECRET_KEY: 32,
  NPS_ENCRYPTION_KEY: 32,
  NPS_ENCRYPTION_SALT: 16,
  TELEGRAM_BOT_SERVICE_KEY: 32,
  POSTGRES_PASSWORD: 24,
};

export function generateSecrets(): Partial<Record<EnvName, string>> {
  const out: Partial<Record<EnvName, string>> = {};
  for (const [name, bytes] of Object.entries(GENERATED_SECRETS)) out[name as EnvName] = randomBytes(bytes).toString("hex");
  return out;
}

/**
 * Renders an env file listing every variable with its meaning, grouped as in the seed guide.
 * Values given are written active; the rest are written commented out at their defaults, so the
 * file documents everything without pinning defaults that a later release may improve.
 */
export function renderEnvFile(values: Partial<Record<EnvName, string>> = {}, header = "NPS environment"): string {
  const lines = [`# ${header}. Every variable NPS reads, with its default and meaning.`, "# Generated from services/lib/config/env-spec.ts.", ""];
  let group: EnvGroup | undefined;
  for (const spec of ENV_VARS) {
    if (spec.group !== group) {
      if (group) lines.push("");
      lines.push(`# --- ${spec.group} ---`);
      group = spec.group;
    }
    lines.push(`# ${spec.description}`);
    const value = values[spec.name];
    if (value !== undefined) lines.push(`${spec.name}=${value}`);
    else lines.push(`# ${spec.name}=${"default" in spec ? spec.default : ""}`);
  }
  return `${lines.join("\n")}\n`;
}
