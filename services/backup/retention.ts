import type { BackupType } from "../lib/backup-kinds";

/**
 * Which backups are past their kind's age, by the time in their name (a copy or an upload keeps
 * the name, not the file's mtime). Pure; listing.ts and the stores do the deleting.
 */

const DAY_MS = 24 * 3600 * 1000;

export interface Dated {
  readonly type: BackupType;
  readonly timestamp: Date;
}

export function isExpired(entry: Dated, retentionDays: Readonly<Record<BackupType, number>>, now: Date): boolean {
  return now.getTime() - entry.timestamp.getTime() > retentionDays[entry.type] * DAY_MS;
}

export function expired<T extends Dated>(entries: readonly T[], retentionDays: Readonly<Record<BackupType, number>>, now: Date): T[] {
  return entries.filter((e) => isExpired(e, retentionDays, now));
}
