import { totalRows, type Sidecar } from "./backup-files";

/** The admin chat's words for a backup, a verification and a restore. Pure. */

export function humanBytes(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

export function backupSucceeded(s: Sidecar, seconds: number, where: readonly string[]): string {
  const verified = s.verification ? (s.verification.ok ? ", restored and checked" : `, VERIFICATION FAILED: ${s.verification.error ?? "row counts differ"}`) : "";
  return `✅ NPS ${s.type} backup ${s.filename}: ${humanBytes(s.size_bytes)}, ${s.tables.length} tables, ${totalRows(s)} rows in ${seconds.toFixed(1)} s${verified}\n${where.join("\n")}`;
}

export function backupFailed(type: string, reason: string): string {
  return `❌ NPS ${type} backup FAILED: ${reason}`;
}

export function restoreSucceeded(name: string, database: string, rows: Record<string, number>): string {
  return `♻️ NPS restore of ${name} into ${database} done: ${Object.values(rows).reduce((a, b) => a + b, 0)} rows in ${Object.keys(rows).length} tables`;
}

export function restoreFailed(name: string, reason: string): string {
  return `❌ NPS restore of ${name} FAILED, nothing was changed: ${reason}`;
}
