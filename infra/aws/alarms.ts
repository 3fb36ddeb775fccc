import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ERROR_RATE_THRESHOLD } from "../render/alert-rules";

/** Free storage under which the database alarm fires (bytes). */
export const DB_FREE_STORAGE_ALARM_BYTES = 5 * 1024 ** 3;
/** Average CPU over which a service or the database alarms (percent). */
export const CPU_ALARM_PERCENT = 85;

/** Seconds an alert may wait in the alerter's queue before the operators hear the alerter is not reading it. */
export const ALERT_QUEUE_MAX_AGE_S = 600;

export interface AlarmsArgs {
  readonly kmsKeyArn: pulumi.Input<string>;
  readonly accountId: pulumi.Input<string>;
  readonly region: string;
  /**
   * Who hears about a dead alerter: an e-mail address subscribed to a second topic that the
   * alerter does not read (an alarm about the alerter cannot travel through the alerter).
   */
  readonly operatorEmail: string;
}

/** A policy grant to an AWS service, with both confused-deputy conditions. */
function serviceGrant(sid: string, service: string, actions: string[], resource: pulumi.Input<string>, sourceArn: pulumi.Input<string>, accountId: pulumi.Input<string>, match: "ArnEquals" | "ArnLike" = "ArnLike") {
  return {
    Sid: sid,
    Effect: "Allow",
    Principal: { Service: service },
    Action: actions,
    Resource: resource,
    Condition: { [match]: { "aws:SourceArn": sourceArn }, StringEquals: { "aws:SourceAccount": accountId } },
  };
}

/**
 * The alert path of the prod stack: an encrypted SNS topic that CloudWatch alarms, EventBridge
 * rules and Amazon Managed Prometheus publish to, and the SQS queue behind it that the alerter
 * reads (the tasks stay private; nothing calls into them). A second topic, with an e-mail
 * subscription, carries the alarms about the alert path itself. Alarms: 5xx rate at the load
 * balancer, unhealthy targets, service CPU, services with no running task, database CPU and
 * free storage, scheduled jobs that fail or never start.
 */
export class Alarms extends pulumi.ComponentResource {
  readonly topic: aws.sns.Topic;
  readonly queue: aws.sqs.Queue;
  /** Alarms about the alerter itself go here, to people, not through the alerter. */
  readonly operatorTopic: aws.sns.Topic;
  private readonly args: AlarmsArgs;

