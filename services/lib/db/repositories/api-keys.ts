import type { Queryable } from "../database";
import { isUuid } from "../paging";
import { toUser, USER_COLUMNS, type UserRecord, type UserRow } from "./users";

/**
 * API keys. Only a SHA-256 of each key is stored (services/lib/crypto/tokens.ts issues them);
 * key_prefix keeps the first characters so a list can tell keys apart.
 *
 *   create({ userId, name, keyHash, keyPrefix, scopes, expiresAt })
 *   findActiveByHash(hash)    the key and its owner, when the key is not revoked or expired and the owner is active
 *   listForUser(userId, { includeRevoked })
 *   revoke(id, { ownerId })   ownerId limits it to that owner's keys; true when a key was revoked
 *   touch(id)                 last_used_at, written at most once a minute per key
 */

export const API_KEY_SCOPES = ["oracle:read", "oracle:write", "oracle:admin", "admin"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface ApiKeyRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly keyPrefix: string;
  readonly scopes: ApiKeyScope[];
  readonly expiresAt: Date | null;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly createdAt: Date;
}

export interface NewApiKey {
  readonly userId: string;
  readonly name: string;
  readonly keyHash: Buffer;
  readonly keyPrefix: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly expiresAt?: Date | null;
}

interface ApiKeyRow {
  id: string;
  user_id: string;
  name: string;
  key_prefix: string;
  scopes: ApiKeyScope[];
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}

const COLUMNS = "k.id, k.user_id, k.name, k.key_prefix, k.scopes, k.expires_at, k.last_used_at, k.revoked_at, k.created_at";

function toApiKey(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    keyPrefix: row.key_prefix,
    scopes: row.scopes,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    createdAt: row.created_at,
  };
}

export class ApiKeysRepository {
  constructor(private readonly q: Queryable) {}

  async create(key: NewApiKey): Promise<ApiKeyRecord> {
    const { rows } = await this.q.query<ApiKeyRow>(
      `INSERT INTO api_keys AS k (user_id, name, key_hash, key_prefix, scopes, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [key.userId, key.name, key.keyHash, key.keyPrefix, key.scopes, key.expiresAt ?? null],
    );
    return toApiKey(rows[0]!);
  }

  async findActiveByHash(keyHash: Buffer): Promise<{ key: ApiKeyRecord; owner: UserRecord } | null> {
    const { rows } = await this.q.query<UserRow & { key_id: string; key_name: string; key_prefix: string; scopes: ApiKeyScope[]; expires_at: Date | null; last_used_at: Date | null; key_created_at: Date }>(
      `SELECT k.id AS key_id, k.name AS key_name, k.key_prefix, k.scopes, k.expires_at, k.last_used_at, k.created_at AS key_created_at,
              ${USER_COLUMNS.split(", ").map((c) => `u.${c}`).join(", ")}
         FROM api_keys k JOIN users u ON u.id = k.user_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now()) AND u.is_active`,
      [keyHash],
    );
    const row = rows[0];
    if (!row) return null;
    const key: ApiKeyRecord = {
      id: row.key_id,
      userId: row.id,
      name: row.key_name,
      keyPrefix: row.key_prefix,
      scopes: row.scopes,
      expiresAt: row.expires_at,
      lastUsedAt: row.last_used_at,
      revokedAt: null,
      createdAt: row.key_created_at,
    };
    return { key, owner: toUser(row) };
  }

  async listForUser(userId: string, options: { includeRevoked?: boolean } = {}): Promise<ApiKeyRecord[]> {
    if (!isUuid(userId)) return [];
    const { rows } = await this.q.query<ApiKeyRow>(
      `SELECT ${COLUMNS} FROM api_keys k WHERE k.user_id = $1 ${options.includeRevoked ? "" : "AND k.revoked_at IS NULL"} ORDER BY k.created_at DESC`,
      [userId],
    );
    return rows.map(toApiKey);
  }

  async findById(id: string): Promise<ApiKeyRecord | null> {
    if (!isUuid(id)) return null;
    const { rows } = await this.q.query<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_keys k WHERE k.id = $1`, [id]);
    return rows[0] ? toApiKey(rows[0]) : null;
  }

  async revoke(id: string, options: { ownerId?: string } = {}): Promise<boolean> {
    if (!isUuid(id)) return false;
    const { rowCount } = await this.q.query(
      `UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR user_id = $2)`,
      [id, options.ownerId ?? null],
    );
    return rowCount === 1;
  }

  /** Revokes every key of an account (deactivation, password reset); resolves to how many. */
  async revokeAllForUser(userId: string): Promise<number> {
    if (!isUuid(userId)) return 0;
    const { rowCount } = await this.q.query(`UPDATE api_keys SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
    return rowCount ?? 0;
  }

  async touch(id: string): Promise<void> {
    await this.q.query(
      `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
