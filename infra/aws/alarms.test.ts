import { expect } from "chai";
import { planComponent, TEST_KEY_ARN } from "./testing/component-plan";
import { Alarms } from "./alarms";

type Statement = { Sid: string; Principal: { Service: string }; Action: string[]; Resource: string; Condition: Record<string, Record<string, string>> };

describe("component Alarms (mocks)", () => {
  const WORKSPACE = "arn:aws:aps:eu-west-1:111122223333:workspace/ws-1";
  const build = () =>
    planComponent((opts) => {
      const a = new Alarms("al", { kmsKeyArn: TEST_KEY_ARN, accountId: "111122223333", region: "eu-west-1", operatorEmail: "ops@example.com" }, opts);
      a.allowPublishers("al-publishers", WORKSPACE);
      a.noRunningTasks("al-api-down", "cluster", "api");
      a.noRunningTasks("al-alerter-down", "cluster", "alerter", "operators");
      a.failedJobs("al-jobs", "arn:cluster", ["nps-test-backup"], "nps-test-jobs");
      return a;
    });

  it("lets SNS deliver into the encrypted queue only from its own topic, after the queue policy exists", async () => {
    const plan = await build();
    const q = plan.json<{ Statement: Statement[] }>("aws:sqs/queuePolicy:QueuePolicy", "al-queue-policy", "policy").Statement[0];
    expect(q.Principal.Service).to.equal("sns.amazonaws.com");
    expect(q.Condition.ArnEquals["aws:SourceArn"]).to.match(/:sns:.*:al$/);
    expect(q.Condition.StringEquals["aws:SourceAccount"]).to.equal("111122223333");
    expect(plan.one("aws:sqs/queue:Queue", "al-queue").inputs.kmsMasterKeyId).to.equal(TEST_KEY_ARN);
    expect(plan.one("aws:sns/topicSubscription:TopicSubscription", "al-to-alerter").dependsOn).to.include("al-queue-policy");
  });

  it("grants publishing to CloudWatch, EventBridge and this Prometheus workspace (with GetTopicAttributes), each with confused-deputy conditions", async () => {
    const plan = await build();
    const statements = plan.json<{ Statement: Statement[] }>("aws:sns/topicPolicy:TopicPolicy", "al-publishers", "policy").Statement;
    const by = Object.fromEntries(statements.map((s) => [s.Principal.Service, s]));
    expect(Object.keys(by)).to.have.members(["cloudwatch.amazonaws.com", "events.amazonaws.com", "aps.amazonaws.com"]);
    expect(by["aps.amazonaws.com"].Action).to.have.members(["sns:Publish", "sns:GetTopicAttributes"]);
    expect(by["aps.amazonaws.com"].Condition.ArnEquals["aws:SourceArn"]).to.equal(WORKSPACE);
    expect(by["cloudwatch.amazonaws.com"].Condition.ArnLike["aws:SourceArn"]).to.equal("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:*");
    expect(by["events.amazonaws.com"].Condition.ArnLike["aws:SourceArn"]).to.equal("arn:aws:events:eu-west-1:111122223333:rule/*");
    for (const s of statements) expect(s.Condition.StringEquals["aws:SourceAccount"], s.Sid).to.equal("111122223333");
  });

  it("sends alarms about the alerter to the operators' e-mail topic, never through the alerter's queue", async () => {
    const plan = await build();
    const operators = "arn:aws:sns:eu-west-1:123456789012:al-operators";
    expect(plan.one("aws:cloudwatch/metricAlarm:MetricAlarm", "al-alerter-down").inputs.alarmActions).to.deep.equal([operators]);
    expect(plan.one("aws:cloudwatch/metricAlarm:MetricAlarm", "al-queue-stale").inputs.alarmActions).to.deep.equal([operators]);
    expect(plan.one("aws:cloudwatch/metricAlarm:MetricAlarm", "al-api-down").inputs.alarmActions).to.deep.equal(["arn:aws:sns:eu-west-1:123456789012:al"]);
    expect(plan.one("aws:sns/topicSubscription:TopicSubscription", "al-operators-email").inputs).to.include({ protocol: "email", endpoint: "ops@example.com" });
    const grant = plan.json<{ Statement: Statement[] }>("aws:sns/topicPolicy:TopicPolicy", "al-operators-publish", "policy").Statement[0];
    expect(grant.Principal.Service).to.equal("cloudwatch.amazonaws.com");
    expect(grant.Condition.StringEquals["aws:SourceAccount"]).to.equal("111122223333");
  });

  it("catches scheduled jobs that exit non-zero, fail to start, or are dropped by the scheduler", async () => {
    const plan = await build();
    const pattern = JSON.parse(plan.one("aws:cloudwatch/eventRule:EventRule", "al-jobs").inputs.eventPattern as string);
    expect(pattern.detail.group).to.deep.equal(["family:nps-test-backup"]);
    expect(pattern.detail.$or).to.deep.equal([{ containers: { exitCode: [{ "anything-but": 0 }] } }, { stopCode: ["TaskFailedToStart"] }]);
    const dropped = plan.one("aws:cloudwatch/metricAlarm:MetricAlarm", "al-jobs-dropped").inputs;
    expect(dropped).to.include({ namespace: "AWS/Scheduler", metricName: "InvocationDroppedCount", threshold: 0 });
  });
});
