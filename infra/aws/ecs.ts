import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { healthCommand, type HealthCheck, type HealthTiming, type PortSpec } from "../catalog";
import { ecsStep } from "./deploy-steps";
import { toScheduleExpression } from "./sizing";
import { assumedBy } from "./trust";

/*
 * Why these components and not @pulumi/awsx (ecs.FargateService, ec2.Vpc, lb.ApplicationLoadBalancer):
 * since awsx 1.0 its Node package is a client of a component provider plugin: each awsx
 * component is registered as one remote resource (its constructor passes remote = true to
 * ComponentResource: pulumi/pulumi-awsx sdk/nodejs/ecs/fargateService.ts) and its children
 * are created by the plugin, out of this process. Under Pulumi's mocks, which is how every NPS
 * stack test and `nps plan` run, an awsx service is one opaque resource: its task definition,
 * roles, log group and policies could not be asserted or listed, so the tests that catch these
 * defects would go blind. What awsx gets right is adopted here instead: waiting for a steady
 * state by default (its continueBeforeSteadyState: false), a log group and task role per task,
 * the execution role's managed policy. awsx's VPC would not remove code either: the subnet plan
 * (sizing.ts) is ours because the data tier has no route out, which awsx's subnet types express
 * only with isolated subnets and their own CIDR arithmetic.
 */

export interface PolicyStatement {
  readonly Effect: "Allow" | "Deny";
  readonly Action: string | string[];
  readonly Resource: pulumi.Input<string> | pulumi.Input<string>[];
  /** Operator -> condition key -> value(s), as IAM writes it: { ArnEquals: { "ecs:cluster": arn } }. */
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, pulumi.Input<string> | pulumi.Input<string>[]>>>>;
}

/**
 * What ECS Exec needs in the task role: the SSM agent's channels, and the platform key that
 * encrypts the sessions (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html).
 */
function execPermissions(kmsKeyArn: pulumi.Input<string>): PolicyStatement[] {
  return [
    {
      Effect: "Allow",
      Action: ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
      Resource: "*",
    },
    { Effect: "Allow", Action: ["kms:Decrypt"], Resource: kmsKeyArn },
  ];
}

/**
 * ECS's own wait for a deployment (like `aws ecs wait services-stable`), as awsx's FargateService
 * does by default (continueBeforeSteadyState: false); a crash-looping service then fails the
 * update instead of reporting success. Past the timeout the update fails.
 */
export const STEADY_STATE_TIMEOUT = "20m";

/**
 * The ECS cluster (Fargate, Container Insights on), the private DNS namespace where tasks
 * register by name (oracle.nps.internal), and the execution role that pulls images, writes
 * logs and reads the secrets a task definition names.
 */
export class EcsPlatform extends pulumi.ComponentResource {
  readonly cluster: aws.ecs.Cluster;
  readonly namespace: aws.servicediscovery.PrivateDnsNamespace;
  readonly executionRole: aws.iam.Role;

  /** Task families, log groups and schedule groups start with it (nps-prod-api), so stacks never share one. */
  readonly namePrefix: string;
  readonly kmsKeyArn: pulumi.Input<string>;
  /** The execution role's policies: a task started before they exist cannot pull its image or read its secrets. */
  readonly ready: pulumi.Resource[];
  readonly scheduleGroup: aws.scheduler.ScheduleGroup;
  /** Trust policies for roles ECS tasks assume: this account's tasks only. */
  readonly tasksTrust: pulumi.Output<string>;
  readonly accountId: pulumi.Input<string>;

