import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { planComponent, TEST_KEY_ARN } from "./testing/component-plan";
import { EcsPlatform, FargateService, OneOffTask, ScheduledJob, STEADY_STATE_TIMEOUT, type TaskArgs } from "./ecs";

class Fixture extends pulumi.ComponentResource {
  readonly platform: EcsPlatform;
  constructor(opts: pulumi.ComponentResourceOptions, build: (platform: EcsPlatform, task: Omit<TaskArgs, "platform">, parent: pulumi.Resource) => void) {
    super("test:Fixture", "fx", {}, opts);
    this.platform = new EcsPlatform("p", { vpcId: "vpc", secretArns: ["arn:secret"], kmsKeyArn: TEST_KEY_ARN, namespace: "nps.internal", namePrefix: "nps-test", accountId: "111122223333", region: "eu-west-1" }, { parent: this });
    build(this.platform, { image: "repo@sha256:0", ports: [{ name: "http", port: 8000, protocol: "http" }], environment: { A: "1" }, secrets: { S: "arn:s::" }, cpu: 256, memoryMb: 512, logRetentionDays: 7, region: "eu-west-1" }, this);
  }
}
const net = { subnetIds: ["s-1", "s-2"], securityGroupIds: ["sg"] };

describe("components EcsPlatform, FargateService, ScheduledJob, OneOffTask (mocks)", () => {
  it("a service waits for the execution role's policies, its own task policy and what it is given, then for its steady state, then checks its rollout", async () => {
    const plan = await planComponent((opts) =>
      new Fixture(opts, (platform, task, parent) => {
        const listener = new aws.sns.Topic("https", {}, { parent });
        new FargateService("api", { ...task, platform, ...net, desiredCount: 2, discoveryName: "api", targetGroups: [{ arn: "arn:tg", port: 8000 }], permissions: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }], dependsOn: [listener] }, { parent });
      }),
    );
    const svc = plan.one("aws:ecs/service:Service", "api");
    expect(svc.dependsOn).to.have.members(["p-execution-managed", "p-execution-secrets", "api-task-permissions", "https"]);
    expect(svc.inputs).to.include({ waitForSteadyState: true, enableExecuteCommand: true });
    expect(svc.customTimeouts).to.deep.equal({ create: STEADY_STATE_TIMEOUT, update: STEADY_STATE_TIMEOUT });
    expect(svc.ignoreChanges).to.deep.equal(["desiredCount"]);
    const check = plan.one("command:local:Command", "api-rollout");
    expect(check.dependsOn).to.deep.equal(["api"]);
    expect(check.inputs.triggers).to.deep.equal(["arn:aws:ecs:eu-west-1:123456789012:task-definition/nps-test-api:1"]);
    const policy = plan.json<{ Statement: Array<{ Action: string | string[] }> }>("aws:iam/rolePolicy:RolePolicy", "api-task-permissions", "policy");
    expect(policy.Statement.flatMap((s) => s.Action)).to.include.members(["s3:GetObject", "ssmmessages:CreateControlChannel"]);
  });

  it("registers every task in Cloud Map as a multivalue A record, without the deprecated failureThreshold", async () => {
    const plan = await planComponent((opts) => new Fixture(opts, (platform, task, parent) => new FargateService("oracle", { ...task, platform, ...net, desiredCount: 2, discoveryName: "oracle" }, { parent })));
    const d = plan.one("aws:servicediscovery/service:Service", "oracle-discovery").inputs;
    expect(d.dnsConfig).to.deep.include({ routingPolicy: "MULTIVALUE", dnsRecords: [{ type: "A", ttl: 10 }] });
    expect(d.healthCheckCustomConfig).to.deep.equal({});
  });

  it("names task families and log groups from the stack's prefix, and encrypts ECS Exec sessions", async () => {
    const plan = await planComponent((opts) => new Fixture(opts, (platform, task, parent) => new FargateService("web", { ...task, platform, ...net, desiredCount: 1 }, { parent })));
    expect(plan.one("aws:ecs/taskDefinition:TaskDefinition", "web").inputs.family).to.equal("nps-test-web");
    expect(plan.one("aws:cloudwatch/logGroup:LogGroup", "web-logs").inputs.name).to.equal("/nps-test/web");
    expect(plan.one("aws:ecs/cluster:Cluster", "p").inputs.configuration).to.deep.equal({ executeCommandConfiguration: { kmsKeyId: TEST_KEY_ARN, logging: "DEFAULT" } });
    expect(plan.one("aws:scheduler/scheduleGroup:ScheduleGroup", "p-schedules").inputs.name).to.equal("nps-test-jobs");
  });

  it("a scheduled job runs in the stack's schedule group once the execution role's policies exist", async () => {
    const plan = await planComponent((opts) => new Fixture(opts, (platform, task, parent) => new ScheduledJob("backup", { ...task, platform, ...net, schedule: "0 3 * * 0" }, { parent })));
    const s = plan.one("aws:scheduler/schedule:Schedule", "backup");
    expect(s.inputs).to.include({ groupName: "nps-test-jobs", scheduleExpression: "cron(0 3 ? * SUN *)" });
    expect(s.dependsOn).to.include.members(["p-execution-secrets"]);
  });

  it("lets only this account's tasks and this stack's schedule group assume the roles (confused-deputy conditions)", async () => {
    const plan = await planComponent((opts) => new Fixture(opts, (platform, task, parent) => new ScheduledJob("backup", { ...task, platform, ...net, schedule: "0 0 * * *" }, { parent })));
    type Trust = { Statement: Array<{ Principal: { Service: string }; Condition: { StringEquals: Record<string, string>; ArnLike: Record<string, string> } }> };
    for (const role of ["p-execution", "backup-task"]) {
      const t = plan.json<Trust>("aws:iam/role:Role", role, "assumeRolePolicy").Statement[0];
      expect(t.Principal.Service, role).to.equal("ecs-tasks.amazonaws.com");
      expect(t.Condition.StringEquals["aws:SourceAccount"], role).to.equal("111122223333");
      expect(t.Condition.ArnLike["aws:SourceArn"], role).to.equal("arn:aws:ecs:eu-west-1:111122223333:*");
    }
    const scheduler = plan.json<Trust>("aws:iam/role:Role", "backup-scheduler", "assumeRolePolicy").Statement[0];
    expect(scheduler.Principal.Service).to.equal("scheduler.amazonaws.com");
    expect(scheduler.Condition.ArnLike["aws:SourceArn"]).to.equal("arn:aws:scheduler:eu-west-1:123456789012:p-schedules");
    expect(scheduler.Condition.StringEquals["aws:SourceAccount"]).to.equal("111122223333");
  });

  it("a one-off task runs its deploy command through the deploy step, once per task definition", async () => {
    const plan = await planComponent((opts) => new Fixture(opts, (platform, task, parent) => new OneOffTask("task", { ...task, platform, ...net, onDeploy: ["nps", "migrate", "up"] }, { parent })));
    const step = plan.one("command:local:Command", "task-on-deploy");
    expect(step.inputs.create).to.equal("sh deploy/aws/ecs-step.sh run-task");
    expect(step.inputs.environment).to.deep.include({ AWS_REGION: "eu-west-1", CONTAINER: "task", SUBNETS: "s-1,s-2", SECURITY_GROUPS: "sg", COMMAND: '["nps","migrate","up"]' });
    expect(step.dependsOn).to.include.members(["p-execution-managed", "p-execution-secrets", "task-task-permissions"]);
    const c = JSON.parse(plan.one("aws:ecs/taskDefinition:TaskDefinition", "task").inputs.containerDefinitions as string)[0];
    expect(c.command).to.deep.equal(["nps", "migrate", "up"]);
  });
});
