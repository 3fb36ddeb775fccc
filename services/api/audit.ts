import type { Request } from "express";
import type { AuditLogRepository, Severity } from "../lib/db/repositories/audit-log";
import type { Logger } from "../lib/logger";

/**
 * One audit row as a route describes it. The actor, API key and address come from the request;
 * routes name what happened. Never put secrets, questions or mother names in details.
 */
export interface AuditEntry {
  /** Dotted lowercase name: auth.login, auth.failed, system_user.role_change, oracle_reading.delete... */
  readonly action: string;
  readonly success?: boolean;
  readonly resourceType?: string;
  readonly resourceId?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly severity?: Severity;
  /** For events before a principal exists (a login): who it concerns. */
  readonly actor?: { readonly id: string | null; readonly username: string | null };
}

/** Actions an operator must look at; they are logged critical. */
const CRITICAL_ACTIONS: ReadonlySet<string> = new Set(["auth.lockout", "auth.refresh_reuse"]);

/** The severity of an entry that did not choose one: failures of auth warn, other failures are errors, removals warn. */
export function deriveSeverity(action: string, success: boolean): Severity {
  if (CRITICAL_ACTIONS.has(action)) return "critical";
  if (!success) return action.startsWith("auth.") ? "warning" : "error";
  if (/delete|deactivate|revoke|reset/.test(action)) return "warning";
  return "info";
}

/** Writes an entry for a request; a failed write is logged, never thrown (the action itself already happened). */
export async function recordAudit(audit: AuditLogRepository, logger: Logger, req: Request, entry: AuditEntry): Promise<void> {
  const success = entry.success ?? true;
  const principal = req.principal;
  try {
    await audit.append({
      action: entry.action,
      success,
      actorId: entry.actor ? entry.actor.id : (principal?.userId ?? null),
      actorUsername: entry.actor ? entry.actor.username : (principal?.username ?? null),
      apiKeyId: principal?.apiKeyId ?? null,
      resourceType: entry.resourceType ?? null,
      resourceId: entry.resourceId ?? null,
      ipAddress: req.ip ?? null,
      severity: entry.severity ?? deriveSeverity(entry.action, success),
      details: entry.details ?? {},
    });
  } catch (err) {
    logger.error({ err, action: entry.action }, "audit row not written");
  }
}
