import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { healthCommand, type HealthCheck, type HealthTiming, type PortSpec } from "../catalog";
import { toScheduleExpression } from "./sizing";

const ASSUME_ECS_TASKS = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

export interface PolicyStatement {
  readonly Effect: "Allow" | "Deny";
  readonly Action: string | string[];
  readonly Resource: pulumi.Input<string> | pulumi.Input<string>[];
}

/**
 * The ECS cluster (Fargate, Container Insights on), the private DNS namespace where tasks
 * register by name (oracle.nps.internal), and the execution role that pulls images, writes
 * logs and reads the secrets a task definition names.
 */
export class EcsPlatform extends pulumi.ComponentResource {
  readonly cluster: aws.ecs.Cluster;
  readonly namespace: aws.servicediscovery.PrivateDnsNamespace;
  readonly executionRole: aws.iam.Role;

  constructor(
    name: string,
    args: { vpcId: pulumi.Input<string>; secretArns: pulumi.Input<string>[]; kmsKeyArn: pulumi.Input<string>; namespace: string },
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("nps:aws:EcsPlatform", name, {}, opts);
    const parent = { parent: this };
    this.cluster = new aws.ecs.Cluster(name, { settings: [{ name: "containerInsights", value: "enabled" }] }, parent);
    new aws.ecs.ClusterCapacityProviders(
      `${name}-capacity`,
      { clusterName: this.cluster.name, capacityProviders: ["FARGATE"], defaultCapacityProviderStrategies: [{ capacityProvider: "FARGATE", weight: 1 }] },
      parent,
    );
    this.namespace = new aws.servicediscovery.PrivateDnsNamespace(
      `${name}-namespace`,
      { name: args.namespace, vpc: args.vpcId, description: "NPS services by name inside the VPC" },
      parent,
    );
    this.executionRole = new aws.iam.Role(`${name}-execution`, { assumeRolePolicy: ASSUME_ECS_TASKS }, parent);
    new aws.iam.RolePolicyAttachment(
      `${name}-execution-managed`,
      { role: this.executionRole.name, policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" },
      parent,
    );
    new aws.iam.RolePolicy(
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
}

/** A Fargate task definition with its log group and task role: one container from the catalog. */
export class FargateTask extends pulumi.ComponentResource {
  readonly definition: aws.ecs.TaskDefinition;
  readonly taskRole: aws.iam.Role;

  constructor(name: string, args: TaskArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:FargateTask", name, {}, opts);
    const parent = { parent: this };
    const logs = new aws.cloudwatch.LogGroup(`${name}-logs`, { name: `/nps/${name}`, retentionInDays: args.logRetentionDays }, parent);
    this.taskRole = new aws.iam.Role(`${name}-task`, { assumeRolePolicy: ASSUME_ECS_TASKS }, parent);
    if (args.permissions && args.permissions.length > 0) {
      new aws.iam.RolePolicy(
        `${name}-task-permissions`,
        { role: this.taskRole.id, policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: [...args.permissions] }) },
        parent,
      );
    }
    const t = args.health?.timing;
    const container = {
      name,
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
        family: `nps-${name}`,
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
}

/**
 * A long-running Fargate service in the app subnets, with no public address: rolling
 * deployments that roll back by themselves when new tasks fail their health checks.
 */
export class FargateService extends pulumi.ComponentResource {
  readonly service: aws.ecs.Service;
  readonly task: FargateTask;

  constructor(name: string, args: FargateServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:FargateService", name, {}, opts);
    const parent = { parent: this };
    this.task = new FargateTask(name, args, parent);
    const registry = args.discoveryName
      ? new aws.servicediscovery.Service(
          `${name}-discovery`,
          {
            name: args.discoveryName,
            dnsConfig: { namespaceId: args.platform.namespace.id, routingPolicy: "MULTIVALUE", dnsRecords: [{ type: "A", ttl: 10 }] },
            healthCheckCustomConfig: { failureThreshold: 1 },
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
      },
      // Autoscaling owns the running count once the service exists.
      { parent: this, ignoreChanges: ["desiredCount"] },
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

  constructor(name: string, args: ScheduledJobArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:ScheduledJob", name, {}, opts);
    const parent = { parent: this };
    const task = new FargateTask(name, args, parent);
    const role = new aws.iam.Role(
      `${name}-scheduler`,
      {
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "scheduler.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
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
      parent,
    );
    this.registerOutputs({});
  }
}
