import { hash, verify, type Options } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";

/**
 * Account passwords: argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane).
 * Tests may pass a lighter cost; stored hashes carry their parameters, so verify reads any.
 */

export interface PasswordCost {
  readonly memoryCost: number;
  readonly timeCost: number;
}

export const DEFAULT_PASSWORD_COST: PasswordCost = { memoryCost: 19_456, timeCost: 2 };
/** Enough for tests that create many accounts; never for stored production hashes. */
export const TEST_PASSWORD_COST: PasswordCost = { memoryCost: 1_024, timeCost: 1 };

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

// Algorithm.Argon2id; the package's enum is declared `const` and has no runtime value under tsx.
const ARGON2ID = 2;

export function hashPassword(password: string, cost: PasswordCost = DEFAULT_PASSWORD_COST): Promise<string> {
  const options: Options = { algorithm: ARGON2ID, memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1 };
  return hash(password, options);
}

// Verifying against this when the account does not exist keeps the answer's timing alike.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$njyiFQPU+ot9PO4SJ6rjIQ$t/qw9SGlwdna2vT6/IpjmgRZcEAOELJLqa2VsVfMXTY";

/** true when the password matches; a null hash (no such account) is checked against a dummy and is always false. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(storedHash ?? DUMMY_HASH, password);
    return storedHash !== null && ok;
  } catch {
    return false;
  }
}

/** A strong random password (24 characters of base64url, 144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
