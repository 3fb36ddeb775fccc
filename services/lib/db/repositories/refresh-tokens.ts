import { randomUUID } from "node:crypto";
import type { Queryable } from "../database";
import { isUuid } from "../paging";

/**
 * Refresh tokens, stored as SHA-256 hashes, rotating within a family (one login = one family).
 *
 *   issue({ userId, tokenHash, expiresAt, familyId? })   a new family unless familyId is given
 *   rotate(oldHash, newHash, expiresAt)                  one atomic step:
 *       { status: "rotated", token }   the old token is spent, the new one issued in its family
 *       { status: "reused", ... }      the old token was already spent: the whole family is revoked
 *       { status: "expired" | "revoked" | "unknown" }
 *   revokeByHash(hash)       logout: revokes the token's family
 *   revokeAllForUser(userId) password change, deactivation
 *   deleteExpired(before)    housekeeping
 */

export interface RefreshTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly familyId: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

export type RotateOutcome =
  | { readonly status: "rotated"; readonly token: RefreshTokenRecord }
  | { readonly status: "reused"; readonly userId: string; readonly familyId: string }
  | { readonly status: "expired" | "revoked" | "unknown" };

interface TokenRow {
  id: string;
  user_id: string;
  family_id: string;
  issued_at: Date;
  expires_at: Date;
}

const toToken = (r: TokenRow): RefreshTokenRecord => ({ id: r.id, userId: r.user_id, familyId: r.family_id, issuedAt: r.issued_at, expiresAt: r.expires_at });

export class RefreshTokensRepository {
  constructor(private readonly q: Queryable) {}

  async issue(input: { userId: string; tokenHash: Buffer; expiresAt: Date; familyId?: string }): Promise<RefreshTokenRecord> {
    const { rows } = await this.q.query<TokenRow>(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)
       RETURNING id, user_id, family_id, issued_at, expires_at`,
      [input.userId, input.familyId ?? randomUUID(), input.tokenHash, input.expiresAt],
    );
    return toToken(rows[0]!);
  }

  async rotate(oldHash: Buffer, newHash: Buffer, expiresAt: Date): Promise<RotateOutcome> {
    const newId = randomUUID();
    // Spend the old token and issue its successor in one statement: two concurrent refreshes
    // with the same token cannot both succeed.
    const { rows } = await this.q.query<TokenRow>(
      `WITH spent AS (
         UPDATE refresh_tokens t SET used_at = now(), replaced_by = $2
          WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now()
            AND EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id AND u.is_active)
          RETURNING t.user_id, t.family_id)
       INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at)
       SELECT $2, user_id, family_id, $3, $4 FROM spent
       RETURNING id, user_id, family_id, issued_at, expires_at`,
      [oldHash, newId, newHash, expiresAt],
    );
    if (rows[0]) return { status: "rotated", token: toToken(rows[0]) };

    const found = await this.q.query<{ user_id: string; family_id: string; used_at: Date | null; revoked_at: Date | null; expired: boolean }>(
      `SELECT user_id, family_id, used_at, revoked_at, expires_at <= now() AS expired FROM refresh_tokens WHERE token_hash = $1`,
      [oldHash],
    );
    const t = found.rows[0];
    if (!t) return { status: "unknown" };
    if (t.used_at !== null) {
      await this.revokeFamily(t.family_id);
      return { status: "reused", userId: t.user_id, familyId: t.family_id };
    }
    if (t.revoked_at !== null) return { status: "revoked" };
    if (t.expired) return { status: "expired" };
    return { status: "revoked" }; // the owner was deactivated
  }

  async revokeFamily(familyId: string): Promise<number> {
    const { rowCount } = await this.q.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
    return rowCount ?? 0;
  }

  /** Logout: revokes the family of the token presented; false when the token is unknown. */
  async revokeByHash(tokenHash: Buffer): Promise<boolean> {
    const { rowCount } = await this.q.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
      [tokenHash],
    );
    return (rowCount ?? 0) > 0;
  }

  async revokeAllForUser(userId: string): Promise<number> {
    if (!isUuid(userId)) return 0;
    const { rowCount } = await this.q.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
    return rowCount ?? 0;
  }

  async deleteExpired(before: Date = new Date()): Promise<number> {
    const { rowCount } = await this.q.query(`DELETE FROM refresh_tokens WHERE expires_at < $1`, [before]);
    return rowCount ?? 0;
  }
}
