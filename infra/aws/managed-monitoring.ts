import * as aws from "@pulumi/aws";
import * as grafana from "@pulumiverse/grafana";
import * as pulumi from "@pulumi/pulumi";
import { renderAmpAlertManagerDefinition } from "../render/alertmanager";
import { renderAlertRules } from "../render/alert-rules";
import { DATASOURCE_UID, dashboards } from "../render/grafana";

/**
 * Amazon Managed Prometheus with the same alert rules as the dev stack, its alert manager
 * publishing to the alert topic, and Amazon Managed Grafana with the same dashboards over it.
 * The collector that feeds the workspace is a Fargate service of the stack (see prod.ts).
 */
export class ManagedMonitoring extends pulumi.ComponentResource {
  readonly workspace: aws.amp.Workspace;
  readonly grafana: aws.grafana.Workspace;
  readonly remoteWriteUrl: pulumi.Output<string>;

  constructor(
    name: string,
    args: { region: string; alertTopicArn: pulumi.Input<string>; kmsKeyArn: pulumi.Input<string> },
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("nps:aws:ManagedMonitoring", name, {}, opts);
    const parent = { parent: this };
    this.workspace = new aws.amp.Workspace(name, { alias: name, kmsKeyArn: args.kmsKeyArn }, parent);
    this.remoteWriteUrl = pulumi.interpolate`${this.workspace.prometheusEndpoint}api/v1/remote_write`;
    new aws.amp.RuleGroupNamespace(`${name}-rules`, { workspaceId: this.workspace.id, name: "nps", data: renderAlertRules() }, parent);
    new aws.amp.AlertManagerDefinition(
      `${name}-alertmanager`,
      {
        workspaceId: this.workspace.id,
        definition: pulumi.output(args.alertTopicArn).apply((topicArn) => renderAmpAlertManagerDefinition({ kind: "sns", topicArn, region: args.region })),
      },
      parent,
    );

    const role = new aws.iam.Role(
      `${name}-grafana`,
      {
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "grafana.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
      },
      parent,
    );
    new aws.iam.RolePolicyAttachment(
      `${name}-grafana-prometheus`,
      { role: role.name, policyArn: "arn:aws:iam::aws:policy/service-role/AmazonGrafanaPrometheusAccess" },
      parent,
    );
    new aws.iam.RolePolicyAttachment(
      `${name}-grafana-cloudwatch`,
      { role: role.name, policyArn: "arn:aws:iam::aws:policy/service-role/AmazonGrafanaCloudWatchAccess" },
      parent,
    );
    this.grafana = new aws.grafana.Workspace(
      `${name}-grafana`,
      {
        accountAccessType: "CURRENT_ACCOUNT",
        authenticationProviders: ["AWS_SSO"],
        permissionType: "SERVICE_MANAGED",
        dataSources: ["PROMETHEUS", "CLOUDWATCH"],
        roleArn: role.arn,
      },
      parent,
    );
    const account = new aws.grafana.WorkspaceServiceAccount(
      `${name}-grafana-provisioner`,
      { workspaceId: this.grafana.id, name: "nps-provisioner", grafanaRole: "ADMIN" },
      parent,
    );
    const token = new aws.grafana.WorkspaceServiceAccountToken(
      `${name}-grafana-token`,
      { workspaceId: this.grafana.id, serviceAccountId: account.serviceAccountId, name: "nps-pulumi", secondsToLive: 30 * 24 * 3600 },
      { parent: this, additionalSecretOutputs: ["key"] },
    );
    const provider = new grafana.Provider(
      `${name}-grafana`,
      { url: pulumi.interpolate`https://${this.grafana.endpoint}`, auth: pulumi.secret(token.key) },
      parent,
    );
    const source = new grafana.oss.DataSource(
      `${name}-prometheus`,
      {
        type: "prometheus",
        name: "Prometheus",
        uid: DATASOURCE_UID,
        url: this.workspace.prometheusEndpoint,
        isDefault: true,
        jsonDataEncoded: JSON.stringify({ httpMethod: "POST", sigV4Auth: true, sigV4AuthType: "ec2_iam_role", sigV4Region: args.region }),
      },
      { parent: this, provider },
    );
    const folder = new grafana.oss.Folder(`${name}-folder`, { title: "NPS" }, { parent: this, provider });
    for (const d of dashboards()) {
      new grafana.oss.Dashboard(
        `${name}-${d.uid}`,
        { folder: folder.uid, configJson: JSON.stringify(d), overwrite: true },
        { parent: this, provider, dependsOn: [source] },
      );
    }
    this.registerOutputs({ grafanaUrl: this.grafana.endpoint });
  }
}
