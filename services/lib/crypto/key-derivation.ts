import { createHash, pbkdf2 } from "node:crypto";
import { promisify } from "node:util";

/**
 * Turns NPS_ENCRYPTION_KEY and NPS_ENCRYPTION_SALT into a 256-bit AES key, exactly as values
 * already on disk were written: PBKDF2-HMAC-SHA256 over the key's UTF-8 text, 600,000 rounds,
 * with the salt's UTF-8 bytes right-padded with NUL or cut to 32 bytes ("nps-v4-default-salt"
 * when the salt is empty). The key is not hex-decoded: the text itself is the password.
 *
 * 600,000 rounds take a noticeable fraction of a second, so each (key, salt) pair is derived
 * once per process and shared (the memo holds promises, so concurrent callers wait for one run).
 */

export const PBKDF2_ROUNDS = 600_000;
export const KEY_BYTES = 32;
export const SALT_BYTES = 32;
export const DEFAULT_SALT = "nps-v4-default-salt";

const pbkdf2Async = promisify(pbkdf2);
const memo = new Map<string, Promise<Buffer>>();

/** The salt bytes PBKDF2 sees: UTF-8, padded with NUL or truncated to 32 bytes. */
export function saltBytes(salt: string): Buffer {
  const raw = Buffer.from(salt === "" ? DEFAULT_SALT : salt, "utf8");
  const out = Buffer.alloc(SALT_BYTES, 0);
  raw.copy(out, 0, 0, Math.min(raw.length, SALT_BYTES));
  return out;
}

export function deriveKey(secret: string, salt: string): Promise<Buffer> {
  if (secret === "") throw new Error("deriveKey: the encryption key is empty");
  // Memo keyed by a digest, so the raw secret is not kept as a map key.
  const id = createHash("sha256").update(secret, "utf8").update("\0").update(salt, "utf8").digest("hex");
  let derived = memo.get(id);
  if (!derived) {
    derived = pbkdf2Async(Buffer.from(secret, "utf8"), saltBytes(salt), PBKDF2_ROUNDS, KEY_BYTES, "sha256");
    derived.catch(() => memo.delete(id));
    memo.set(id, derived);
  }
  return derived;
}
