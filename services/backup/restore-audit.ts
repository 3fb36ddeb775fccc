import pg from "pg";
import { AuditLogRepository } from "../lib/db/repositories/audit-log";

/** The audit row of a restore (after it committed, or after it was refused); never fails the command. */
export async function recordRestore(url: string, details: { backup: string } & Record<string, unknown>, success: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: "nps-restore" });
  try {
    await client.connect();
    await new AuditLogRepository(client).append({
      action: "backup.restore",
      success,
      actorUsername: "nps-cli",
      resourceType: "backup",
      resourceId: details.backup,
      severity: success ? "warning" : "error",
      details,
    });
  } catch {
    // A database that cannot take the row (it may be what failed) must not hide the restore's own outcome.
  } finally {
    await client.end().catch(() => undefined);
  }
}
