import { createHash, randomBytes } from "node:crypto";

/**
 * Bearer secrets NPS hands out (API keys, refresh tokens, share links, Telegram link codes).
 * They are long random strings, so a plain SHA-256 is a safe lookup key: only the hash is
 * stored, and the raw value is shown once.
 */

export interface IssuedToken {
  /** The raw value for the client; never stored. */
  readonly token: string;
  /** SHA-256 of the token: what the database keeps and looks up. */
  readonly hash: Buffer;
}

export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

/** A random token of `bytes` bytes in base64url, optionally prefixed (e.g. "nps_" for API keys). */
export function issueToken(prefix = "", bytes = 32): IssuedToken {
  const token = prefix + randomBytes(bytes).toString("base64url");
  return { token, hash: hashToken(token) };
}
