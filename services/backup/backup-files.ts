import path from "node:path";
import { z } from "zod";
import { BACKUP_KINDS, BACKUP_TYPES, backupKind, type BackupType } from "../lib/backup-kinds";

/**
 * What a backup is on disk: `<stem>_<YYYYMMDD_HHMMSS>.sql.gz`, gzip of a plain pg_dump with one
 * header line of our own in front, and `<stem>_<ts>.meta.json` beside it. Pure: names, the
 * sidecar's shape, the header line.
 */

export const BACKUP_FORMAT = "nps-backup/1";
export const DUMP_SUFFIX = ".sql.gz";
export const SIDECAR_SUFFIX = ".meta.json";
/** The dump's first line: `-- nps-backup {json}`; psql reads it as a comment. */
export const HEADER_PREFIX = "-- nps-backup ";

const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const VerificationSchema = z.object({
  verified_at: z.iso.datetime(),
  ok: z.boolean(),
  /** Row counts found in the scratch database. */
  row_counts: z.record(z.string(), z.number().int().nonnegative()),
  duration_seconds: z.number().nonnegative(),
  error: z.string().optional(),
});

export const SidecarSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  filename: z.string().regex(/^[a-z_]+_\d{8}_\d{6}\.sql\.gz$/),
  type: z.enum(BACKUP_TYPES),
  timestamp: z.iso.datetime(),
  size_bytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  tables: z.array(z.string().regex(TABLE_NAME)).min(1),
  row_counts: z.record(z.string().regex(TABLE_NAME), z.number().int().nonnegative()),
  database: z.string().min(1),
  /** The last migration applied when the backup was taken, e.g. 0005_audit_log. */
  schema_version: z.string().regex(/^\d+_[\w-]+$/),
  nps_version: z.string().min(1),
  server_version: z.string().min(1),
  verification: VerificationSchema.optional(),
});
export type Sidecar = z.infer<typeof SidecarSchema>;

/** The rows a backup holds, all tables together. */
export const totalRows = (s: Pick<Sidecar, "row_counts">): number => Object.values(s.row_counts).reduce((a, b) => a + b, 0);
export type Verification = z.infer<typeof VerificationSchema>;

export const HeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  type: z.enum(BACKUP_TYPES),
  timestamp: z.iso.datetime(),
  schema_version: z.string(),
  database: z.string(),
});
export type Header = z.infer<typeof HeaderSchema>;

export function headerLine(h: Header): string {
  return `${HEADER_PREFIX}${JSON.stringify(h)}\n`;
}

/** The header of a dump's first line, or undefined when the line is not one of ours. */
export function parseHeaderLine(line: string): Header | undefined {
  if (!line.startsWith(HEADER_PREFIX)) return undefined;
  try {
    const parsed = HeaderSchema.safeParse(JSON.parse(line.slice(HEADER_PREFIX.length)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** 2026-02-14T03:00:00.123Z -> 20260214_030000 (UTC). */
export function stampOf(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}_${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

export function dumpFileName(kind: BackupType, at: Date): string {
  return `${backupKind(kind).fileStem}_${stampOf(at)}${DUMP_SUFFIX}`;
}

export function sidecarNameOf(dumpName: string): string {
  return `${dumpName.slice(0, -DUMP_SUFFIX.length)}${SIDECAR_SUFFIX}`;
}

/** The kind and time a backup file name says, or undefined for a name that is not a backup's. */
export function parseDumpName(name: string): { kind: BackupType; at: Date } | undefined {
  const base = path.basename(name);
  for (const k of BACKUP_KINDS) {
    const m = new RegExp(`^${k.fileStem}_(\\d{4})(\\d{2})(\\d{2})_(\\d{2})(\\d{2})(\\d{2})\\.sql\\.gz$`).exec(base);
    if (!m) continue;
    const at = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
    if (Number.isNaN(at.getTime())) return undefined;
    return { kind: k.kind, at };
  }
  return undefined;
}

/** Where a kind's files live under BACKUP_DIR. */
export function kindDir(backupDir: string, kind: BackupType): string {
  return path.join(backupDir, backupKind(kind).localDir);
}

export function isSafeTableName(name: string): boolean {
  return TABLE_NAME.test(name);
}
