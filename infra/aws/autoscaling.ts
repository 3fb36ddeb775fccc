import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface ScalingArgs {
  readonly clusterName: pulumi.Input<string>;
  readonly serviceName: pulumi.Input<string>;
  readonly min: number;
  readonly max: number;
  readonly cpuPercent: number;
  readonly memoryPercent: number;
  readonly requestsPerTarget: number;
  /** Requests per task: the ALB's count per target, or a CloudWatch metric divided by running tasks. */
  readonly requests:
    | { readonly kind: "alb"; readonly resourceLabel: pulumi.Input<string> }
    | { readonly kind: "metric"; readonly namespace: string; readonly metricName: string; readonly dimensions: Readonly<Record<string, string>> };
}

const COOLDOWN = { scaleInCooldown: 300, scaleOutCooldown: 60 };

/** Target tracking on CPU, memory and requests per task, within the configured bounds. */
export class ServiceScaling extends pulumi.ComponentResource {
  constructor(name: string, args: ScalingArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:ServiceScaling", name, {}, opts);
    const parent = { parent: this };
    const target = new aws.appautoscaling.Target(
      name,
      {
        serviceNamespace: "ecs",
        scalableDimension: "ecs:service:DesiredCount",
        resourceId: pulumi.interpolate`service/${args.clusterName}/${args.serviceName}`,
        minCapacity: args.min,
        maxCapacity: args.max,
      },
      parent,
    );
    const policy = (id: string, config: aws.types.input.appautoscaling.PolicyTargetTrackingScalingPolicyConfiguration) =>
      new aws.appautoscaling.Policy(
        `${name}-${id}`,
        {
          policyType: "TargetTrackingScaling",
          serviceNamespace: target.serviceNamespace,
          scalableDimension: target.scalableDimension,
          resourceId: target.resourceId,
          targetTrackingScalingPolicyConfiguration: config,
        },
        parent,
      );
    policy("cpu", { targetValue: args.cpuPercent, predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" }, ...COOLDOWN });
    policy("memory", { targetValue: args.memoryPercent, predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageMemoryUtilization" }, ...COOLDOWN });
    const r = args.requests;
    policy(
      "requests",
      r.kind === "alb"
        ? { targetValue: args.requestsPerTarget, predefinedMetricSpecification: { predefinedMetricType: "ALBRequestCountPerTarget", resourceLabel: r.resourceLabel }, ...COOLDOWN }
        : {
            targetValue: args.requestsPerTarget,
            customizedMetricSpecification: {
              metrics: [
                {
                  id: "requests",
                  metricStat: { metric: { namespace: r.namespace, metricName: r.metricName, dimensions: Object.entries(r.dimensions).map(([n, value]) => ({ name: n, value })) }, stat: "Sum" },
                  returnData: false,
                },
                {
                  id: "tasks",
                  metricStat: {
                    metric: {
                      namespace: "ECS/ContainerInsights",
                      metricName: "RunningTaskCount",
                      dimensions: [
                        { name: "ClusterName", value: args.clusterName },
                        { name: "ServiceName", value: args.serviceName },
                      ],
                    },
                    stat: "Average",
                  },
                  returnData: false,
                },
                { id: "perTask", expression: "requests / tasks", label: "requests per task", returnData: true },
              ],
            },
            ...COOLDOWN,
          },
    );
    this.registerOutputs({});
  }
}
