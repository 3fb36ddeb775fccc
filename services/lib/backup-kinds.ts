/**
 * The two kinds of backup, declared once: what each is called on disk, when the backup service
 * takes it (cron, UTC), how long it is kept, where it lands in the S3 bucket, and the command
 * line that takes one. The backup service, its CLI, the catalog (the prod stack's scheduled
 * tasks, the bucket's lifecycle rules, the alert rules) and the env spec's defaults all read
 * this list, so a schedule, a retention or the command cannot disagree between them.
 */

export const BACKUP_TYPES = ["oracle", "full"] as const;
export type BackupType = (typeof BACKUP_TYPES)[number];

export function isBackupType(s: string): s is BackupType {
  return (BACKUP_TYPES as readonly string[]).includes(s);
}

export interface BackupKindSpec {
  readonly kind: BackupType;
  readonly summary: string;
  /** Cron expression, UTC (the seed's schedule). */
  readonly schedule: string;
  /** Days a backup of this kind is kept, on disk and in the bucket. */
  readonly retentionDays: number;
  /** Key prefix in the S3 bucket (the lifecycle rules filter on it). */
  readonly prefix: string;
  /** Sub-directory of BACKUP_DIR ("" for the directory itself), as the seed lays them out. */
  readonly localDir: string;
  /** File names are `<stem>_<YYYYMMDD_HHMMSS>.sql.gz` with a `.meta.json` sidecar beside them. */
  readonly fileStem: string;
  /** The scheduled run: backup, verify what was written, upload, retention, metrics, admin chat. */
  readonly command: readonly string[];
}

/** The command line of one scheduled run of a kind (the prod stack's scheduled tasks run it). */
export function scheduledBackupCommand(kind: BackupType): readonly string[] {
  return ["nps", "backup", "--type", kind, "--non-interactive", "--verify", "--notify"];
}

export const BACKUP_KINDS = [
  {
    kind: "oracle",
    summary: "the Oracle tables (profiles, readings and what hangs off them, the audit log)",
    schedule: "0 0 * * *",
    retentionDays: 30,
    prefix: "oracle/",
    localDir: "oracle",
    fileStem: "oracle_full",
    command: scheduledBackupCommand("oracle"),
  },
  {
    kind: "full",
    summary: "the whole database",
    schedule: "0 3 * * 0",
    retentionDays: 60,
    prefix: "full/",
    localDir: "",
    fileStem: "nps_backup",
    command: scheduledBackupCommand("full"),
  },
] as const satisfies readonly BackupKindSpec[];

export type BackupKind = BackupType;

export function backupKind(kind: BackupType): BackupKindSpec {
  const spec = BACKUP_KINDS.find((k) => k.kind === kind);
  if (!spec) throw new Error(`unknown backup type ${kind}`);
  return spec;
}