  constructor(
    name: string,
    args: {
      vpcId: pulumi.Input<string>;
      secretArns: pulumi.Input<string>[];
      kmsKeyArn: pulumi.Input<string>;
      namespace: string;
      namePrefix: string;
      accountId: pulumi.Input<string>;
      region: string;
    },
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("nps:aws:EcsPlatform", name, {}, opts);
    const parent = { parent: this };
    this.namePrefix = args.namePrefix;
    this.kmsKeyArn = args.kmsKeyArn;
    this.accountId = args.accountId;
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html (confused deputy)
    this.tasksTrust = assumedBy("ecs-tasks.amazonaws.com", args.accountId, pulumi.interpolate`arn:aws:ecs:${args.region}:${args.accountId}:*`);
    this.cluster = new aws.ecs.Cluster(
      name,
      {
        settings: [{ name: "containerInsights", value: "enabled" }],
        // ECS Exec sessions (`aws ecs execute-command`) are encrypted with the platform key.
        configuration: { executeCommandConfiguration: { kmsKeyId: args.kmsKeyArn, logging: "DEFAULT" } },
      },
      parent,
    );
    new aws.ecs.ClusterCapacityProviders(
      `${name}-capacity`,
      { clusterName: this.cluster.name, capacityProviders: ["FARGATE"], defaultCapacityProviderStrategies: [{ capacityProvider: "FARGATE", weight: 1 }] },
      parent,
    );
    // The zone's name is private to the stack's own VPC, so every stack may use the same one.
    this.namespace = new aws.servicediscovery.PrivateDnsNamespace(
      `${name}-namespace`,
      { name: args.namespace, vpc: args.vpcId, description: "NPS services by name inside the VPC" },
      parent,
    );
    this.scheduleGroup = new aws.scheduler.ScheduleGroup(`${name}-schedules`, { name: `${args.namePrefix}-jobs` }, parent);
    this.executionRole = new aws.iam.Role(`${name}-execution`, { assumeRolePolicy: this.tasksTrust }, parent);
    const managed = new aws.iam.RolePolicyAttachment(
      `${name}-execution-managed`,
      { role: this.executionRole.name, policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" },
      parent,
    );
    const secrets = new aws.iam.RolePolicy(
      `${name}-execution-secrets`,
      {
        role: this.executionRole.id,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: args.secretArns },
            { Effect: "Allow", Action: ["kms:Decrypt"], Resource: args.kmsKeyArn },
          ],
        }),
      },
      parent,
    );
    this.ready = [managed, secrets];
    this.registerOutputs({ cluster: this.cluster.name });
  }
}

export interface TaskArgs {
  readonly platform: EcsPlatform;
  readonly image: pulumi.Input<string>;
  readonly command?: readonly string[];
  readonly ports: readonly PortSpec[];
  readonly environment: Readonly<Record<string, pulumi.Input<string>>>;
  /** Env name -> Secrets Manager valueFrom. */
  readonly secrets: Readonly<Record<string, pulumi.Input<string>>>;
  readonly health?: { readonly check: HealthCheck; readonly timing: HealthTiming };
  readonly cpu: number;
  readonly memoryMb: number;
  readonly logRetentionDays: number;
  /** What the task itself may do in AWS (write backups, read the alert queue, ...). */
  readonly permissions?: readonly PolicyStatement[];
  readonly region: string;
  /** Allow ECS Exec into its containers (`aws ecs execute-command ... --command "nps health"`). */
  readonly exec?: boolean;
}

/** A Fargate task definition with its log group and task role: one container from the catalog. */
export class FargateTask extends pulumi.ComponentResource {
  readonly definition: aws.ecs.TaskDefinition;
  readonly taskRole: aws.iam.Role;
  /** The task role's policy, when it has one: what the task needs before it starts. */
  readonly ready: pulumi.Resource[] = [];
  readonly family: string;
  readonly logGroup: aws.cloudwatch.LogGroup;
  /** Its one container's name: what a RunTask override names. */
  readonly container: string;

