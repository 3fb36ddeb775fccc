import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { DescribeTasksCommand, ECSClient, ListTasksCommand, RunTaskCommand } from "@aws-sdk/client-ecs";
import { mockClient } from "aws-sdk-client-mock";
import { WORKLOADS } from "../../../infra/catalog";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { client } from "../oracle/testing/feature-client";

/**
 * The trigger route where the API is configured to take backups as the prod stack's backup task:
 * ECS is replaced at the SDK's boundary (every ECSClient's send), so what the route asks ECS for
 * is what would reach AWS.
 */
describe("admin backup trigger as an ECS task", function () {
  this.timeout(120_000);
  const t = useTestDatabase();
  const ecs = mockClient(ECSClient);
  const CLUSTER = "arn:aws:ecs:eu-west-1:123456789012:cluster/nps-prod";
  const DEFINITION = "arn:aws:ecs:eu-west-1:123456789012:task-definition/nps-prod-backup-full:7";
  const TASK = "arn:aws:ecs:eu-west-1:123456789012:task/nps-prod/0f1e2d3c4b5a69788796a5b4c3d2e1f0";
  let api: TestApi;
  let admin: SignedInUser;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-backup-task-"));
    api = await startTestApi(t.db, {
      env: {
        BACKUP_DIR: dir,
        NPS_BACKUP_TASK_CLUSTER: CLUSTER,
        NPS_BACKUP_TASK_DEFINITION: DEFINITION,
        NPS_BACKUP_TASK_CONTAINER: "backup-full",
        NPS_BACKUP_TASK_SUBNETS: "subnet-0aa1,subnet-0bb2",
        NPS_BACKUP_TASK_SECURITY_GROUPS: "sg-0cc3",
      },
    });
    admin = await api.signIn("admin");
  });
  beforeEach(() => ecs.reset());
  after(async () => {
    ecs.restore();
    await api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const scheduledCommand = (kind: string) => {
    const run = WORKLOADS.backup.prod;
    if (run.kind !== "jobs") throw new Error("the backup entry runs as scheduled jobs in prod");
    const job = run.jobs.find((j) => j.name === `backup-${kind}`);
    if (!job) throw new Error(`no scheduled backup-${kind}`);
    return [...job.command];
  };

  it("starts the backup task with the schedule's command line (202 with the task's ARN), audited; a second trigger while it runs is a 409", async () => {
    ecs.on(ListTasksCommand).resolves({ taskArns: [] });
    ecs.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK }], failures: [] });

    const started = await client(api, admin).post("/api/admin/backups", { type: "oracle" });
    expect(started.status).to.equal(202);
    expect(started.body).to.include({ status: "started", type: "oracle", task_arn: TASK });
    expect(Date.parse(started.body.started_at)).to.be.a("number").and.not.NaN;

    const runs = ecs.commandCalls(RunTaskCommand);
    expect(runs).to.have.length(1);
    expect(runs[0].args[0].input).to.deep.equal({
      cluster: CLUSTER,
      taskDefinition: DEFINITION,
      launchType: "FARGATE",
      count: 1,
      startedBy: "nps-admin-backup",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0aa1", "subnet-0bb2"], securityGroups: ["sg-0cc3"], assignPublicIp: "DISABLED" } },
      overrides: { containerOverrides: [{ name: "backup-full", command: scheduledCommand("oracle") }] },
    });
    expect(ecs.commandCalls(ListTasksCommand)[0].args[0].input).to.include({ cluster: CLUSTER, startedBy: "nps-admin-backup" });

    const audit = await t.db.query("SELECT actor_username, resource_id, success, details FROM oracle_audit_log WHERE action = 'backup.trigger'");
    expect(audit.rows).to.deep.equal([{ actor_username: admin.user.username, resource_id: "oracle", success: true, details: { type: "oracle", task_arn: TASK } }]);

    // ECS now lists that task as not stopped yet.
    const since = new Date("2026-03-01T10:00:00Z");
    ecs.on(ListTasksCommand).resolves({ taskArns: [TASK] });
    ecs.on(DescribeTasksCommand).resolves({
      tasks: [{ taskArn: TASK, lastStatus: "RUNNING", createdAt: since, overrides: { containerOverrides: [{ name: "backup-full", command: scheduledCommand("oracle") }] } }],
    });
    const again = await client(api, admin).post("/api/admin/backups", { type: "full" });
    expect(again.status).to.equal(409);
    expect(again.body.error.message).to.include(TASK).and.include("oracle");
    expect(ecs.commandCalls(RunTaskCommand), "no second task").to.have.length(1);
    expect(ecs.commandCalls(DescribeTasksCommand)[0].args[0].input).to.deep.equal({ cluster: CLUSTER, tasks: [TASK] });

    const list = await client(api, admin).get("/api/admin/backups");
    expect(list.status).to.equal(200);
    expect(list.body.running).to.deep.equal({ type: "oracle", since: since.toISOString(), task_arn: TASK });

    // Nothing ran in the API's own process.
    expect(fs.readdirSync(dir)).to.deep.equal([]);
    expect((await t.db.query("SELECT 1 FROM oracle_audit_log WHERE action = 'backup.create'")).rows).to.deep.equal([]);
  });

  it("starts again once the task has stopped", async () => {
    ecs.on(ListTasksCommand).resolves({ taskArns: [TASK] });
    ecs.on(DescribeTasksCommand).resolves({ tasks: [{ taskArn: TASK, lastStatus: "STOPPED", overrides: { containerOverrides: [{ name: "backup-full", command: scheduledCommand("oracle") }] } }] });
    ecs.on(RunTaskCommand).resolves({ tasks: [{ taskArn: `${TASK}0` }] });
    const started = await client(api, admin).post("/api/admin/backups", { type: "full" });
    expect(started.status).to.equal(202);
    expect(started.body.task_arn).to.equal(`${TASK}0`);
    expect(ecs.commandCalls(RunTaskCommand)[0].args[0].input.overrides?.containerOverrides?.[0].command).to.deep.equal(scheduledCommand("full"));
  });

  it("answers 503 with ECS's reason when the task is not started, and writes no trigger row", async () => {
    const before = (await t.db.query("SELECT count(*)::int AS n FROM oracle_audit_log WHERE action = 'backup.trigger'")).rows[0].n;
    ecs.on(ListTasksCommand).resolves({ taskArns: [] });
    ecs.on(RunTaskCommand).resolves({ tasks: [], failures: [{ reason: "RESOURCE:ENI", detail: "no free addresses in subnet-0aa1" }] });
    const refused = await client(api, admin).post("/api/admin/backups", { type: "full" });
    expect(refused.status).to.equal(503);
    expect(refused.body.error.message).to.include("RESOURCE:ENI");

    ecs.on(ListTasksCommand).rejects(new Error("User is not authorized to perform: ecs:ListTasks"));
    const denied = await client(api, admin).post("/api/admin/backups", { type: "full" });
    expect(denied.status).to.equal(503);
    expect(denied.body.error.message).to.include("ecs:ListTasks");
    // The list still answers, saying why it cannot tell whether a backup runs.
    const listed = await client(api, admin).get("/api/admin/backups");
    expect(listed.status, JSON.stringify(listed.body)).to.equal(200);
    expect(listed.body.backups).to.be.an("array");
    expect(listed.body.running).to.equal(null);
    expect(listed.body.running_unknown).to.include("ecs:ListTasks");
    const after = (await t.db.query("SELECT count(*)::int AS n FROM oracle_audit_log WHERE action = 'backup.trigger'")).rows[0].n;
    expect(after).to.equal(before);
  });
});
