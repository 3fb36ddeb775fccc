import type { Config } from "../config/load-config";
import type { Logger } from "../logger";
import { deriveKey } from "./key-derivation";
import { FieldCipher, fieldKeyFrom, type FieldKey } from "./field-cipher";

/**
 * The process's FieldCipher, built from config.encryption. Call it once at start and share the
 * result: key derivation is slow on purpose (it is memoised, so a second call is cheap).
 *
 * - Encrypting needs ENCRYPTION_ENABLED=true and NPS_ENCRYPTION_KEY. Otherwise new values are
 *   stored as plaintext and a warning says so (production refuses an empty key before this).
 * - NPS_PREVIOUS_ENCRYPTION_KEY/SALT, when set, are kept for reading, so a half-rotated
 *   database keeps working while `nps encryption rotate` runs.
 */
export async function createFieldCipher(encryption: Config["encryption"], logger?: Logger): Promise<FieldCipher> {
  const keys: FieldKey[] = [];
  if (encryption.key !== "") keys.push(fieldKeyFrom(await deriveKey(encryption.key, encryption.salt)));
  if (encryption.previousKey !== "") {
    const previous = fieldKeyFrom(await deriveKey(encryption.previousKey, encryption.previousSalt));
    if (!keys.some((k) => k.id === previous.id)) keys.push(previous);
  }
  const encrypting = encryption.enabled && encryption.key !== "";
  if (!encryption.enabled) {
    logger?.warn("ENCRYPTION_ENABLED=false: mother names, questions and AI interpretations are stored as plaintext");
  } else if (!encrypting) {
    logger?.warn("NPS_ENCRYPTION_KEY is empty: mother names, questions and AI interpretations are stored as plaintext (run `nps env init` for a key)");
  }
  return new FieldCipher(keys, encrypting);
}
