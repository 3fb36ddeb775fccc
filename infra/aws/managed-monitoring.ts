import * as aws from "@pulumi/aws";
import * as grafana from "@pulumiverse/grafana";
import * as pulumi from "@pulumi/pulumi";
import * as time from "@pulumiverse/time";
import { renderAmpAlertManagerDefinition } from "../render/alertmanager";
import { renderAlertRules } from "../render/alert-rules";
import { DATASOURCE_UID, dashboards } from "../render/grafana";
import { assumedBy } from "./trust";

/**
 * The Grafana service account token Pulumi provisions the dashboards with. AWS caps its life at
 * 30 days (WorkspaceServiceAccountToken.secondsToLive); a time.Rotating resource proposes a new
 * token at the first `pulumi up` after ROTATE_DAYS, and, because it compares against the clock
 * when the program runs, also at the first one after a longer pause, when the old token has
 * already expired. The new token is created before the old one is deleted.
 */
export const GRAFANA_TOKEN = { lifetimeDays: 30, rotateDays: 20 } as const;

/** Who administers the Grafana workspace: IAM Identity Center users and groups (their ids). */
export interface GrafanaAdmins {
  readonly userIds: readonly string[];
  readonly groupIds: readonly string[];
}

export interface ManagedMonitoringArgs {
  readonly region: string;
  readonly alertTopicArn: pulumi.Input<string>;
  readonly kmsKeyArn: pulumi.Input<string>;
  readonly grafanaAdmins: GrafanaAdmins;
  /**
   * Grants this workspace publishing on the alert topic; the alert manager definition waits for
   * the grant, so the first alert after a deploy is not refused.
   */
  readonly allowAlerts: (workspaceArn: pulumi.Output<string>) => pulumi.Resource;
  readonly namePrefix: string;
  readonly accountId: pulumi.Input<string>;
}

/**
 * Amazon Managed Prometheus with the same alert rules as the dev stack, its alert manager
 * publishing to the alert topic, and Amazon Managed Grafana with the same dashboards over it,
 * signed in through IAM Identity Center by the configured administrators.
 * The collector that feeds the workspace is a Fargate service of the stack (see prod.ts).
 */
export class ManagedMonitoring extends pulumi.ComponentResource {
  readonly workspace: aws.amp.Workspace;
  readonly grafana: aws.grafana.Workspace;
  readonly remoteWriteUrl: pulumi.Output<string>;

  constructor(name: string, args: ManagedMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:ManagedMonitoring", name, {}, opts);
    const parent = { parent: this };
    this.workspace = new aws.amp.Workspace(name, { alias: args.namePrefix, kmsKeyArn: args.kmsKeyArn }, parent);
    const publishing = args.allowAlerts(this.workspace.arn);
    this.remoteWriteUrl = pulumi.interpolate`${this.workspace.prometheusEndpoint}api/v1/remote_write`;
    new aws.amp.RuleGroupNamespace(`${name}-rules`, { workspaceId: this.workspace.id, name: "nps", data: renderAlertRules() }, parent);
    new aws.amp.AlertManagerDefinition(
      `${name}-alertmanager`,
      {
        workspaceId: this.workspace.id,
        definition: pulumi.output(args.alertTopicArn).apply((topicArn) => renderAmpAlertManagerDefinition({ kind: "sns", topicArn, region: args.region })),
      },
      { parent: this, dependsOn: [publishing] },
    );

    const role = new aws.iam.Role(
      `${name}-grafana`,
      {
        assumeRolePolicy: assumedBy("grafana.amazonaws.com", args.accountId),
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
    if (args.grafanaAdmins.userIds.length + args.grafanaAdmins.groupIds.length === 0) throw new Error("managed monitoring: name at least one Grafana administrator");
    new aws.grafana.RoleAssociation(
      `${name}-grafana-admins`,
      {
        workspaceId: this.grafana.id,
        role: "ADMIN",
        userIds: args.grafanaAdmins.userIds.length > 0 ? [...args.grafanaAdmins.userIds] : undefined,
        groupIds: args.grafanaAdmins.groupIds.length > 0 ? [...args.grafanaAdmins.groupIds] : undefined,
      },
      parent,
    );
    const account = new aws.grafana.WorkspaceServiceAccount(
      `${name}-grafana-provisioner`,
      { workspaceId: this.grafana.id, name: `${args.namePrefix}-provisioner`, grafanaRole: "ADMIN" },
      parent,
    );
    const rotation = new time.Rotating(`${name}-grafana-token-rotation`, { rotationDays: GRAFANA_TOKEN.rotateDays }, parent);
    const token = new aws.grafana.WorkspaceServiceAccountToken(
      `${name}-grafana-token`,
      {
        workspaceId: this.grafana.id,
        serviceAccountId: account.serviceAccountId,
        // A new name at each rotation: the name cannot change in place, so the token is replaced.
        name: pulumi.interpolate`nps-pulumi-${rotation.rotationRfc3339.apply((t) => t.replace(/\D/g, ""))}`,
        secondsToLive: GRAFANA_TOKEN.lifetimeDays * 24 * 3600,
      },
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
