import { z } from "zod";
import { BACKUP_TYPES } from "../../lib/backup-kinds";
import { bucketFrom } from "../../backup/job";
import { entryView, listAll } from "../../backup/listing";
import type { ApiRouter, RouteModule } from "../http/route-kit";
import { launcherFor, type RunningBackup } from "./backup-launcher";

/**
 * /api/admin/backups: what backups there are (on this host's BACKUP_DIR and in the bucket), a
 * backup taken now (dumped, verified, uploaded, in the background), and the last verification.
 * Each call writes an audit row. A backup runs where backup-launcher.ts says: the prod stack's
 * backup task, or the API process itself (the app image carries postgresql-client-15).
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

const RunningSchema = z.object({
  type: z.enum(BACKUP_TYPES),
  since: z.iso.datetime(),
  /** The ECS task taking it (prod stack); null when the API's own process does. */
  task_arn: z.string().nullable(),
});

const runningView = (b: RunningBackup) => ({ type: b.type, since: b.since.toISOString(), task_arn: b.taskArn });

export const backupRoutes: RouteModule = {
  base: "/api/admin/backups",
  tag: "admin",
  register(r: ApiRouter) {
    r.route({
      method: "get",
      path: "/",
      summary: "Backups, locally and in the bucket, newest first",
      auth: ADMIN,
      response: z.object({
        backups: z.array(EntrySchema),
        running: RunningSchema.nullable(),
        /** Why whether a backup runs is not known (ECS would not list its tasks); the list is still the list. */
        running_unknown: z.string().optional(),
      }),
      handler: async ({ deps, audit }) => {
        const [entries, now] = await Promise.all([
          listAll(deps.config.backupDir, bucketFrom(deps.config)),
          launcherFor(deps).running().then(
            (r) => ({ running: r }),
            (e: Error) => ({ unknown: e.message }),
          ),
        ]);
        await audit({ action: "backup.list", resourceType: "backup", details: { count: entries.length } });
        const running = "running" in now && now.running ? runningView(now.running) : null;
        return { backups: entries.map(entryView), running, ...("unknown" in now ? { running_unknown: now.unknown } : {}) };
      },
    });

    r.route({
      method: "post",
      path: "/",
      summary: "Take a backup now (in the prod stack, as the backup task): dumped, verified by a restore into a scratch database, uploaded when a bucket is configured",
      auth: ADMIN,
      body: z.object({ type: z.enum(BACKUP_TYPES) }),
      status: 202,
      response: z.object({ status: z.literal("started"), type: z.enum(BACKUP_TYPES), started_at: z.iso.datetime(), task_arn: z.string().nullable() }),
      errors: { 409: "A backup is already running, or the database is the embedded one", 503: "ECS would not list or start the backup task" },
      handler: async ({ deps, body, principal, audit }) => {
        const started = await launcherFor(deps).start(body.type, { id: principal.userId, username: principal.username });
        await audit({ action: "backup.trigger", resourceType: "backup", resourceId: body.type, details: { type: body.type, task_arn: started.taskArn } });
        return { status: "started" as const, type: body.type, started_at: started.since.toISOString(), task_arn: started.taskArn };
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
