import type { Queryable } from "../database";
import { isUuid, Params, type Viewer } from "../paging";

/**
 * Share links. Only a SHA-256 of the token is stored (services/lib/crypto/tokens.ts issues it);
 * the owner sees the token once. shared_parts says what a visitor may see.
 *
 *   create({ readingId, createdBy, tokenHash, expiresAt, sharedParts })
 *   countActiveForReading(readingId)          for a per-reading cap
 *   open(tokenHash)                           counts a view, atomically:
 *       { status: "ok", link }                link.readingId: read it with readings.get(id, SYSTEM_VIEWER)
 *       { status: "expired" }                 (410)
 *       { status: "not_found" }               unknown, revoked, or its reading deleted (404)
 *   listForReading(readingId, viewer) / listForUser(userId)
 *   revoke(id, viewer) / revokeByToken(tokenHash, viewer)   true when a live link was revoked
 */

export const SHARED_PARTS = ["result", "interpretation", "question", "profile"] as const;
export type SharedPart = (typeof SHARED_PARTS)[number];

export interface ShareLink {
  readonly id: string;
  readonly readingId: string;
  readonly createdBy: string;
  readonly sharedParts: SharedPart[];
  readonly expiresAt: Date;
  readonly viewCount: number;
  readonly lastViewedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly createdAt: Date;
}

export type ShareOpen = { readonly status: "ok"; readonly link: ShareLink } | { readonly status: "expired" | "not_found" };

interface ShareRow {
  id: string;
  reading_id: string;
  created_by: string;
  shared_parts: SharedPart[];
  expires_at: Date;
  view_count: number;
  last_viewed_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}

const COLUMNS = "s.id, s.reading_id, s.created_by, s.shared_parts, s.expires_at, s.view_count, s.last_viewed_at, s.revoked_at, s.created_at";

const toLink = (r: ShareRow): ShareLink => ({
  id: r.id,
  readingId: r.reading_id,
  createdBy: r.created_by,
  sharedParts: r.shared_parts,
  expiresAt: r.expires_at,
  viewCount: r.view_count,
  lastViewedAt: r.last_viewed_at,
  revokedAt: r.revoked_at,
  createdAt: r.created_at,
});

export class ShareLinksRepository {
  constructor(private readonly q: Queryable) {}

  async create(input: { readingId: string; createdBy: string; tokenHash: Buffer; expiresAt: Date; sharedParts?: readonly SharedPart[] }): Promise<ShareLink> {
    const { rows } = await this.q.query<ShareRow>(
      `INSERT INTO oracle_share_links AS s (reading_id, created_by, token_hash, expires_at, shared_parts)
       VALUES ($1, $2, $3, $4, coalesce($5::text[], ARRAY['result', 'interpretation']::text[]))
       RETURNING ${COLUMNS}`,
      [input.readingId, input.createdBy, input.tokenHash, input.expiresAt, input.sharedParts ?? null],
    );
    return toLink(rows[0]!);
  }

  async countActiveForReading(readingId: string): Promise<number> {
    if (!isUuid(readingId)) return 0;
    const { rows } = await this.q.query<{ n: number }>(
      `SELECT count(*) AS n FROM oracle_share_links WHERE reading_id = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [readingId],
    );
    return rows[0]!.n;
  }

  async open(tokenHash: Buffer): Promise<ShareOpen> {
    const { rows } = await this.q.query<ShareRow>(
      `UPDATE oracle_share_links s SET view_count = s.view_count + 1, last_viewed_at = now()
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND EXISTS (SELECT 1 FROM oracle_readings r WHERE r.id = s.reading_id AND r.deleted_at IS NULL)
        RETURNING ${COLUMNS}`,
      [tokenHash],
    );
    if (rows[0]) return { status: "ok", link: toLink(rows[0]) };
    const { rows: found } = await this.q.query<{ expired: boolean }>(
      `SELECT s.expires_at <= now() AS expired
         FROM oracle_share_links s JOIN oracle_readings r ON r.id = s.reading_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND r.deleted_at IS NULL`,
      [tokenHash],
    );
    return { status: found[0]?.expired ? "expired" : "not_found" };
  }

  async listForReading(readingId: string, viewer: Viewer): Promise<ShareLink[]> {
    if (!isUuid(readingId)) return [];
    const p = new Params();
    const { rows } = await this.q.query<ShareRow>(
      `SELECT ${COLUMNS} FROM oracle_share_links s
        WHERE s.reading_id = ${p.add(readingId)} ${viewer.seesAll ? "" : `AND s.created_by = ${p.add(viewer.userId)}`}
        ORDER BY s.created_at DESC`,
      p.values,
    );
    return rows.map(toLink);
  }

  async listForUser(userId: string): Promise<ShareLink[]> {
    if (!isUuid(userId)) return [];
    const { rows } = await this.q.query<ShareRow>(`SELECT ${COLUMNS} FROM oracle_share_links s WHERE s.created_by = $1 ORDER BY s.created_at DESC`, [userId]);
    return rows.map(toLink);
  }

  async revoke(id: string, viewer: Viewer): Promise<boolean> {
    if (!isUuid(id)) return false;
    return this.revokeWhere("s.id", id, viewer);
  }

  async revokeByToken(tokenHash: Buffer, viewer: Viewer): Promise<boolean> {
    return this.revokeWhere("s.token_hash", tokenHash, viewer);
  }

  private async revokeWhere(column: string, value: unknown, viewer: Viewer): Promise<boolean> {
    const p = new Params();
    const { rowCount } = await this.q.query(
      `UPDATE oracle_share_links s SET revoked_at = now()
        WHERE ${column} = ${p.add(value)} AND s.revoked_at IS NULL ${viewer.seesAll ? "" : `AND s.created_by = ${p.add(viewer.userId)}`}`,
      p.values,
    );
    return rowCount === 1;
  }
}
