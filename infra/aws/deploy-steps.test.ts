import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { ECS_STEP_SCRIPT } from "./deploy-steps";

/**
 * deploy/aws/ecs-step.sh under the real sh, with a stand-in `aws` on PATH that answers the four
 * ECS calls the way the AWS CLI prints them (--output text) and records its arguments.
 */
describe("ECS deploy steps (ecs-step.sh under sh, a recording aws stand-in)", () => {
  let dir: string;
  const FAKE = `#!/bin/sh
echo "$*" >> "$STEP_LOG"
case "$2" in
  run-task) echo "\${FAKE_TASK:-arn:aws:ecs:eu-west-1:1:task/c/abc}" ;;
  wait) n=$(cat "$STEP_DIR/waits" 2>/dev/null || echo 0); echo $((n+1)) > "$STEP_DIR/waits"; [ "$n" -ge "\${FAKE_WAIT_FAILS:-0}" ] ;;
  describe-tasks) printf '%s\\t%s\\t%s\\n' "$FAKE_EXIT" "$FAKE_STOP_CODE" "$FAKE_REASON" ;;
  describe-services) printf '%s\\t%s\\t%s\\n' "$FAKE_RUNNING" "$FAKE_STATE" "$FAKE_STATE_REASON" ;;
esac
`;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-ecs-step-"));
    fs.writeFileSync(path.join(dir, "aws"), FAKE, { mode: 0o755 });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (step: string, env: Record<string, string>) =>
    new Promise<{ code: number; stdout: string; stderr: string; calls: string[] }>((resolve) => {
      execFile("sh", [ECS_STEP_SCRIPT, step], { env: { PATH: `${dir}:${process.env.PATH}`, STEP_LOG: path.join(dir, "log"), STEP_DIR: dir, ...env } }, (err, stdout, stderr) => {
        const log = path.join(dir, "log");
        const calls = fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n") : [];
        resolve({ code: err ? Number(err.code) : 0, stdout, stderr, calls });
      });
    });
  const task = { AWS_REGION: "eu-west-1", CLUSTER: "c", TASK_DEFINITION: "arn:td:7", CONTAINER: "task", SUBNETS: "s-1,s-2", SECURITY_GROUPS: "sg-1", COMMAND: '["nps","migrate","up"]' };

  it("runs the one-off task with the command override, waits until it stops, succeeds on exit 0", async () => {
    const r = await run("run-task", { ...task, FAKE_EXIT: "0", FAKE_STOP_CODE: "EssentialContainerExited", FAKE_REASON: "done", FAKE_WAIT_FAILS: "2" });
    expect(r.code, r.stderr).to.equal(0);
    expect(r.calls[0]).to.include("ecs run-task --cluster c --task-definition arn:td:7 --launch-type FARGATE");
    expect(r.calls[0]).to.include('{"containerOverrides":[{"name":"task","command":["nps","migrate","up"]}]}');
    expect(r.calls[0]).to.include("subnets=[s-1,s-2],securityGroups=[sg-1],assignPublicIp=DISABLED");
    // The waiter timed out twice and was asked again, then the task was described.
    expect(r.calls.filter((c) => c.startsWith("ecs wait tasks-stopped"))).to.have.length(3);
    expect(r.calls.at(-1)).to.match(/^ecs describe-tasks --cluster c --tasks arn:aws:ecs:eu-west-1:1:task\/c\/abc/);
  });

  it("fails with the exit code and the reason when the task fails or never starts", async () => {
    const failed = await run("run-task", { ...task, FAKE_EXIT: "1", FAKE_STOP_CODE: "EssentialContainerExited", FAKE_REASON: "Essential container in task exited" });
    expect(failed.code).to.equal(1);
    expect(failed.stderr).to.include("exit code 1").and.include("Essential container in task exited");
    const notStarted = await run("run-task", { ...task, FAKE_EXIT: "None", FAKE_STOP_CODE: "TaskFailedToStart", FAKE_REASON: "CannotPullContainerError" });
    expect(notStarted.code).to.equal(1);
    expect(notStarted.stderr).to.include("TaskFailedToStart").and.include("CannotPullContainerError");
    const none = await run("run-task", { ...task, FAKE_TASK: "None" });
    expect(none.code).to.equal(1);
    expect(none.stderr).to.include("started no task");
    const missing = await run("run-task", { ...task, COMMAND: "" });
    expect(missing.code).to.equal(1);
    expect(missing.stderr).to.include("COMMAND is not set");
    for (const f of ["waits", "log"]) fs.rmSync(path.join(dir, f), { force: true });
    const stuck = await run("run-task", { ...task, FAKE_WAIT_FAILS: "100" });
    expect(stuck.code).to.equal(1);
    expect(stuck.stderr).to.include("has not stopped after an hour");
    expect(stuck.calls.filter((c) => c.startsWith("ecs wait tasks-stopped"))).to.have.length(6);
  });

  it("checks a rollout: passes on the requested definition, fails when the circuit breaker rolled it back", async () => {
    const svc = { AWS_REGION: "eu-west-1", CLUSTER: "c", SERVICE: "api", TASK_DEFINITION: "arn:td:8" };
    const ok = await run("check-rollout", { ...svc, FAKE_RUNNING: "arn:td:8", FAKE_STATE: "COMPLETED", FAKE_STATE_REASON: "done" });
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.calls[0]).to.include("ecs describe-services --cluster c --services api");
    const rolledBack = await run("check-rollout", { ...svc, FAKE_RUNNING: "arn:td:7", FAKE_STATE: "COMPLETED", FAKE_STATE_REASON: "ECS deployment circuit breaker: rolling back" });
    expect(rolledBack.code).to.equal(1);
    expect(rolledBack.stderr).to.include("rolled back").and.include("circuit breaker");
    const stuck = await run("check-rollout", { ...svc, FAKE_RUNNING: "arn:td:8", FAKE_STATE: "IN_PROGRESS", FAKE_STATE_REASON: "" });
    expect(stuck.code).to.equal(1);
    expect(stuck.stderr).to.include("IN_PROGRESS");
  });
});
