import { DescribeTasksCommand, ECSClient, ListTasksCommand, RunTaskCommand, type RunTaskCommandInput, type Task } from "@aws-sdk/client-ecs";
import { backupKind, isBackupType, type BackupType } from "../lib/backup-kinds";
import type { BackupTaskSettings } from "../lib/config/load-config";

/**
 * A backup taken as a one-shot ECS task (the prod stack's scheduled backup task definition),
 * started on demand with RunTask. The task logs in as the schema's owner, which may create the
 * scratch database the verification restores into; the API's own role may not.
 */

/** ECS's startedBy of the tasks the admin API starts: how a second trigger finds the first. */
export const ADMIN_BACKUP_STARTED_BY = "nps-admin-backup";

export interface RunningBackupTask {
  readonly type: BackupType;
  readonly since: Date;
  readonly taskArn: string;
}

/** The region is the cluster's: arn:aws:ecs:REGION:ACCOUNT:cluster/NAME. */
export function createEcsClient(task: BackupTaskSettings): ECSClient {
  return new ECSClient({ region: task.cluster.split(":")[3] });
}

/** RunTask's input: the kind's scheduled command line (the same one the schedule runs) in the backup task's container. */
export function runTaskInput(task: BackupTaskSettings, type: BackupType): RunTaskCommandInput {
  return {
    cluster: task.cluster,
    taskDefinition: task.taskDefinition,
    launchType: "FARGATE",
    count: 1,
    startedBy: ADMIN_BACKUP_STARTED_BY,
    networkConfiguration: { awsvpcConfiguration: { subnets: [...task.subnets], securityGroups: [...task.securityGroups], assignPublicIp: "DISABLED" } },
    overrides: { containerOverrides: [{ name: task.container, command: [...backupKind(type).command] }] },
  };
}

/** The kind a task started by runTaskInput backs up: the --type of its command override. */
export function typeOfTask(t: Task, container: string): BackupType | undefined {
  const command = t.overrides?.containerOverrides?.find((c) => c.name === container)?.command ?? [];
  const value = command[command.indexOf("--type") + 1];
  return command.includes("--type") && value !== undefined && isBackupType(value) ? value : undefined;
}

/** Starts one backup task; the task's ARN, or the reason ECS gives for not starting it. */
export async function startBackupTask(client: ECSClient, task: BackupTaskSettings, type: BackupType): Promise<string> {
  const out = await client.send(new RunTaskCommand(runTaskInput(task, type)));
  const arn = out.tasks?.[0]?.taskArn;
  if (arn) return arn;
  const reasons = (out.failures ?? []).map((f) => [f.reason, f.detail].filter(Boolean).join(": ")).join("; ");
  throw new Error(`ECS did not start the backup task${reasons ? `: ${reasons}` : ""}`);
}

/** The oldest backup task the admin API started that has not stopped yet (pending counts). */
export async function runningBackupTask(client: ECSClient, task: BackupTaskSettings): Promise<RunningBackupTask | undefined> {
  const listed = await client.send(new ListTasksCommand({ cluster: task.cluster, startedBy: ADMIN_BACKUP_STARTED_BY, desiredStatus: "RUNNING" }));
  const arns = listed.taskArns ?? [];
  if (arns.length === 0) return undefined;
  const described = await client.send(new DescribeTasksCommand({ cluster: task.cluster, tasks: arns }));
  const running: RunningBackupTask[] = [];
  for (const t of described.tasks ?? []) {
    const type = typeOfTask(t, task.container);
    // A task that is not one of ours (no backup command override) is left out of the count.
    if (!type || !t.taskArn || t.lastStatus === "STOPPED") continue;
    running.push({ type, since: t.createdAt ?? t.startedAt ?? new Date(), taskArn: t.taskArn });
  }
  return running.sort((a, b) => a.since.getTime() - b.since.getTime())[0];
}