  constructor(name: string, args: TaskArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:FargateTask", name, {}, opts);
    const parent = { parent: this };
    const prefix = args.platform.namePrefix;
    this.family = `${prefix}-${name}`;
    this.container = name;
    this.logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, { name: `/${prefix}/${name}`, retentionInDays: args.logRetentionDays }, parent);
    const logs = this.logGroup;
    this.taskRole = new aws.iam.Role(`${name}-task`, { assumeRolePolicy: args.platform.tasksTrust }, parent);
    const statements = [...(args.permissions ?? []), ...(args.exec ? execPermissions(args.platform.kmsKeyArn) : [])];
    if (statements.length > 0) {
      this.ready.push(
        new aws.iam.RolePolicy(
          `${name}-task-permissions`,
          { role: this.taskRole.id, policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: statements }) },
          parent,
        ),
      );
    }
    const t = args.health?.timing;
    const container = {
      name: this.container,
      image: args.image,
      essential: true,
      command: args.command ? [...args.command] : undefined,
      portMappings: args.ports.map((p) => ({ name: p.name, containerPort: p.port, protocol: "tcp" })),
      environment: Object.entries(args.environment)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([n, value]) => ({ name: n, value })),
      secrets: Object.entries(args.secrets)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([n, valueFrom]) => ({ name: n, valueFrom })),
      healthCheck:
        args.health && t
          ? { command: [...healthCommand(args.health.check)], interval: t.intervalS, timeout: t.timeoutS, startPeriod: t.startPeriodS, retries: t.retries }
          : undefined,
      // SIGTERM drains in-flight work; give it the time to finish before SIGKILL.
      stopTimeout: 30,
      logConfiguration: {
        logDriver: "awslogs",
        options: { "awslogs-group": logs.name, "awslogs-region": args.region, "awslogs-stream-prefix": name },
      },
    };
    this.definition = new aws.ecs.TaskDefinition(
      name,
      {
        family: this.family,
        cpu: String(args.cpu),
        memory: String(args.memoryMb),
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
        executionRoleArn: args.platform.executionRole.arn,
        taskRoleArn: this.taskRole.arn,
        containerDefinitions: pulumi.jsonStringify([container]),
      },
      parent,
    );
    this.registerOutputs({});
  }
}

export interface FargateServiceArgs extends TaskArgs {
  readonly desiredCount: number;
  readonly subnetIds: pulumi.Input<string>[];
  readonly securityGroupIds: pulumi.Input<string>[];
  /** Register the tasks in the namespace under this name (A records, one per task). */
  readonly discoveryName?: string;
  readonly targetGroups?: ReadonlyArray<{ readonly arn: pulumi.Input<string>; readonly port: number }>;
  /**
   * What must exist before the service starts tasks: the HTTPS listener and its rules for a
   * service behind the load balancer (a target group is usable only once a listener forwards to
   * it, and the HTTPS listener waits for the certificate's validation), the migrations.
   */
  readonly dependsOn?: pulumi.Resource[];
}

/**
 * A long-running Fargate service in the app subnets, with no public address: rolling
 * deployments that roll back by themselves when new tasks fail their health checks, and an
 * update of the stack that fails when they do. Every task registers an A record in Cloud Map
 * (MULTIVALUE routing), so a client resolving oracle.nps.internal gets every task's address
 * and can spread its calls over them.
 */
export class FargateService extends pulumi.ComponentResource {
  readonly service: aws.ecs.Service;
  readonly task: FargateTask;
  readonly rollout: pulumi.Resource;

