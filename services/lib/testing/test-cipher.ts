import type { Config } from "../config/load-config";
import { createFieldCipher } from "../crypto/create-field-cipher";
import type { FieldCipher } from "../crypto/field-cipher";

/**
 * Fixed encryption settings for tests. Key derivation takes 600,000 PBKDF2 rounds and is
 * memoised per process, so every suite that uses these keys shares two derivations.
 */

export const TEST_KEY = { key: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0", salt: "a1b2c3d4e5f60718293a4b5c6d7e8f90" } as const;
export const TEST_PREVIOUS_KEY = { key: "previous-key-of-the-test-suite-0123456789abcdef0123456789abcdef", salt: "previous-salt-0123456789abcdef" } as const;

export function testEncryption(overrides: Partial<Config["encryption"]> = {}): Config["encryption"] {
  return { enabled: true, key: TEST_KEY.key, salt: TEST_KEY.salt, previousKey: "", previousSalt: "", ...overrides };
}

/** The usual test cipher: encrypting under TEST_KEY. */
export function testCipher(overrides: Partial<Config["encryption"]> = {}): Promise<FieldCipher> {
  return createFieldCipher(testEncryption(overrides));
}
