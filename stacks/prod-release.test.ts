import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { parse, stringify } from "yaml";
import { APP_DATABASE_USER, DEPLOY_MIGRATION } from "./prod";
import { Plan, plannedStack, runPlanCommand } from "../infra/plan/plan-child";
import type { PlannedResource } from "../infra/plan/run-plan";
import { planStackAs } from "../infra/aws/testing/stack-plan";
import type { ComponentPlan } from "../infra/aws/testing/component-plan";
import { HSTS } from "../infra/render/nginx";

/**
 * The prod stack as `pulumi up` runs it for the first time and after: what waits for what, the
 * names a second stack must not share, a first preview where AWS has computed nothing yet, a
 * rollback to an existing image, a restore and a teardown.
 */
const ROOT = path.resolve(__dirname, "..");
type Container = { name: string; image: string; command?: string[]; environment: Array<{ name: string; value: string }>; secrets: Array<{ name: string; valueFrom: string }> };

/** Physical names AWS requires unique per account and region (or per account, for aliases). */
const PHYSICAL_NAMES: ReadonlyArray<[type: string, field: string]> = [
  ["aws:cloudwatch/logGroup:LogGroup", "name"],
  ["aws:kms/alias:Alias", "name"],
  ["aws:secretsmanager/secret:Secret", "namePrefix"],
  ["aws:ecr/repository:Repository", "name"],
  ["aws:ecs/taskDefinition:TaskDefinition", "family"],
  ["aws:rds/instance:Instance", "finalSnapshotIdentifier"],
  ["aws:scheduler/scheduleGroup:ScheduleGroup", "name"],
  ["aws:amp/workspace:Workspace", "alias"],
];

function variantConfig(change: (config: Record<string, unknown>) => void): string {
  const doc = parse(fs.readFileSync(path.join(ROOT, "Pulumi.prod.yaml"), "utf8")) as { config: Record<string, unknown> };
  change(doc.config);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "nps-prod-variant-")), "Pulumi.variant.yaml");
  fs.writeFileSync(file, stringify(doc));
  return file;
}

