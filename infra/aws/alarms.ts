import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ERROR_RATE_THRESHOLD } from "../render/alert-rules";

/** Free storage under which the database alarm fires (bytes). */
export const DB_FREE_STORAGE_ALARM_BYTES = 5 * 1024 ** 3;
/** Average CPU over which a service or the database alarms (percent). */
export const CPU_ALARM_PERCENT = 85;

/**
 * The alert path of the prod stack: an encrypted SNS topic that CloudWatch alarms and Amazon
 * Managed Prometheus publish to, and the SQS queue behind it that the alerter reads (the tasks
 * stay private; nothing calls into them). Alarms: 5xx rate at the load balancer, unhealthy
 * targets, service CPU, database CPU and free storage.
 */
export class Alarms extends pulumi.ComponentResource {
  readonly topic: aws.sns.Topic;
  readonly queue: aws.sqs.Queue;

  constructor(name: string, args: { kmsKeyArn: pulumi.Input<string> }, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:Alarms", name, {}, opts);
    const parent = { parent: this };
    this.topic = new aws.sns.Topic(name, { kmsMasterKeyId: args.kmsKeyArn }, parent);
    this.queue = new aws.sqs.Queue(`${name}-queue`, { kmsMasterKeyId: args.kmsKeyArn, messageRetentionSeconds: 4 * 24 * 3600, receiveWaitTimeSeconds: 20 }, parent);
    new aws.sqs.QueuePolicy(
      `${name}-queue-policy`,
      {
        queueUrl: this.queue.id,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "sns.amazonaws.com" },
              Action: "sqs:SendMessage",
              Resource: this.queue.arn,
              Condition: { ArnEquals: { "aws:SourceArn": this.topic.arn } },
            },
          ],
        }),
      },
      parent,
    );
    new aws.sns.TopicSubscription(`${name}-to-alerter`, { topic: this.topic.arn, protocol: "sqs", endpoint: this.queue.arn, rawMessageDelivery: true }, parent);
    this.registerOutputs({ topicArn: this.topic.arn });
  }

  private alarm(id: string, args: Omit<aws.cloudwatch.MetricAlarmArgs, "alarmActions" | "okActions">): aws.cloudwatch.MetricAlarm {
    return new aws.cloudwatch.MetricAlarm(id, { ...args, alarmActions: [this.topic.arn], okActions: [this.topic.arn], treatMissingData: "notBreaching" }, { parent: this });
  }

  /** 5xx share of the load balancer's requests (targets' and its own) over five minutes. */
  loadBalancer5xx(name: string, albSuffix: pulumi.Input<string>): void {
    const m = (id: string, metricName: string) => ({
      id,
      returnData: false,
      metric: { namespace: "AWS/ApplicationELB", metricName, dimensions: { LoadBalancer: albSuffix }, period: 300, stat: "Sum" },
    });
    this.alarm(name, {
      alarmDescription: "More than 5% of requests answered 5xx",
      comparisonOperator: "GreaterThanThreshold",
      threshold: ERROR_RATE_THRESHOLD,
      evaluationPeriods: 1,
      metricQueries: [
        m("target5xx", "HTTPCode_Target_5XX_Count"),
        m("elb5xx", "HTTPCode_ELB_5XX_Count"),
        m("requests", "RequestCount"),
        { id: "rate", expression: "(FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests", label: "5xx rate", returnData: true },
      ],
    });
  }

  unhealthyTargets(name: string, albSuffix: pulumi.Input<string>, targetGroupSuffix: pulumi.Input<string>): void {
    this.alarm(name, {
      alarmDescription: "A target behind the load balancer fails its health check",
      namespace: "AWS/ApplicationELB",
      metricName: "UnHealthyHostCount",
      dimensions: { LoadBalancer: albSuffix, TargetGroup: targetGroupSuffix },
      statistic: "Maximum",
      period: 60,
      evaluationPeriods: 3,
      comparisonOperator: "GreaterThanThreshold",
      threshold: 0,
    });
  }

  serviceCpu(name: string, clusterName: pulumi.Input<string>, serviceName: pulumi.Input<string>): void {
    this.alarm(name, {
      alarmDescription: `Service CPU above ${CPU_ALARM_PERCENT}%`,
      namespace: "AWS/ECS",
      metricName: "CPUUtilization",
      dimensions: { ClusterName: clusterName, ServiceName: serviceName },
      statistic: "Average",
      period: 300,
      evaluationPeriods: 3,
      comparisonOperator: "GreaterThanThreshold",
      threshold: CPU_ALARM_PERCENT,
    });
  }

  /** A scheduled job (a backup, the daily readings) whose container exits with an error. */
  failedJobs(name: string, clusterArn: pulumi.Input<string>, families: readonly string[]): void {
    const rule = new aws.cloudwatch.EventRule(
      name,
      {
        description: "An NPS scheduled job failed",
        eventPattern: pulumi.jsonStringify({
          source: ["aws.ecs"],
          "detail-type": ["ECS Task State Change"],
          detail: {
            clusterArn: [clusterArn],
            lastStatus: ["STOPPED"],
            group: families.map((f) => `family:${f}`),
            containers: { exitCode: [{ "anything-but": 0 }] },
          },
        }),
      },
      { parent: this },
    );
    new aws.cloudwatch.EventTarget(`${name}-to-alerts`, { rule: rule.name, arn: this.topic.arn }, { parent: this });
    new aws.sns.TopicPolicy(
      `${name}-publish`,
      {
        arn: this.topic.arn,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Principal: { Service: ["events.amazonaws.com", "cloudwatch.amazonaws.com", "aps.amazonaws.com"] }, Action: "sns:Publish", Resource: this.topic.arn },
          ],
        }),
      },
      { parent: this },
    );
  }

  database(name: string, instanceId: pulumi.Input<string>): void {
    this.alarm(`${name}-storage`, {
      alarmDescription: "Database free storage below 5 GiB",
      namespace: "AWS/RDS",
      metricName: "FreeStorageSpace",
      dimensions: { DBInstanceIdentifier: instanceId },
      statistic: "Minimum",
      period: 300,
      evaluationPeriods: 1,
      comparisonOperator: "LessThanThreshold",
      threshold: DB_FREE_STORAGE_ALARM_BYTES,
    });
    this.alarm(`${name}-cpu`, {
      alarmDescription: `Database CPU above ${CPU_ALARM_PERCENT}%`,
      namespace: "AWS/RDS",
      metricName: "CPUUtilization",
      dimensions: { DBInstanceIdentifier: instanceId },
      statistic: "Average",
      period: 300,
      evaluationPeriods: 3,
      comparisonOperator: "GreaterThanThreshold",
      threshold: CPU_ALARM_PERCENT,
    });
  }
}
