import { z } from "zod";
import { BACKUP_TYPES, type BackupType } from "../../lib/backup-kinds";
import { bucketFrom, runBackupJob } from "../../backup/job";
import { entryView, listAll } from "../../backup/listing";
import type { ApiDeps } from "../deps";
import { conflict, HttpError } from "../http/errors";
import type { ApiRouter, RouteModule } from "../http/route-kit";

/**
 * /api/admin/backups: what backups there are (on this host's BACKUP_DIR and in the bucket), a
 * backup taken now (dumped, verified, uploaded, in the background), and the last verification.
 * Each call writes an audit row. The API process runs pg_dump/psql itself (the app image
 * carries postgresql-client-15).
 */

const ADMIN = { scopes: ["admin"] } as const;

const EntrySchema = z.object({
  name: z.string(),
  type: z.enum(BACKUP_TYPES),
  timestamp: z.iso.datetime(),
  location: z.enum(["local", "s3"]),
  where: z.string(),
  size_bytes: z.number().int(),
  sha256: z.string().nullable(),
  schema_version: z.string().nullable(),
  rows: z.number().int().nullable(),
  verified: z.object({ at: z.string(), ok: z.boolean() }).nullable(),
});

/** One backup at a time per API process; a second request while one runs is a 409. */
const running = new WeakMap<ApiDeps, { type: BackupType; since: Date }>();

function serverUrl(deps: ApiDeps): string {
  if (deps.db.kind !== "postgres") throw new HttpError(409, "conflict", "backups need a PostgreSQL server; the embedded database is backed up by copying NPS_DATA_DIR");
  return deps.db.url;
}

export const backupRoutes: RouteModule = {
  base: "/api/admin/backups",
  tag: "admin",
  register(r: ApiRouter) {
    r.route({
      method: "get",
      path: "/",
      summary: "Backups, locally and in the bucket, newest first",
      auth: ADMIN,
      response: z.object({ backups: z.array(EntrySchema), running: z.object({ type: z.enum(BACKUP_TYPES), since: z.iso.datetime() }).nullable() }),
      handler: async ({ deps, audit }) => {
        const entries = await listAll(deps.config.backupDir, bucketFrom(deps.config));
        await audit({ action: "backup.list", resourceType: "backup", details: { count: entries.length } });
        const now = running.get(deps);
        return { backups: entries.map(entryView), running: now ? { type: now.type, since: now.since.toISOString() } : null };
      },
    });

    r.route({
      method: "post",
      path: "/",
      summary: "Take a backup now: dumped, verified by a restore into a scratch database, uploaded when a bucket is configured",
      auth: ADMIN,
      body: z.object({ type: z.enum(BACKUP_TYPES) }),
      status: 202,
      response: z.object({ status: z.literal("started"), type: z.enum(BACKUP_TYPES), started_at: z.iso.datetime() }),
      errors: { 409: "A backup is already running, or the database is the embedded one" },
      handler: async ({ deps, body, principal, audit }) => {
        const url = serverUrl(deps);
        const busy = running.get(deps);
        if (busy) throw conflict(`a ${busy.type} backup has been running since ${busy.since.toISOString()}`, "type");
        const since = new Date();
        running.set(deps, { type: body.type, since });
        await audit({ action: "backup.trigger", resourceType: "backup", resourceId: body.type, details: { type: body.type } });
        void runBackupJob({
          kind: body.type,
          url,
          backupDir: deps.config.backupDir,
          retentionDays: deps.config.backup.retentionDays,
          bucket: bucketFrom(deps.config),
          verify: true,
          logger: deps.logger,
          actor: { id: principal.userId, username: principal.username },
        })
          .catch(() => undefined) // recorded by the job: log, audit row
          .finally(() => running.delete(deps));
        return { status: "started" as const, type: body.type, started_at: since.toISOString() };
      },
    });

    r.route({
      method: "get",
      path: "/verification",
      summary: "The most recent verification of a backup (restored into a scratch database and checked)",
      auth: ADMIN,
      response: z.object({
        verification: z
          .object({
            backup: z.string(),
            type: z.enum(BACKUP_TYPES),
            backup_timestamp: z.iso.datetime(),
            verified_at: z.string(),
            ok: z.boolean(),
            row_counts: z.record(z.string(), z.number().int()),
            expected_row_counts: z.record(z.string(), z.number().int()),
            error: z.string().nullable(),
          })
          .nullable(),
      }),
      handler: async ({ deps, audit }) => {
        const entries = await listAll(deps.config.backupDir, bucketFrom(deps.config));
        const checked = entries.filter((e) => e.sidecar?.verification).sort((a, b) => Date.parse(b.sidecar!.verification!.verified_at) - Date.parse(a.sidecar!.verification!.verified_at));
        const last = checked[0];
        await audit({ action: "backup.verification_view", resourceType: "backup", resourceId: last?.name, details: { found: last !== undefined } });
        if (!last?.sidecar?.verification) return { verification: null };
        const v = last.sidecar.verification;
        return {
          verification: {
            backup: last.name,
            type: last.type,
            backup_timestamp: last.timestamp.toISOString(),
            verified_at: v.verified_at,
            ok: v.ok,
            row_counts: v.row_counts,
            expected_row_counts: last.sidecar.row_counts,
            error: v.error ?? null,
          },
        };
      },
    });
  },
};
