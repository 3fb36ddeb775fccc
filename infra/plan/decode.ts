import * as pulumi from "@pulumi/pulumi";

/** What `nps plan` shows of an input that is a Pulumi secret. */
export const SECRET = "[secret]";
/** What it shows of a value only a real deployment knows. */
export const UNKNOWN = "[unknown]";

const rt = pulumi.runtime;
const ENV_ENTRY = /^([A-Za-z_][A-Za-z0-9_]*)=/s;

/**
 * Turns the wire form of a resource's inputs (as the resource monitor receives them, secrets
 * still marked leaf by leaf) into plain JSON for display. A secret shows as [secret]; a secret
 * environment entry keeps its name ("API_SECRET_KEY=[secret]") and never its value.
 */
export function decodeInputs(value: unknown, showSecrets = false): unknown {
  const decode = (v: unknown) => decodeInputs(v, showSecrets);
  const secret = (v: unknown) => (showSecrets ? decode(v) : masked(v));
  if (value === rt.unknownValue) return UNKNOWN;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decode);
  const obj = value as Record<string, unknown>;
  const sig = obj[rt.specialSigKey];
  if (sig === rt.specialSecretSig) return secret(obj.value);
  if (sig === rt.specialOutputValueSig) {
    if (obj.secret === true) return secret(obj.value);
    return "value" in obj ? decode(obj.value) : UNKNOWN;
  }
  if (sig === rt.specialResourceSig) return { resource: String(obj.urn ?? "").split("::").pop() };
  if (sig === rt.specialAssetSig || sig === rt.specialArchiveSig) return { asset: obj.path ?? obj.uri ?? (obj.text !== undefined ? "[text]" : "[archive]") };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = decode(v);
  return out;
}

function masked(value: unknown): string {
  const m = typeof value === "string" ? ENV_ENTRY.exec(value) : null;
  return m ? `${m[1]}=${SECRET}` : SECRET;
}