describe("stack prod: deploy order, names, first preview, rollback, restore and teardown", function () {
  this.timeout(240_000);
  let plan: Plan;
  let preview: ComponentPlan<null>;
  let variant: Plan;
  let staging: ComponentPlan<null>;
  const variantFile = variantConfig((c) => {
    c["nps:imageTag"] = "0123456789ab";
    c["nps:deletionProtection"] = false;
    (c["nps:database"] as Record<string, unknown>).restore = { time: "2026-01-31T09:30:00Z" };
  });

  before(async () => {
    const [p, pv, v, st] = await Promise.all([
      plannedStack("prod"),
      planStackAs({ stack: "prod", config: "prod", preview: true }),
      runPlanCommand(["--stack", "prod", "--json", "--config", variantFile]),
      planStackAs({ stack: "staging", config: "prod" }),
    ]);
    plan = new Plan(p);
    preview = pv;
    if (v.code !== 0) throw new Error(v.stderr);
    variant = new Plan(JSON.parse(v.stdout) as PlannedResource[]);
    staging = st;
  });
  after(() => fs.rmSync(path.dirname(variantFile), { recursive: true, force: true }));

  const container = (p: Plan, family: string): Container => {
    const td = p.ofType("aws:ecs/taskDefinition:TaskDefinition").find((t) => t.inputs.family === family);
    if (!td) throw new Error(`no task definition ${family}`);
    return (JSON.parse(td.inputs.containerDefinitions as string) as Container[])[0];
  };
  const env = (c: Container, name: string) => c.environment.find((e) => e.name === name)?.value;
  const secret = (c: Container, name: string) => c.secrets.find((e) => e.name === name)?.valueFrom;

  it("starts services only after the HTTPS listener and its rule, the execution role's policies, their task policies and the migrations", () => {
    const deps = (name: string) => preview.one("aws:ecs/service:Service", name).dependsOn;
    for (const name of ["api", "web"]) expect(deps(name), name).to.include.members(["nps-https", "nps-api", "nps-execution-secrets", "nps-execution-managed", "task-on-deploy"]);
    for (const name of ["oracle", "telegram-bot", "alerter"]) {
      expect(deps(name), name).to.include.members(["nps-execution-secrets", "task-on-deploy", `${name}-task-permissions`]);
      expect(deps(name), name).to.not.include("nps-https");
    }
    // `nps plan` shows the same edges.
    expect(plan.one("aws:ecs/service:Service", "api").dependsOn).to.include.members(["nps-https", "nps-api", "task-on-deploy"]);
    // The HTTPS listener waits for the certificate's validation.
    expect(plan.one("aws:lb/listener:Listener", "nps-https").dependsOn).to.include("nps-cert-validation");
  });

  it("`nps plan --stack prod` lists the edges and the stack-derived names", async () => {
    const text = await runPlanCommand(["--stack", "prod"]);
    expect(text.code, text.stderr).to.equal(0);
    const api = text.stdout.slice(text.stdout.indexOf("aws:ecs/service:Service  api "));
    const waits = api.split("\n").find((l) => l.trim().startsWith("waits for:")) ?? "";
    for (const d of ["nps-https", "nps-api", "task-on-deploy", "nps-execution-secrets"]) expect(waits).to.include(d);
    expect(text.stdout).to.include("family: nps-prod-api").and.include("name: /nps-prod/api").and.include("namePrefix: nps-prod-app-");
  });

  it("waits for each service's steady state, with a timeout, and fails the update when the circuit breaker rolled it back", () => {
    for (const svc of preview.ofType("aws:ecs/service:Service")) {
      expect(svc.inputs.waitForSteadyState, svc.name).to.equal(true);
      expect(svc.customTimeouts, svc.name).to.deep.equal({ create: "20m", update: "20m" });
      const check = preview.one("command:local:Command", `${svc.name}-rollout`);
      expect(check.dependsOn).to.include(svc.name);
      expect(check.inputs.create).to.equal("sh deploy/aws/ecs-step.sh check-rollout");
      expect(check.inputs.environment).to.deep.include({ AWS_REGION: "eu-west-1" });
      expect(Object.keys(check.inputs.environment as object)).to.have.members(["AWS_REGION", "CLUSTER", "SERVICE", "TASK_DEFINITION"]);
    }
  });

  it("migrates in a one-off task before the deployment, as the schema's owner, and keeps the services' role in step", () => {
    const step = plan.one("command:local:Command", "task-on-deploy");
    expect(step.inputs.create).to.equal("sh deploy/aws/ecs-step.sh run-task");
    expect((step.inputs.environment as Record<string, string>).COMMAND).to.equal(JSON.stringify(DEPLOY_MIGRATION));
    expect(step.inputs.triggers).to.deep.equal(["arn:aws:ecs:eu-west-1:123456789012:task-definition/nps-prod-task:1"]);
    const task = container(plan, "nps-prod-task");
    expect(task.command).to.deep.equal([...DEPLOY_MIGRATION]);
    expect(env(task, "POSTGRES_USER")).to.equal("nps");
    expect(secret(task, "POSTGRES_PASSWORD")).to.match(/rds!db-nps-db:password::$/);
    expect(env(task, "NPS_DB_APP_USER")).to.equal(APP_DATABASE_USER);
    expect(secret(task, "NPS_DB_APP_PASSWORD")).to.match(/nps-db-app:password::$/);
    // Restores and `nps migrate down` run in the same task: the bucket and the keys are there.
    expect(env(task, "NPS_BACKUP_S3_BUCKET")).to.equal("nps-backups");
    expect(secret(task, "NPS_ENCRYPTION_KEY")).to.be.a("string");
  });

  it("never lets a service log in as the master user, whose password RDS rotates, nor migrate at start", () => {
    for (const family of ["nps-prod-api", "nps-prod-telegram-bot", "nps-prod-alerter", "nps-prod-oracle"]) {
      const c = container(plan, family);
      if (env(c, "POSTGRES_HOST")) {
        expect(env(c, "POSTGRES_USER"), family).to.equal(APP_DATABASE_USER);
        expect(secret(c, "POSTGRES_PASSWORD"), family).to.match(/nps-db-app:password::$/);
      }
      expect(JSON.stringify(c), family).to.not.match(/rds!db/);
    }
    expect(env(container(plan, "nps-prod-api"), "NPS_MIGRATE_ON_START")).to.equal("false");
    const auths = plan.one("aws:rds/proxy:Proxy", "nps-db-proxy").inputs.auths as Array<{ secretArn: string }>;
    expect(auths.map((a) => a.secretArn)).to.have.length(2).and.satisfy((arns: string[]) => arns.some((a) => /nps-db-app$/.test(a)) && arns.some((a) => /rds!db/.test(a)));
    expect(plan.one("aws:secretsmanager/secretVersion:SecretVersion", "nps-db-app-version").inputs.secretString).to.equal("[secret]");
  });

  it("hands the first administrator's password over through Secrets Manager as a Pulumi secret, never in plain config", () => {
    const api = container(plan, "nps-prod-api");
    expect(secret(api, "NPS_ADMIN_PASSWORD")).to.match(/nps-admin:NPS_ADMIN_PASSWORD::$/);
    expect(plan.one("aws:secretsmanager/secretVersion:SecretVersion", "nps-admin-version").inputs.secretString).to.equal("[secret]");
    for (const td of plan.ofType("aws:ecs/taskDefinition:TaskDefinition")) expect(td.inputs.containerDefinitions as string, td.name).to.not.match(/"name":"NPS_ADMIN_PASSWORD","value"/);
  });

  it("derives every physical name from the stack, so a second stack (staging) shares none", () => {
    for (const [type, field] of PHYSICAL_NAMES) {
      const prod = plan.ofType(type).map((r) => r.inputs[field]);
      const other = staging.ofType(type).map((r) => r.inputs[field]);
      expect(prod, `${type} ${field}`).to.not.be.empty;
      for (const n of prod) expect(String(n), `${type} ${field}`).to.include("nps-prod");
      expect(prod.filter((n) => other.includes(n)), `${type} ${field}`).to.be.empty;
    }
    // Names AWS would keep after a destroy (a secret's recovery window) are generated, never fixed.
    for (const s of plan.ofType("aws:secretsmanager/secret:Secret")) expect(s.inputs.name, s.name).to.equal(undefined);
  });

  it("survives a first preview: values only AWS knows stay unknown, nothing is stringified or defaulted", () => {
    const text = JSON.stringify(preview.resources);
    expect(text).to.not.include("Calling [toString] on an [Output<T>]");
    expect(text).to.not.include("[object Object]");
    expect(text).to.not.match(/"(arn|secretArn|targetGroupArn|taskDefinition)":""/);
    const api = preview.one("aws:ecs/taskDefinition:TaskDefinition", "api").inputs;
    expect(api.containerDefinitions).to.equal("[unknown]");
    expect(api.family).to.equal("nps-prod-api");
    expect(preview.one("aws:rds/proxy:Proxy", "nps-db-proxy").inputs.auths).to.deep.equal([
      { authScheme: "SECRETS", clientPasswordAuthType: "POSTGRES_SCRAM_SHA_256", iamAuth: "DISABLED", secretArn: "[unknown]" },
      { authScheme: "SECRETS", clientPasswordAuthType: "POSTGRES_SCRAM_SHA_256", iamAuth: "DISABLED", secretArn: "[unknown]" },
    ]);
    expect(preview.resources.length).to.equal(plan.resources.length);
  });

  it("rolls back to an image ECR holds: no build, the tasks pinned to that tag's digest", () => {
    expect(variant.ofType("docker:index/image:Image")).to.be.empty;
    const digest = Buffer.from("0123456789ab").toString("hex").padEnd(64, "0");
    expect(container(variant, "nps-prod-api").image).to.equal(`123456789012.dkr.ecr.eu-west-1.amazonaws.com/nps-prod/app@sha256:${digest}`);
    expect(container(variant, "nps-prod-web").image).to.match(/\/nps-prod\/web@sha256:/);
    // A normal release builds and pushes both images.
    expect(plan.ofType("docker:index/image:Image")).to.have.length(2);
  });

  it("restores into a new instance and moves the proxy to it, keeping the first instance", () => {
    const restored = variant.one("aws:rds/instance:Instance", "nps-db-restored").inputs;
    expect(restored.restoreToPointInTime).to.deep.equal({ sourceDbInstanceIdentifier: "nps-db", restoreTime: "2026-01-31T09:30:00Z" });
    expect(variant.one("aws:rds/proxyTarget:ProxyTarget", "nps-db-proxy-target").inputs.dbInstanceIdentifier).to.equal("nps-db-restored");
    expect(variant.one("aws:rds/instance:Instance", "nps-db")).to.exist;
    expect(plan.ofType("aws:rds/instance:Instance")).to.have.length(1);
  });

  it("makes deletion protection a setting: on by default, off lifts it on the load balancer and the database", () => {
    expect(plan.one("aws:lb/loadBalancer:LoadBalancer", "nps").inputs.enableDeletionProtection).to.equal(true);
    expect(plan.one("aws:rds/instance:Instance", "nps-db").inputs.deletionProtection).to.equal(true);
    expect(preview.one("aws:rds/instance:Instance", "nps-db").protect).to.equal(true);
    expect(variant.one("aws:lb/loadBalancer:LoadBalancer", "nps").inputs.enableDeletionProtection).to.equal(false);
    expect(variant.one("aws:rds/instance:Instance", "nps-db").inputs.deletionProtection).to.equal(false);
    // The backups and their key outlive the stack either way.
    expect(preview.one("aws:s3/bucket:Bucket", "nps-backups").retainOnDelete).to.equal(true);
    expect(preview.one("aws:kms/key:Key", "nps").retainOnDelete).to.equal(true);
  });

  it("adds HSTS and the security headers to every HTTPS response at the load balancer", () => {
    const https = plan.one("aws:lb/listener:Listener", "nps-https").inputs;
    expect(https.routingHttpResponseStrictTransportSecurityHeaderValue).to.equal(HSTS);
    expect(https.routingHttpResponseXContentTypeOptionsHeaderValue).to.equal("nosniff");
    expect(https.routingHttpResponseXFrameOptionsHeaderValue).to.equal("DENY");
  });

  it("alarms on services with no running task, a dead alerter (to the operators' e-mail) and jobs that never start", () => {
    const alarms = plan.ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
    for (const name of ["api", "oracle", "web", "telegram-bot", "alerter"]) {
      const a = alarms.find((x) => x.name === `nps-${name}-down`);
      expect(a?.inputs.metricName, name).to.equal("RunningTaskCount");
      expect(a?.inputs.treatMissingData, name).to.equal("breaching");
    }
    expect(alarms.find((x) => x.name === "nps-alerter-down")?.inputs.alarmActions).to.deep.equal(["arn:aws:sns:eu-west-1:123456789012:nps-alerts-operators"]);
    expect(plan.one("aws:sns/topicSubscription:TopicSubscription", "nps-alerts-operators-email").inputs.endpoint).to.equal("ops@example.com");
    const rule = JSON.parse(plan.one("aws:cloudwatch/eventRule:EventRule", "nps-jobs-failed").inputs.eventPattern as string);
    expect(rule.detail.$or).to.deep.include({ stopCode: ["TaskFailedToStart"] });
    expect(rule.detail.group).to.have.members(["family:nps-prod-backup-oracle", "family:nps-prod-backup-full", "family:nps-prod-daily-readings"]);
    expect(alarms.find((x) => x.name === "nps-jobs-failed-dropped")?.inputs.dimensions).to.deep.equal({ ScheduleGroup: "nps-prod-jobs" });
  });

  it("opens the services and the one-off task to ECS Exec, sessions encrypted with the platform key", () => {
    for (const svc of plan.ofType("aws:ecs/service:Service")) expect(svc.inputs.enableExecuteCommand, svc.name).to.equal(true);
    const policy = JSON.parse(plan.one("aws:iam/rolePolicy:RolePolicy", "task-task-permissions").inputs.policy as string) as { Statement: Array<{ Action: string[] }> };
    expect(policy.Statement.flatMap((s) => s.Action)).to.include("ssmmessages:OpenDataChannel");
    const cluster = plan.one("aws:ecs/cluster:Cluster", "nps").inputs.configuration as { executeCommandConfiguration: { kmsKeyId: string } };
    expect(cluster.executeCommandConfiguration.kmsKeyId).to.match(/^arn:aws:kms:/);
  });
});
