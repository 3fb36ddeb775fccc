import { formatOf, isEncrypted, type FieldCipher, type FieldLocation } from "./field-cipher";

/**
 * Encryption inside stored JSON (a reading's input and result). Two things are sealed:
 * - the value under any key in SENSITIVE_JSON_KEYS, at any depth (a whole object or array is
 *   sealed as one value);
 * - any other string that contains one of the caller's `secrets` (the question, the AI text, a
 *   mother's name), case-insensitively, so a copy quoted inside prose is sealed too.
 * A sealed value is the field cipher's envelope of the value's JSON text; openJson puts the
 * original value back. Envelopes already under the current key are kept untouched, so sealing
 * twice changes nothing and rotation reseals only what an older key wrote.
 */

export const SENSITIVE_JSON_KEYS: ReadonlySet<string> = new Set([
  "question",
  "question_persian",
  "question_text",
  "mother_name",
  "mother_name_persian",
  "ai_interpretation",
  "ai_interpretation_persian",
]);

/** Secrets shorter than this are matched only as whole values, not inside longer text. */
const MIN_SUBSTRING_SECRET = 2;

export interface Sealed<T> {
  readonly value: T;
  /** true when anything was encrypted or re-encrypted. */
  readonly changed: boolean;
}

export function sealJson<T>(doc: T, cipher: FieldCipher, at: FieldLocation, secrets: readonly string[] = []): Sealed<T> {
  if (!cipher.encrypting) return { value: doc, changed: false };
  const needles = secrets.map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0);
  let changed = false;

  const sealValue = (value: unknown): string => {
    changed = true;
    return cipher.encrypt(JSON.stringify(openJson(value, cipher, at)), at);
  };
  const reseal = (envelope: string): string => {
    if (cipher.isCurrent(envelope)) return envelope;
    changed = true;
    return cipher.encrypt(JSON.stringify(openEnvelope(envelope, cipher, at)), at);
  };
  const mentionsSecret = (s: string): boolean => {
    const lower = s.toLowerCase();
    return needles.some((n) => lower === n || (n.length >= MIN_SUBSTRING_SECRET && lower.includes(n)));
  };
  const walk = (node: unknown, sensitive: boolean): unknown => {
    if (typeof node === "string") {
      if (isEncrypted(node)) return reseal(node);
      return sensitive || mentionsSecret(node) ? sealValue(node) : node;
    }
    if (node === null || typeof node !== "object") return node;
    if (sensitive) return sealValue(node);
    if (Array.isArray(node)) return node.map((item) => walk(item, false));
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) out[key] = walk(child, SENSITIVE_JSON_KEYS.has(key));
    return out;
  };
  const value = walk(doc, false) as T;
  return { value, changed };
}

/** The document with every sealed value opened. Throws DecryptionError on a value that does not belong to `at`. */
export function openJson<T>(doc: T, cipher: FieldCipher, at: FieldLocation): T {
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return isEncrypted(node) ? openEnvelope(node, cipher, at) : node;
    if (node === null || typeof node !== "object") return node;
    if (Array.isArray(node)) return node.map(walk);
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) out[key] = walk(child);
    return out;
  };
  return walk(doc) as T;
}

function openEnvelope(envelope: string, cipher: FieldCipher, at: FieldLocation): unknown {
  const text = cipher.decrypt(envelope, at);
  // Values sealed here hold JSON text; an ENC4 value from earlier data holds a bare string.
  return formatOf(envelope).kind === "nps1" ? JSON.parse(text) : text;
}
