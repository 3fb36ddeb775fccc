/** Every tier's bindings, in one registry. */
import { CORE_REGISTRATIONS } from "./registry-core";
import { PERSONAL_REGISTRATIONS } from "./registry-personal";
import { Registry } from "./registry";
import { SYNTHESIS_REGISTRATIONS } from "./registry-synthesis";
import { UNIVERSAL_REGISTRATIONS } from "./registry-universal";

export function buildRegistry(): Registry {
  return new Registry([...CORE_REGISTRATIONS, ...PERSONAL_REGISTRATIONS, ...UNIVERSAL_REGISTRATIONS, ...SYNTHESIS_REGISTRATIONS]);
}