  constructor(name: string, args: AlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:Alarms", name, {}, opts);
    this.args = args;
    const parent = { parent: this };
    this.topic = new aws.sns.Topic(name, { kmsMasterKeyId: args.kmsKeyArn }, parent);
    this.queue = new aws.sqs.Queue(`${name}-queue`, { kmsMasterKeyId: args.kmsKeyArn, messageRetentionSeconds: 4 * 24 * 3600, receiveWaitTimeSeconds: 20 }, parent);
    const queuePolicy = new aws.sqs.QueuePolicy(
      `${name}-queue-policy`,
      {
        queueUrl: this.queue.id,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [serviceGrant("AlertTopicDelivers", "sns.amazonaws.com", ["sqs:SendMessage"], this.queue.arn, this.topic.arn, args.accountId, "ArnEquals")],
        }),
      },
      parent,
    );
    // SNS checks the queue policy when it delivers, so the subscription waits for it.
    new aws.sns.TopicSubscription(
      `${name}-to-alerter`,
      { topic: this.topic.arn, protocol: "sqs", endpoint: this.queue.arn, rawMessageDelivery: true },
      { parent: this, dependsOn: [queuePolicy] },
    );

    this.operatorTopic = new aws.sns.Topic(`${name}-operators`, { kmsMasterKeyId: args.kmsKeyArn }, parent);
    new aws.sns.TopicPolicy(
      `${name}-operators-publish`,
      {
        arn: this.operatorTopic.arn,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [serviceGrant("CloudWatchAlarms", "cloudwatch.amazonaws.com", ["sns:Publish"], this.operatorTopic.arn, this.alarmArns(), args.accountId)],
        }),
      },
      parent,
    );
    new aws.sns.TopicSubscription(`${name}-operators-email`, { topic: this.operatorTopic.arn, protocol: "email", endpoint: args.operatorEmail }, parent);
    this.alarm(`${name}-queue-stale`, {
      alarmDescription: `Alerts wait more than ${ALERT_QUEUE_MAX_AGE_S} s in the alerter's queue: the alerter is not reading it`,
      namespace: "AWS/SQS",
      metricName: "ApproximateAgeOfOldestMessage",
      dimensions: { QueueName: this.queue.name },
      statistic: "Maximum",
      period: 300,
      evaluationPeriods: 1,
      comparisonOperator: "GreaterThanThreshold",
      threshold: ALERT_QUEUE_MAX_AGE_S,
    }, this.operatorTopic);
    this.registerOutputs({ topicArn: this.topic.arn });
  }

  /** Any CloudWatch alarm of this account and region (alarm names are generated). */
  private alarmArns(): pulumi.Output<string> {
    return pulumi.interpolate`arn:aws:cloudwatch:${this.args.region}:${this.args.accountId}:alarm:*`;
  }

  /**
   * The alert topic's policy: who may publish. CloudWatch alarms and EventBridge rules of this
   * account; Amazon Managed Prometheus from this workspace only, with sns:GetTopicAttributes,
   * which its alert manager calls before it publishes
   * (https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-alertmanager-receiver-AMPpermission.html).
   */
  allowPublishers(name: string, prometheusWorkspaceArn: pulumi.Input<string>): aws.sns.TopicPolicy {
    const a = this.args;
    return new aws.sns.TopicPolicy(
      name,
      {
        arn: this.topic.arn,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            serviceGrant("CloudWatchAlarms", "cloudwatch.amazonaws.com", ["sns:Publish"], this.topic.arn, this.alarmArns(), a.accountId),
            serviceGrant("EventBridgeRules", "events.amazonaws.com", ["sns:Publish"], this.topic.arn, pulumi.interpolate`arn:aws:events:${a.region}:${a.accountId}:rule/*`, a.accountId),
            serviceGrant("ManagedPrometheus", "aps.amazonaws.com", ["sns:Publish", "sns:GetTopicAttributes"], this.topic.arn, prometheusWorkspaceArn, a.accountId, "ArnEquals"),
          ],
        }),
      },
      { parent: this },
    );
  }

  private alarm(id: string, args: Omit<aws.cloudwatch.MetricAlarmArgs, "alarmActions" | "okActions">, topic: aws.sns.Topic = this.topic): aws.cloudwatch.MetricAlarm {
    return new aws.cloudwatch.MetricAlarm(id, { treatMissingData: "notBreaching", ...args, alarmActions: [topic.arn], okActions: [topic.arn] }, { parent: this });
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

  /**
   * A service with no running task (crash-looping, or scaled to nothing): Container Insights'
   * RunningTaskCount, with missing data counted as none running. The alerter's own alarm goes to
   * the operators' topic.
   */
  noRunningTasks(name: string, clusterName: pulumi.Input<string>, serviceName: pulumi.Input<string>, to: "alerts" | "operators" = "alerts"): void {
    this.alarm(
      name,
      {
        alarmDescription: "A service has no running task",
        namespace: "ECS/ContainerInsights",
        metricName: "RunningTaskCount",
        dimensions: { ClusterName: clusterName, ServiceName: serviceName },
        statistic: "Minimum",
        period: 60,
        evaluationPeriods: 3,
        comparisonOperator: "LessThanThreshold",
        threshold: 1,
        treatMissingData: "breaching",
      },
      to === "operators" ? this.operatorTopic : this.topic,
    );
  }

  /**
   * Scheduled jobs (backups, the daily readings) that fail: a task of their families that stops
   * with a non-zero exit code or never starts (TaskFailedToStart: an image that cannot be pulled,
   * a secret that cannot be read), and schedules whose invocations EventBridge Scheduler drops
   * after its retries (RunTask refused: https://docs.aws.amazon.com/scheduler/latest/UserGuide/monitoring-cloudwatch.html).
   */
  failedJobs(name: string, clusterArn: pulumi.Input<string>, families: pulumi.Input<string>[], scheduleGroup: pulumi.Input<string>): void {
    const rule = new aws.cloudwatch.EventRule(
      name,
      {
        description: "An NPS scheduled job failed or did not start",
        eventPattern: pulumi.jsonStringify({
          source: ["aws.ecs"],
          "detail-type": ["ECS Task State Change"],
          detail: {
            clusterArn: [clusterArn],
            lastStatus: ["STOPPED"],
            group: families.map((f) => pulumi.interpolate`family:${f}`),
            $or: [{ containers: { exitCode: [{ "anything-but": 0 }] } }, { stopCode: ["TaskFailedToStart"] }],
          },
        }),
      },
      { parent: this },
    );
    new aws.cloudwatch.EventTarget(`${name}-to-alerts`, { rule: rule.name, arn: this.topic.arn }, { parent: this });
    this.alarm(`${name}-dropped`, {
      alarmDescription: "EventBridge Scheduler gave up starting a scheduled job",
      namespace: "AWS/Scheduler",
      metricName: "InvocationDroppedCount",
      dimensions: { ScheduleGroup: scheduleGroup },
      statistic: "Sum",
      period: 300,
      evaluationPeriods: 1,
      comparisonOperator: "GreaterThanThreshold",
      threshold: 0,
    });
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