  constructor(name: string, args: FargateServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:FargateService", name, {}, opts);
    const parent = { parent: this };
    this.task = new FargateTask(name, { ...args, exec: true }, parent);
    const registry = args.discoveryName
      ? new aws.servicediscovery.Service(
          `${name}-discovery`,
          {
            name: args.discoveryName,
            dnsConfig: { namespaceId: args.platform.namespace.id, routingPolicy: "MULTIVALUE", dnsRecords: [{ type: "A", ttl: 10 }] },
            // ECS reports task health to Cloud Map. failureThreshold is deprecated (AWS always
            // uses 1: https://docs.aws.amazon.com/cloud-map/latest/api/API_HealthCheckCustomConfig.html),
            // and setting it made the provider warn at every run.
            healthCheckCustomConfig: {},
          },
          parent,
        )
      : undefined;
    this.service = new aws.ecs.Service(
      name,
      {
        cluster: args.platform.cluster.arn,
        taskDefinition: this.task.definition.arn,
        desiredCount: args.desiredCount,
        launchType: "FARGATE",
        propagateTags: "SERVICE",
        networkConfiguration: { subnets: args.subnetIds, securityGroups: args.securityGroupIds, assignPublicIp: false },
        deploymentCircuitBreaker: { enable: true, rollback: true },
        deploymentMinimumHealthyPercent: 100,
        deploymentMaximumPercent: 200,
        loadBalancers: (args.targetGroups ?? []).map((tg) => ({ targetGroupArn: tg.arn, containerName: name, containerPort: tg.port })),
        healthCheckGracePeriodSeconds: args.targetGroups && args.targetGroups.length > 0 ? 60 : undefined,
        serviceRegistries: registry ? { registryArn: registry.arn } : undefined,
        enableExecuteCommand: true,
        waitForSteadyState: true,
      },
      {
        parent: this,
        // Autoscaling owns the running count once the service exists.
        ignoreChanges: ["desiredCount"],
        dependsOn: [...args.platform.ready, ...this.task.ready, ...(args.dependsOn ?? [])],
        customTimeouts: { create: STEADY_STATE_TIMEOUT, update: STEADY_STATE_TIMEOUT },
      },
    );
    // A deployment the circuit breaker rolled back also ends in a steady state, and the provider
    // reports it as a success (terraform-provider-aws#20858): check what really runs.
    this.rollout = ecsStep(
      `${name}-rollout`,
      "check-rollout",
      { AWS_REGION: args.region, CLUSTER: args.platform.cluster.name, SERVICE: this.service.name, TASK_DEFINITION: this.task.definition.arn },
      [this.task.definition.arn],
      { parent: this, dependsOn: [this.service] },
    );
    this.registerOutputs({});
  }
}

export interface ScheduledJobArgs extends TaskArgs {
  /** Five-field cron, UTC. */
  readonly schedule: string;
  readonly subnetIds: pulumi.Input<string>[];
  readonly securityGroupIds: pulumi.Input<string>[];
}

/** A task EventBridge Scheduler starts on a cron schedule (UTC), retried on failure. */
export class ScheduledJob extends pulumi.ComponentResource {
  readonly schedule: aws.scheduler.Schedule;
  readonly family: string;
  readonly task: FargateTask;
  /** Where the schedule starts it: a RunTask of its own (runTaskGrant) starts it the same way. */
  readonly placement: { readonly cluster: pulumi.Output<string>; readonly subnetIds: pulumi.Input<string>[]; readonly securityGroupIds: pulumi.Input<string>[] };
  readonly executionRoleArn: pulumi.Output<string>;

