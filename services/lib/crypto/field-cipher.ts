import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * AES-256-GCM field encryption for the columns that hold personal text (mother names,
 * questions, AI interpretations) and for every copy of them inside stored JSON.
 *
 * Stored format: `nps1:<key id>:<base64url(nonce 12 ‖ ciphertext ‖ tag 16)>`.
 * - The key id (8 hex chars, an HMAC of the key, revealing nothing about it) says which key
 *   wrote a value, so rotation knows what is left to do and a half-rotated database still reads.
 * - The additional authenticated data is `nps1|<table>|<column>|<row id>`: a value copied to
 *   another row or column fails to decrypt instead of showing up in the wrong place.
 * Values written before this format (`ENC4:` + base64 of nonce ‖ ciphertext ‖ tag, no AAD) still
 * decrypt with any configured key. A value with neither prefix is plaintext (written while
 * encryption was off) and is returned as it is; `nps encryption rotate` encrypts it.
 *
 * Keys come from ./create-field-cipher.ts (which derives them once per process).
 */

export interface FieldLocation {
  readonly table: string;
  readonly column: string;
  readonly rowId: string;
}

export interface FieldKey {
  /** 8 hex characters naming the key in stored values. */
  readonly id: string;
  readonly aes: Buffer;
  /** A separate key for the search index's keyed word hashes. */
  readonly blind: Buffer;
}

export type StoredFormat = { readonly kind: "plain" } | { readonly kind: "legacy" } | { readonly kind: "nps1"; readonly keyId: string };

export class DecryptionError extends Error {
  override readonly name = "DecryptionError";
  constructor(
    readonly location: FieldLocation,
    reason: string,
  ) {
    super(`cannot decrypt ${location.table}.${location.column} of row ${location.rowId}: ${reason}`);
  }
}

const PREFIX = "nps1:";
const LEGACY_PREFIX = "ENC4:";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_CHARS = 8;
const BLIND_TOKEN_BYTES = 10;

/** Builds a FieldKey from 32 derived bytes (see deriveKey). */
export function fieldKeyFrom(derived: Buffer): FieldKey {
  if (derived.length !== 32) throw new Error("fieldKeyFrom: an AES-256 key is 32 bytes");
  return {
    id: createHmac("sha256", derived).update("nps key id v1").digest("hex").slice(0, KEY_ID_CHARS),
    aes: derived,
    blind: createHmac("sha256", derived).update("nps blind index v1").digest(),
  };
}

function aad(at: FieldLocation): Buffer {
  return Buffer.from(`nps1|${at.table}|${at.column}|${at.rowId}`, "utf8");
}

export class FieldCipher {
  /**
   * @param keys the current key first, then older keys still accepted for reading
   * @param encrypting false stores plaintext (ENCRYPTION_ENABLED=false or no key); keys, when
   *   given, still decrypt what was written before
   */
  constructor(
    private readonly keys: readonly FieldKey[],
    readonly encrypting: boolean,
  ) {
    if (encrypting && keys.length === 0) throw new Error("FieldCipher: encrypting needs a key");
  }

  /** A cipher that stores plaintext and holds no key. */
  static plaintext(): FieldCipher {
    return new FieldCipher([], false);
  }

  get currentKeyId(): string | null {
    return this.keys[0]?.id ?? null;
  }

  get keyIds(): readonly string[] {
    return this.keys.map((k) => k.id);
  }

  encrypt(plain: string, at: FieldLocation): string {
    if (!this.encrypting) return plain;
    const key = this.keys[0]!;
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv("aes-256-gcm", key.aes, nonce);
    cipher.setAAD(aad(at));
    const body = Buffer.concat([nonce, cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
    return `${PREFIX}${key.id}:${body.toString("base64url")}`;
  }

  encryptNullable(plain: string | null | undefined, at: FieldLocation): string | null {
    return plain === null || plain === undefined ? null : this.encrypt(plain, at);
  }

  decrypt(stored: string, at: FieldLocation): string {
    const format = formatOf(stored);
    if (format.kind === "plain") return stored;
    if (format.kind === "legacy") return this.decryptLegacy(stored, at);
    const key = this.keys.find((k) => k.id === format.keyId);
    if (!key) {
      throw new DecryptionError(at, `written with key ${format.keyId}, which is not configured (set NPS_PREVIOUS_ENCRYPTION_KEY and NPS_PREVIOUS_ENCRYPTION_SALT while rotating)`);
    }
    const body = Buffer.from(stored.slice(PREFIX.length + KEY_ID_CHARS + 1), "base64url");
    const plain = openGcm(key.aes, body, aad(at));
    if (plain === null) throw new DecryptionError(at, "authentication failed (the value was altered or belongs to another row or column)");
    return plain;
  }

  decryptNullable(stored: string | null, at: FieldLocation): string | null {
    return stored === null ? null : this.decrypt(stored, at);
  }

  /** true when the value is already what a fresh write would store (ciphertext under the current key, or plaintext when not encrypting). */
  isCurrent(stored: string): boolean {
    const format = formatOf(stored);
    if (!this.encrypting) return format.kind === "plain";
    return format.kind === "nps1" && format.keyId === this.keys[0]!.id;
  }

  /** The search index token for a private word as it is written now: a keyed hash, or the word itself when not encrypting. */
  blindTokenForWrite(word: string): string {
    return this.encrypting ? blindToken(this.keys[0]!, word) : word;
  }

  /** Every token a private word may be stored as (one per configured key), for search during and after rotation. */
  blindTokensForSearch(word: string): string[] {
    return this.keys.map((k) => blindToken(k, word));
  }

  private decryptLegacy(stored: string, at: FieldLocation): string {
    if (this.keys.length === 0) throw new DecryptionError(at, "an ENC4 value, but no encryption key is configured");
    const body = Buffer.from(stored.slice(LEGACY_PREFIX.length), "base64");
    for (const key of this.keys) {
      const plain = openGcm(key.aes, body, null);
      if (plain !== null) return plain;
    }
    throw new DecryptionError(at, "an ENC4 value that no configured key opens");
  }
}

export function formatOf(stored: string): StoredFormat {
  if (stored.startsWith(PREFIX) && stored.charAt(PREFIX.length + KEY_ID_CHARS) === ":") {
    return { kind: "nps1", keyId: stored.slice(PREFIX.length, PREFIX.length + KEY_ID_CHARS) };
  }
  if (stored.startsWith(LEGACY_PREFIX)) return { kind: "legacy" };
  return { kind: "plain" };
}

/** true for a value in either encrypted format. */
export function isEncrypted(stored: string): boolean {
  return formatOf(stored).kind !== "plain";
}

function openGcm(key: Buffer, body: Buffer, additional: Buffer | null): string | null {
  if (body.length < NONCE_BYTES + TAG_BYTES) return null;
  const decipher = createDecipheriv("aes-256-gcm", key, body.subarray(0, NONCE_BYTES));
  if (additional) decipher.setAAD(additional);
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body.subarray(NONCE_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

function blindToken(key: FieldKey, word: string): string {
  return createHmac("sha256", key.blind).update(word, "utf8").digest().subarray(0, BLIND_TOKEN_BYTES).toString("hex");
}
