import fs from "node:fs";
import path from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { BACKUP_KINDS, type BackupType } from "../lib/backup-kinds";
import { DUMP_SUFFIX, kindDir, parseDumpName, sidecarNameOf, SidecarSchema, totalRows, type Sidecar } from "./backup-files";
import { expired } from "./retention";
import { deleteObject, getText, keyOf, listObjects, s3Url, type S3Location } from "./s3-store";
import { sidecarPathOf } from "./sidecar-io";

/**
 * What backups there are, locally under BACKUP_DIR and in the bucket, newest first, each with
 * its sidecar when it has one; and retention, which deletes exactly those past their kind's age.
 */

export interface BackupEntry {
  readonly name: string;
  readonly type: BackupType;
  readonly timestamp: Date;
  readonly location: "local" | "s3";
  /** A local path, or an s3:// URL. */
  readonly where: string;
  readonly sizeBytes: number;
  readonly sidecar: Sidecar | undefined;
}

function parseSidecar(text: string | undefined): Sidecar | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = SidecarSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const newestFirst = (a: BackupEntry, b: BackupEntry) => b.timestamp.getTime() - a.timestamp.getTime() || a.location.localeCompare(b.location);

export async function listLocal(backupDir: string): Promise<BackupEntry[]> {
  const out: BackupEntry[] = [];
  for (const k of BACKUP_KINDS) {
    const dir = kindDir(backupDir, k.kind);
    let names: string[];
    try {
      names = await fs.promises.readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const parsed = parseDumpName(name);
      if (!parsed || parsed.kind !== k.kind) continue;
      const file = path.join(dir, name);
      const stat = await fs.promises.stat(file).catch(() => undefined);
      if (!stat?.isFile()) continue;
      const sidecar = parseSidecar(await fs.promises.readFile(sidecarPathOf(file), "utf8").catch(() => undefined));
      out.push({ name, type: parsed.kind, timestamp: parsed.at, location: "local", where: file, sizeBytes: stat.size, sidecar });
    }
  }
  return out.sort(newestFirst);
}

export async function listBucket(client: S3Client, loc: S3Location): Promise<BackupEntry[]> {
  const out: BackupEntry[] = [];
  for (const k of BACKUP_KINDS) {
    const objects = await listObjects(client, loc, `${loc.prefix}${k.prefix}`);
    for (const o of objects) {
      const name = path.posix.basename(o.key);
      const parsed = parseDumpName(name);
      if (!parsed || parsed.kind !== k.kind || !name.endsWith(DUMP_SUFFIX)) continue;
      const sidecar = parseSidecar(await getText(client, loc, keyOf(loc, k.kind, sidecarNameOf(name))));
      out.push({ name, type: k.kind, timestamp: parsed.at, location: "s3", where: s3Url(loc, o.key), sizeBytes: o.size, sidecar });
    }
  }
  return out.sort(newestFirst);
}

export async function listAll(backupDir: string, bucket?: { client: S3Client; loc: S3Location }): Promise<BackupEntry[]> {
  const local = await listLocal(backupDir);
  const remote = bucket ? await listBucket(bucket.client, bucket.loc) : [];
  return [...local, ...remote].sort(newestFirst);
}

export async function pruneLocal(backupDir: string, retentionDays: Readonly<Record<BackupType, number>>, now: Date): Promise<string[]> {
  const gone = expired(await listLocal(backupDir), retentionDays, now);
  for (const e of gone) {
    await fs.promises.rm(e.where, { force: true });
    await fs.promises.rm(sidecarPathOf(e.where), { force: true });
  }
  return gone.map((e) => e.where);
}

export async function pruneBucket(client: S3Client, loc: S3Location, retentionDays: Readonly<Record<BackupType, number>>, now: Date): Promise<string[]> {
  const entries: BackupEntry[] = [];
  for (const k of BACKUP_KINDS) {
    for (const o of await listObjects(client, loc, `${loc.prefix}${k.prefix}`)) {
      const parsed = parseDumpName(path.posix.basename(o.key));
      if (parsed && parsed.kind === k.kind) entries.push({ name: path.posix.basename(o.key), type: k.kind, timestamp: parsed.at, location: "s3", where: o.key, sizeBytes: o.size, sidecar: undefined });
    }
  }
  const gone = expired(entries, retentionDays, now);
  for (const e of gone) {
    await deleteObject(client, loc, e.where);
    await deleteObject(client, loc, keyOf(loc, e.type, sidecarNameOf(e.name)));
  }
  return gone.map((e) => s3Url(loc, e.where));
}

/** JSON for `nps backup list --json` and the admin API. */
export function entryView(e: BackupEntry) {
  return {
    name: e.name,
    type: e.type,
    timestamp: e.timestamp.toISOString(),
    location: e.location,
    where: e.where,
    size_bytes: e.sizeBytes,
    sha256: e.sidecar?.sha256 ?? null,
    schema_version: e.sidecar?.schema_version ?? null,
    rows: e.sidecar ? totalRows(e.sidecar) : null,
    verified: e.sidecar?.verification ? { at: e.sidecar.verification.verified_at, ok: e.sidecar.verification.ok } : null,
  };
}
