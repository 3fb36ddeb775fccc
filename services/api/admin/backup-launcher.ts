import type { ECSClient } from "@aws-sdk/client-ecs";
import type { BackupType } from "../../lib/backup-kinds";
import type { BackupTaskSettings } from "../../lib/config/load-config";
import { bucketFrom, runBackupJob } from "../../backup/job";
import { createEcsClient, runningBackupTask, startBackupTask } from "../../backup/backup-task";
import type { ApiDeps } from "../deps";
import { conflict, HttpError, serviceUnavailable } from "../http/errors";

/**
 * Where a backup the admin API is asked for runs. In the prod stack (NPS_BACKUP_TASK_* set) it is
 * the scheduled backup task, started with ECS RunTask: that task logs in as the schema's owner,
 * while the API's own role cannot create the scratch database a verification restores into. In
 * the dev stack and under `nps start` the API runs it in its own process, as the schema's owner.
 */

export interface RunningBackup {
  readonly type: BackupType;
  readonly since: Date;
  /** The ECS task taking it; null when it runs in the API's process. */
  readonly taskArn: string | null;
}

export interface BackupLauncher {
  running(): Promise<RunningBackup | undefined>;
  /** Starts one, or throws a 409 while one is running. */
  start(type: BackupType, actor: { readonly id: string; readonly username: string }): Promise<RunningBackup>;
}

const launchers = new WeakMap<ApiDeps, BackupLauncher>();

/** One launcher per app: the in-process one remembers what it runs, the ECS one keeps its client. */
export function launcherFor(deps: ApiDeps): BackupLauncher {
  let l = launchers.get(deps);
  if (!l) {
    const task = deps.config.backup.task;
    l = task ? ecsLauncher(createEcsClient(task), task) : inProcessLauncher(deps);
    launchers.set(deps, l);
  }
  return l;
}

const busy = (b: RunningBackup) =>
  conflict(`a ${b.type} backup has been running since ${b.since.toISOString()}${b.taskArn ? ` (ECS task ${b.taskArn})` : ""}`, "type");

/** One backup at a time per API process; a second request while one runs is a 409. */
function inProcessLauncher(deps: ApiDeps): BackupLauncher {
  let now: RunningBackup | undefined;
  return {
    running: async () => now,
    start: async (type, actor) => {
      if (deps.db.kind !== "postgres") throw new HttpError(409, "conflict", "backups need a PostgreSQL server; the embedded database is backed up by copying NPS_DATA_DIR");
      if (now) throw busy(now);
      const started: RunningBackup = { type, since: new Date(), taskArn: null };
      now = started;
      void runBackupJob({
        kind: type,
        url: deps.db.url,
        backupDir: deps.config.backupDir,
        retentionDays: deps.config.backup.retentionDays,
        bucket: bucketFrom(deps.config),
        verify: true,
        logger: deps.logger,
        actor,
      })
        .catch(() => undefined) // recorded by the job: log, audit row
        .finally(() => {
          now = undefined;
        });
      return started;
    },
  };
}

/** A failed ECS call is the platform's trouble, not the caller's: a 503 that says what ECS said. */
async function ecs<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw serviceUnavailable(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * A backup task at a time across the API's replicas: ECS lists the tasks started by the admin
 * API that have not stopped. Within one process the check and the start are one step, so two
 * requests at once cannot both pass the check.
 */
function ecsLauncher(client: ECSClient, task: BackupTaskSettings): BackupLauncher {
  let starting = false;
  const running = async (): Promise<RunningBackup | undefined> => ecs("listing the backup tasks failed", () => runningBackupTask(client, task));
  return {
    running,
    start: async (type) => {
      if (starting) throw conflict("a backup task is being started", "type");
      starting = true;
      try {
        const now = await running();
        if (now) throw busy(now);
        const since = new Date();
        const taskArn = await ecs("starting the backup task failed", () => startBackupTask(client, task, type));
        return { type, since, taskArn };
      } finally {
        starting = false;
      }
    },
  };
}