  constructor(name: string, args: ScheduledJobArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:ScheduledJob", name, {}, opts);
    const parent = { parent: this };
    const task = new FargateTask(name, args, parent);
    this.task = task;
    this.family = task.family;
    this.placement = { cluster: args.platform.cluster.arn, subnetIds: args.subnetIds, securityGroupIds: args.securityGroupIds };
    this.executionRoleArn = args.platform.executionRole.arn;
    const role = new aws.iam.Role(
      `${name}-scheduler`,
      {
        // Only this stack's schedule group may use it
        // (https://docs.aws.amazon.com/scheduler/latest/UserGuide/cross-service-confused-deputy-prevention.html).
        assumeRolePolicy: assumedBy("scheduler.amazonaws.com", args.platform.accountId, args.platform.scheduleGroup.arn),
      },
      parent,
    );
    new aws.iam.RolePolicy(
      `${name}-scheduler-run`,
      {
        role: role.id,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Action: ["ecs:RunTask"], Resource: task.definition.arnWithoutRevision.apply((a) => `${a}:*`) },
            { Effect: "Allow", Action: ["iam:PassRole"], Resource: [args.platform.executionRole.arn, task.taskRole.arn] },
          ],
        }),
      },
      parent,
    );
    this.schedule = new aws.scheduler.Schedule(
      name,
      {
        groupName: args.platform.scheduleGroup.name,
        scheduleExpression: toScheduleExpression(args.schedule),
        scheduleExpressionTimezone: "UTC",
        flexibleTimeWindow: { mode: "OFF" },
        target: {
          arn: args.platform.cluster.arn,
          roleArn: role.arn,
          retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 3600 },
          ecsParameters: {
            taskDefinitionArn: task.definition.arn,
            launchType: "FARGATE",
            taskCount: 1,
            networkConfiguration: { subnets: args.subnetIds, securityGroups: args.securityGroupIds, assignPublicIp: false },
          },
        },
      },
      { parent: this, dependsOn: [...args.platform.ready, ...task.ready] },
    );
    this.registerOutputs({});
  }
}

/**
 * What another task needs to start a scheduled job's task itself (ECS RunTask) and to see whether
 * it still runs: RunTask on the job's task definition in the job's cluster only, DescribeTasks and
 * ListTasks in that cluster, and passing exactly the job's two roles, to ECS tasks only.
 */
export function runTaskGrant(job: ScheduledJob): PolicyStatement[] {
  const inCluster = { ArnEquals: { "ecs:cluster": job.placement.cluster } };
  return [
    { Effect: "Allow", Action: ["ecs:RunTask"], Resource: job.task.definition.arnWithoutRevision.apply((a) => `${a}:*`), Condition: inCluster },
    // The tasks these look at are started later, by ARN unknown here: the cluster condition narrows them.
    { Effect: "Allow", Action: ["ecs:DescribeTasks", "ecs:ListTasks"], Resource: "*", Condition: inCluster },
    {
      Effect: "Allow",
      Action: ["iam:PassRole"],
      Resource: [job.executionRoleArn, job.task.taskRole.arn],
      Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
    },
  ];
}

export interface OneOffTaskArgs extends TaskArgs {
  readonly subnetIds: pulumi.Input<string>[];
  readonly securityGroupIds: pulumi.Input<string>[];
  /** Run this command in a task at every `pulumi up` that changes the task definition, before the services change. */
  readonly onDeploy: readonly string[];
}

/**
 * A task definition for one-off `nps` commands (migrations, restores, `nps migrate down`),
 * run with `aws ecs run-task ... --overrides` and open to ECS Exec, and the deploy step that
 * runs `onDeploy` (the migrations) in it before the services change: a schema change lands
 * before the code that needs it, and a failed migration stops the update there.
 */
export class OneOffTask extends pulumi.ComponentResource {
  readonly task: FargateTask;
  /** The finished deploy step; the services wait for it. */
  readonly deployStep: pulumi.Resource;

  constructor(name: string, args: OneOffTaskArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:OneOffTask", name, {}, opts);
    this.task = new FargateTask(name, { ...args, command: args.onDeploy, exec: true }, { parent: this });
    this.deployStep = ecsStep(
      `${name}-on-deploy`,
      "run-task",
      {
        AWS_REGION: args.region,
        CLUSTER: args.platform.cluster.name,
        TASK_DEFINITION: this.task.definition.arn,
        CONTAINER: name,
        SUBNETS: pulumi.all(args.subnetIds).apply((ids) => ids.join(",")),
        SECURITY_GROUPS: pulumi.all(args.securityGroupIds).apply((ids) => ids.join(",")),
        COMMAND: JSON.stringify(args.onDeploy),
      },
      [this.task.definition.arn],
      { parent: this, dependsOn: [...args.platform.ready, ...this.task.ready] },
    );
    this.registerOutputs({});
  }
}
