import { isIP } from "node:net";
import type { Queryable } from "../database";
import { clampPage, isUuid, Params, toPage, type Page, type PageRequest } from "../paging";

/**
 * The audit log: append-only (the table refuses UPDATE, DELETE and TRUNCATE). Actions are
 * lowercase dotted names such as "auth.login" or "oracle_user.create". Never put secrets,
 * questions or mother names in details.
 *
 *   append(entry)      the new entry's id; an address that is not an IP is kept in details.source instead
 *   list(filters)      newest first, with paging (limit up to 200)
 *   countFailuresSince(since)
 */

export const SEVERITIES = ["debug", "info", "warning", "error", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface AuditEntryInput {
  readonly action: string;
  readonly success: boolean;
  readonly actorId?: string | null;
  readonly actorUsername?: string | null;
  readonly apiKeyId?: string | null;
  readonly resourceType?: string | null;
  readonly resourceId?: string | null;
  readonly ipAddress?: string | null;
  readonly severity?: Severity;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface AuditEntry {
  readonly id: number;
  readonly occurredAt: Date;
  readonly actorId: string | null;
  readonly actorUsername: string | null;
  readonly apiKeyId: string | null;
  readonly action: string;
  readonly resourceType: string | null;
  readonly resourceId: string | null;
  readonly success: boolean;
  readonly ipAddress: string | null;
  readonly severity: Severity;
  readonly details: Record<string, unknown>;
}

export interface AuditQuery extends PageRequest {
  readonly action?: string;
  readonly actorId?: string;
  readonly resourceType?: string;
  readonly resourceId?: string;
  readonly success?: boolean;
  readonly severity?: Severity;
  readonly since?: Date;
  readonly until?: Date;
}

interface AuditRow {
  id: number;
  occurred_at: Date;
  actor_id: string | null;
  actor_username: string | null;
  api_key_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  success: boolean;
  ip_address: string | null;
  severity: Severity;
  details: Record<string, unknown>;
}

const COLUMNS = "id, occurred_at, actor_id, actor_username, api_key_id, action, resource_type, resource_id, success, host(ip_address) AS ip_address, severity, details";
export const AUDIT_MAX_LIMIT = 200;

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  occurredAt: r.occurred_at,
  actorId: r.actor_id,
  actorUsername: r.actor_username,
  apiKeyId: r.api_key_id,
  action: r.action,
  resourceType: r.resource_type,
  resourceId: r.resource_id,
  success: r.success,
  ipAddress: r.ip_address,
  severity: r.severity,
  details: r.details,
});

function cleanIp(address: string | null | undefined): string | null {
  if (!address) return null;
  const bare = address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  return isIP(bare) ? bare : null;
}

export class AuditLogRepository {
  constructor(private readonly q: Queryable) {}

  async append(entry: AuditEntryInput): Promise<number> {
    const ip = cleanIp(entry.ipAddress);
    const details = ip === null && entry.ipAddress ? { ...entry.details, source: entry.ipAddress } : (entry.details ?? {});
    const { rows } = await this.q.query<{ id: number }>(
      `INSERT INTO oracle_audit_log (actor_id, actor_username, api_key_id, action, resource_type, resource_id, success, ip_address, severity, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        entry.actorId ?? null,
        entry.actorUsername ?? null,
        entry.apiKeyId ?? null,
        entry.action,
        entry.resourceType ?? null,
        entry.resourceId ?? null,
        entry.success,
        ip,
        entry.severity ?? (entry.success ? "info" : "warning"),
        JSON.stringify(details),
      ],
    );
    return rows[0]!.id;
  }

  async list(query: AuditQuery = {}): Promise<Page<AuditEntry>> {
    const page = clampPage(query, AUDIT_MAX_LIMIT);
    const p = new Params();
    const where: string[] = [];
    if (query.action !== undefined) where.push(`action = ${p.add(query.action)}`);
    if (query.actorId !== undefined) where.push(isUuid(query.actorId) ? `actor_id = ${p.add(query.actorId)}` : "FALSE");
    if (query.resourceType !== undefined) where.push(`resource_type = ${p.add(query.resourceType)}`);
    if (query.resourceId !== undefined) where.push(`resource_id = ${p.add(query.resourceId)}`);
    if (query.success !== undefined) where.push(`success = ${p.add(query.success)}`);
    if (query.severity !== undefined) where.push(`severity = ${p.add(query.severity)}`);
    if (query.since !== undefined) where.push(`occurred_at >= ${p.add(query.since)}`);
    if (query.until !== undefined) where.push(`occurred_at <= ${p.add(query.until)}`);
    const filter = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const filterValues = [...p.values];
    const { rows } = await this.q.query<AuditRow & { total_count: number }>(
      `SELECT ${COLUMNS}, count(*) OVER () AS total_count FROM oracle_audit_log ${filter}
        ORDER BY occurred_at DESC, id DESC LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`,
      p.values,
    );
    return toPage(rows, toEntry, page, async () => {
      const c = await this.q.query<{ n: number }>(`SELECT count(*) AS n FROM oracle_audit_log ${filter}`, filterValues);
      return c.rows[0]!.n;
    });
  }

  async countFailuresSince(since: Date): Promise<number> {
    const { rows } = await this.q.query<{ n: number }>(`SELECT count(*) AS n FROM oracle_audit_log WHERE NOT success AND occurred_at >= $1`, [since]);
    return rows[0]!.n;
  }
}
