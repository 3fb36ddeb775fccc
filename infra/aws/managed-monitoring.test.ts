import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { planComponent, TEST_KEY_ARN } from "./testing/component-plan";
import { GRAFANA_TOKEN, ManagedMonitoring, type ManagedMonitoringArgs } from "./managed-monitoring";

describe("component ManagedMonitoring (mocks)", () => {
  const args = (over: Partial<ManagedMonitoringArgs> = {}, opts: pulumi.ResourceOptions = {}): ManagedMonitoringArgs => ({
    region: "eu-west-1",
    alertTopicArn: "arn:aws:sns:eu-west-1:1:alerts",
    kmsKeyArn: TEST_KEY_ARN,
    grafanaAdmins: { userIds: [], groupIds: ["g-ops"] },
    allowAlerts: (workspaceArn) => new aws.sns.TopicPolicy("grant", { arn: "arn:aws:sns:eu-west-1:1:alerts", policy: workspaceArn }, { transformations: opts.transformations }),
    namePrefix: "nps-test",
    accountId: "111122223333",
    ...over,
  });

  it("defines the alert manager only after its workspace may publish to the topic", async () => {
    const plan = await planComponent((opts) => new ManagedMonitoring("mon", args({}, opts), opts));
    expect(plan.one("aws:amp/alertManagerDefinition:AlertManagerDefinition", "mon-alertmanager").dependsOn).to.deep.equal(["grant"]);
    expect(plan.one("aws:amp/workspace:Workspace", "mon").inputs.alias).to.equal("nps-test");
  });

  it("rotates the provisioning token before AWS's 30-day limit, under a new name each time", async () => {
    const plan = await planComponent((opts) => new ManagedMonitoring("mon", args(), opts));
    expect(plan.one("time:index/rotating:Rotating", "mon-grafana-token-rotation").inputs.rotationDays).to.equal(GRAFANA_TOKEN.rotateDays);
    const token = plan.one("aws:grafana/workspaceServiceAccountToken:WorkspaceServiceAccountToken", "mon-grafana-token").inputs;
    expect(token.secondsToLive).to.equal(30 * 24 * 3600);
    expect(token.name).to.equal("nps-pulumi-20260121000000");
    expect(GRAFANA_TOKEN.rotateDays).to.be.lessThan(GRAFANA_TOKEN.lifetimeDays);
  });

  it("assigns the configured Identity Center groups and users the workspace's admin role, and refuses none", async () => {
    const plan = await planComponent((opts) => new ManagedMonitoring("mon", args(), opts));
    expect(plan.one("aws:grafana/roleAssociation:RoleAssociation", "mon-grafana-admins").inputs).to.deep.include({ role: "ADMIN", groupIds: ["g-ops"], workspaceId: "mon-grafana-id" });
    await planComponent((opts) => new ManagedMonitoring("mon", args({ grafanaAdmins: { userIds: [], groupIds: [] } }), opts)).then(
      () => expect.fail("a workspace nobody can sign in to"),
      (e: Error) => expect(e.message).to.match(/at least one Grafana administrator/),
    );
  });
});
