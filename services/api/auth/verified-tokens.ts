import { TtlMap } from "../../lib/cache/ttl-map";
import type { AccessClaims } from "./access-tokens";

/**
 * How long a token whose signature and pinned claims were checked is taken as checked by this
 * process. What a token's bytes can say never changes, so the same bytes need not be verified
 * again; what can change (revocation, the account's state, role and password) is still checked on
 * every request, apart from this.
 */
export const VERIFIED_TOKEN_MS = 60_000;

/**
 * Access tokens this process has verified (signature, algorithm, issuer, audience, age), each
 * with its claims, kept by the token's exact text until VERIFIED_TOKEN_MS has passed or the
 * token's lifetime ends, whichever is first. A token differing by one byte is not found, so it
 * goes through the full verification.
 */
export class VerifiedTokens {
  private readonly kept: TtlMap<AccessClaims>;

  constructor(
    /** The longest life an access token may have (the verification's maxAge), in seconds. */
    private readonly maxAgeSeconds: number,
    maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.kept = new TtlMap(maxEntries, now);
  }

  get(token: string): AccessClaims | undefined {
    return this.kept.get(token);
  }

  remember(token: string, claims: AccessClaims): void {
    // Past exp, or past iat + maxAge, a token is refused: it is kept no longer than the earlier.
    const endsAtMs = Math.min(claims.exp, claims.iat + this.maxAgeSeconds) * 1000;
    const ttlMs = Math.min(VERIFIED_TOKEN_MS, endsAtMs - this.now());
    if (ttlMs > 0) this.kept.set(token, claims, ttlMs);
  }
}
