import * as path from "node:path";
import { expect } from "chai";
import { PORTS } from "../services/lib/ports";
import { HEALTH_PATHS } from "../services/lib/health-paths";
import { ENV_VARS } from "../services/lib/config/env-spec";
import { APP_SECRETS, BACKUP_KINDS, DATABASE } from "../infra/catalog";
import { parseStackConfig, type ProdSettings } from "../infra/config/stack-config";
import { Plan, plannedStack } from "../infra/plan/plan-child";
import { readStackConfigFile, type PlannedResource } from "../infra/plan/run-plan";
import { renderAlertRules } from "../infra/render/alert-rules";
import { checkoutReleaseTag } from "../infra/aws/release-tag";

const ROOT = path.resolve(__dirname, "..");
type Container = {
  name: string;
  command?: string[];
  environment: Array<{ name: string; value: string }>;
  secrets: Array<{ name: string; valueFrom: string }>;
  healthCheck?: { command: string[] };
  portMappings: Array<{ containerPort: number }>;
  logConfiguration: { options: Record<string, string> };
};

describe("stack prod (AWS), planned with the committed Pulumi.prod.yaml", function () {
  this.timeout(180_000);
  let plan: Plan;
  let s: ProdSettings;

  before(async () => {
    const cfg = readStackConfigFile(ROOT, "prod");
    s = parseStackConfig(cfg.values, cfg.secretKeys) as ProdSettings;
    plan = new Plan(await plannedStack("prod"));
  });

  const one = (type: string, name: string) => plan.one(type, name);
  const all = (type: string) => plan.ofType(type);
  const subnetIds = (tier: string) => all("aws:ec2/subnet:Subnet").filter((x) => x.inputs.tags && (x.inputs.tags as { tier: string }).tier === tier).map((x) => `${x.name}-id`);
  const taskContainer = (family: string): Container => {
    const td = all("aws:ecs/taskDefinition:TaskDefinition").find((t) => t.inputs.family === family);
    if (!td) throw new Error(`no task definition ${family}`);
    return (JSON.parse(td.inputs.containerDefinitions as string) as Container[])[0];
  };

  it("spreads a VPC over the configured zones: public, app and data subnets, none mapping public addresses", () => {
    expect(s.target).to.equal("aws");
    expect(one("aws:ec2/vpc:Vpc", "nps").inputs.cidrBlock).to.equal(s.network.cidr);
    const subnets = all("aws:ec2/subnet:Subnet");
    expect(subnets).to.have.length(3 * s.network.zones);
    expect(new Set(subnets.map((x) => x.inputs.availabilityZone)).size).to.equal(s.network.zones);
    for (const x of subnets) expect(x.inputs.mapPublicIpOnLaunch, x.name).to.equal(false);
    const routes = all("aws:ec2/route:Route");
    expect(routes.filter((r) => r.inputs.gatewayId)).to.have.length(1);
    expect(routes.filter((r) => r.inputs.natGatewayId)).to.have.length(s.network.zones);
    // The data route table has no route at all beyond the VPC's own.
    expect(routes.filter((r) => String(r.inputs.routeTableId).startsWith("nps-data"))).to.be.empty;
  });

  it("runs PostgreSQL 15 on RDS: multi-AZ, encrypted, backups kept, deletion protection, TLS forced, password managed by Secrets Manager", () => {
    const db = one("aws:rds/instance:Instance", "nps-db").inputs;
    expect(db.engine).to.equal("postgres");
    expect(db.engineVersion).to.equal("15");
    expect(db.instanceClass).to.equal(s.database.instanceClass);
    expect(db.multiAz).to.equal(true);
    expect(db.storageEncrypted).to.equal(true);
    expect(db.kmsKeyId).to.match(/^arn:aws:kms:/);
    expect(db.backupRetentionPeriod).to.equal(s.database.backupRetentionDays);
    expect(db.deletionProtection).to.equal(true);
    expect(db.skipFinalSnapshot).to.equal(false);
    expect(db.manageMasterUserPassword).to.equal(true);
    expect(db.password).to.equal(undefined);
    expect(db.publiclyAccessible).to.equal(false);
    const params = one("aws:rds/parameterGroup:ParameterGroup", "nps-db-params").inputs;
    expect(params.family).to.equal("postgres15");
    expect(params.parameters).to.deep.include({ name: "rds.force_ssl", value: "1" });
    expect(db.parameterGroupName).to.equal("nps-db-params");
    expect(one("aws:rds/subnetGroup:SubnetGroup", "nps-db-subnets").inputs.subnetIds).to.have.members(subnetIds("data"));
  });

  it("puts an RDS Proxy in front, TLS required, authenticating with the managed secret", () => {
    const proxy = one("aws:rds/proxy:Proxy", "nps-db-proxy").inputs;
    expect(proxy.requireTls).to.equal(true);
    expect(proxy.engineFamily).to.equal("POSTGRESQL");
    expect(proxy.vpcSubnetIds).to.have.members(subnetIds("data"));
    expect((proxy.auths as Array<{ secretArn: string }>)[0].secretArn).to.match(/secretsmanager:.*rds!db-nps-db/);
    expect(one("aws:rds/proxyTarget:ProxyTarget", "nps-db-proxy-target").inputs.dbInstanceIdentifier).to.equal("nps-db");
  });

  it("runs Redis as an ElastiCache replication group: failover, encryption in transit and at rest, an auth token kept secret", () => {
    const rg = one("aws:elasticache/replicationGroup:ReplicationGroup", "nps-cache").inputs;
    expect(rg.engine).to.equal("redis");
    expect(rg.numCacheClusters).to.equal(s.cache.nodes);
    expect(rg.automaticFailoverEnabled).to.equal(true);
    expect(rg.multiAzEnabled).to.equal(true);
    expect(rg.transitEncryptionEnabled).to.equal(true);
    expect(rg.atRestEncryptionEnabled).to.equal(true);
    expect(rg.authToken).to.equal("[secret]");
    expect(one("aws:elasticache/subnetGroup:SubnetGroup", "nps-cache-subnets").inputs.subnetIds).to.have.members(subnetIds("data"));
    expect(one("aws:elasticache/parameterGroup:ParameterGroup", "nps-cache-params").inputs.parameters).to.deep.include({ name: "maxmemory-policy", value: "allkeys-lru" });
  });

  it("pushes the images to ECR (scanned, immutable tags) under the checkout's release tag, built from a relative context", () => {
    const repos = all("aws:ecr/repository:Repository").map((r) => r.inputs);
    expect(repos.map((r) => r.name)).to.have.members(["nps-prod/app", "nps-prod/web"]);
    for (const r of repos) {
      expect(r.imageTagMutability).to.equal("IMMUTABLE");
      expect(r.imageScanningConfiguration).to.deep.equal({ scanOnPush: true });
    }
    for (const i of all("docker:index/image:Image")) {
      expect(String(i.inputs.imageName)).to.match(new RegExp(`/nps-prod/(app|web):${checkoutReleaseTag(ROOT)}$`));
      const build = i.inputs.build as { context: string; dockerfile: string };
      expect(path.isAbsolute(build.context), build.context).to.equal(false);
      expect(path.resolve(build.context)).to.equal(ROOT);
      expect((i.inputs.registry as { password: string }).password).to.equal("[secret]");
    }
  });

  it("runs api, oracle, telegram-bot, alerter and web on Fargate in the app subnets with no public address", () => {
    const services = all("aws:ecs/service:Service");
    expect(services.map((x) => x.name)).to.include.members(["api", "oracle", "telegram-bot", "alerter", "web"]);
    for (const svc of services) {
      const net = svc.inputs.networkConfiguration as { assignPublicIp: boolean; subnets: string[] };
      expect(svc.inputs.launchType).to.equal("FARGATE");
      expect(net.assignPublicIp, svc.name).to.equal(false);
      expect(net.subnets).to.have.members(subnetIds("app"));
      expect(svc.inputs.deploymentCircuitBreaker).to.deep.equal({ enable: true, rollback: true });
    }
    for (const name of ["api", "oracle", "telegram-bot", "alerter"]) {
      expect(taskContainer(`nps-prod-${name}`).command).to.deep.equal(["nps", "start", "--only", name]);
    }
    expect(one("aws:ecs/service:Service", "api").inputs.desiredCount).to.equal(s.services.api.min);
    expect(one("aws:ecs/taskDefinition:TaskDefinition", "api").inputs.cpu).to.equal(String(s.services.api.cpu));
    expect(one("aws:ecs/taskDefinition:TaskDefinition", "api").inputs.memory).to.equal(String(s.services.api.memoryMb));
  });

  it("makes the Oracle reachable by name inside the VPC", () => {
    expect(one("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "nps-namespace").inputs.name).to.equal("nps.internal");
    const oracleSvc = one("aws:servicediscovery/service:Service", "oracle-discovery").inputs;
    expect(oracleSvc.name).to.equal("oracle");
    expect(one("aws:ecs/service:Service", "oracle").inputs.serviceRegistries).to.have.property("registryArn");
    const api = taskContainer("nps-prod-api");
    expect(api.environment).to.deep.include({ name: "ORACLE_GRPC_HOST", value: "oracle.nps.internal" });
  });

  it("injects app secrets from Secrets Manager: names and ARNs in the task definitions, never values", () => {
    const secret = one("aws:secretsmanager/secret:Secret", "nps-app").inputs;
    expect(secret.kmsKeyId).to.match(/^arn:aws:kms:/);
    expect(one("aws:secretsmanager/secretVersion:SecretVersion", "nps-app-version").inputs.secretString).to.equal("[secret]");
    const api = taskContainer("nps-prod-api");
    const secretNames = api.secrets.map((x) => x.name);
    expect(secretNames).to.include.members(["API_SECRET_KEY", "NPS_ENCRYPTION_KEY", "NPS_ENCRYPTION_SALT", "POSTGRES_PASSWORD", "REDIS_URL"]);
    for (const ref of api.secrets) expect(ref.valueFrom).to.match(/^arn:aws:secretsmanager:.*:[A-Za-z_]+::$/);
    expect(api.secrets.find((x) => x.name === "POSTGRES_PASSWORD")?.valueFrom).to.match(/:nps-db-app:password::$/);
    const secretEnv = Object.keys(APP_SECRETS);
    for (const e of api.environment) expect(secretEnv, e.name).to.not.include(e.name);
    expect(api.environment).to.deep.include({ name: "PGSSLMODE", value: "require" });
  });

  it("sets only environment names the platform knows", () => {
    const known = new Set<string>(ENV_VARS.map((v) => v.name));
    for (const td of all("aws:ecs/taskDefinition:TaskDefinition")) {
      if (td.name === "collector") continue;
      const c = (JSON.parse(td.inputs.containerDefinitions as string) as Container[])[0];
      for (const e of [...c.environment.map((x) => x.name), ...c.secrets.map((x) => x.name)]) expect(known.has(e), `${td.name}: ${e}`).to.equal(true);
    }
  });

  it("schedules the backups (daily 00:00 UTC oracle, Sunday 03:00 UTC full) and the daily readings", () => {
    const schedules = Object.fromEntries(all("aws:scheduler/schedule:Schedule").map((x) => [x.name, x.inputs]));
    expect(schedules["backup-oracle"].scheduleExpression).to.equal("cron(0 0 * * ? *)");
    expect(schedules["backup-full"].scheduleExpression).to.equal("cron(0 3 ? * SUN *)");
    expect(schedules["daily-readings"]).to.exist;
    for (const x of Object.values(schedules)) {
      expect(x.scheduleExpressionTimezone).to.equal("UTC");
      const target = x.target as { ecsParameters: { launchType: string; networkConfiguration: { assignPublicIp: boolean } } };
      expect(target.ecsParameters.launchType).to.equal("FARGATE");
      expect(target.ecsParameters.networkConfiguration.assignPublicIp).to.equal(false);
    }
    for (const b of BACKUP_KINDS) {
      const c = taskContainer(`nps-prod-backup-${b.kind}`);
      expect(c.command).to.deep.equal([...b.command]);
      expect(c.environment.find((e) => e.name === "NPS_BACKUP_S3_BUCKET")?.value).to.equal("nps-backups");
      expect(c.environment.find((e) => e.name === "NPS_BACKUP_KMS_KEY_ID")?.value, "uploads carry the platform key").to.match(/^arn:aws:kms:/);
    }
  });

  it("lets the API's admin backup routes list, read and write the backup bucket with the platform key, as the backup jobs do", () => {
    const api = taskContainer("nps-prod-api");
    const job = taskContainer(`nps-prod-backup-${BACKUP_KINDS[0].kind}`);
    const envOf = (c: Container, name: string) => c.environment.find((e) => e.name === name)?.value;
    for (const name of ["NPS_BACKUP_S3_BUCKET", "NPS_BACKUP_KMS_KEY_ID", "NPS_BACKUP_ORACLE_RETENTION_DAYS", "NPS_BACKUP_FULL_RETENTION_DAYS"]) {
      expect(envOf(api, name), name).to.be.a("string").and.not.equal("");
      expect(envOf(api, name), name).to.equal(envOf(job, name));
    }
    type Statement = { Effect: string; Action: string | string[]; Resource: string | string[] };
    const statements = (task: string) => (JSON.parse(one("aws:iam/rolePolicy:RolePolicy", `${task}-task-permissions`).inputs.policy as string) as { Statement: Statement[] }).Statement;
    const allows = (list: Statement[], action: string, resource: string) =>
      list.some((st) => st.Effect === "Allow" && [st.Action].flat().includes(action) && [st.Resource].flat().includes(resource));
    const bucketArn = `arn:aws:s3:::${envOf(api, "NPS_BACKUP_S3_BUCKET")}`;
    const keyArn = envOf(api, "NPS_BACKUP_KMS_KEY_ID") as string;
    const granted = statements("api");
    expect(allows(granted, "s3:ListBucket", bucketArn), "s3:ListBucket").to.equal(true);
    for (const action of ["s3:GetObject", "s3:PutObject"]) expect(allows(granted, action, `${bucketArn}/*`), action).to.equal(true);
    for (const action of ["kms:GenerateDataKey", "kms:Decrypt"]) expect(allows(granted, action, keyArn), action).to.equal(true);
    // The same grant as the backup jobs', not a second copy that could drift.
    const jobGrant = statements(`backup-${BACKUP_KINDS[0].kind}`);
    for (const st of jobGrant) expect(granted, JSON.stringify(st.Action)).to.deep.include(st);
  });

  it("has the API start a scheduled backup task for an administrator's backup: its env names the task as the schedule starts it, its role may start exactly that", () => {
    const api = taskContainer("nps-prod-api");
    const envOf = (name: string) => api.environment.find((e) => e.name === name)?.value ?? "";
    // The task: one of the scheduled backup tasks, which log in as the schema's owner (not the API's role).
    const family = /:task-definition\/(.+):\d+$/.exec(envOf("NPS_BACKUP_TASK_DEFINITION"))?.[1];
    const backupFamilies = BACKUP_KINDS.map((b) => `nps-prod-backup-${b.kind}`);
    expect(backupFamilies).to.include(family);
    const td = all("aws:ecs/taskDefinition:TaskDefinition").find((t) => t.inputs.family === family)!;
    const container = taskContainer(family!);
    expect(envOf("NPS_BACKUP_TASK_CONTAINER")).to.equal(container.name);
    expect(container.environment).to.deep.include({ name: "POSTGRES_USER", value: DATABASE.user });
    expect(api.environment).to.deep.include({ name: "POSTGRES_USER", value: "nps_app" });
    // Where: the cluster, subnets and security groups its schedule starts it with.
    const schedule = one("aws:scheduler/schedule:Schedule", family!.replace(/^nps-prod-/, "")).inputs.target as {
      arn: string;
      ecsParameters: { networkConfiguration: { subnets: string[]; securityGroups: string[] } };
    };
    expect(envOf("NPS_BACKUP_TASK_CLUSTER")).to.equal(schedule.arn).and.match(/^arn:aws:ecs:eu-west-1:\d{12}:cluster\//);
    expect(envOf("NPS_BACKUP_TASK_SUBNETS").split(",")).to.deep.equal(schedule.ecsParameters.networkConfiguration.subnets).and.have.members(subnetIds("app"));
    expect(envOf("NPS_BACKUP_TASK_SECURITY_GROUPS").split(",")).to.deep.equal(schedule.ecsParameters.networkConfiguration.securityGroups);

    type Statement = { Effect: string; Action: string | string[]; Resource: string | string[]; Condition?: Record<string, Record<string, string>> };
    const granted = (JSON.parse(one("aws:iam/rolePolicy:RolePolicy", "api-task-permissions").inputs.policy as string) as { Statement: Statement[] }).Statement;
    const grantsOf = (action: string) => granted.filter((st) => st.Effect === "Allow" && [st.Action].flat().includes(action));
    const inCluster = { ArnEquals: { "ecs:cluster": schedule.arn } };
    const run = grantsOf("ecs:RunTask");
    expect(run).to.have.length(1);
    expect([run[0].Resource].flat()).to.deep.equal([`${envOf("NPS_BACKUP_TASK_DEFINITION").replace(/:\d+$/, "")}:*`]);
    expect(run[0].Condition).to.deep.equal(inCluster);
    for (const action of ["ecs:DescribeTasks", "ecs:ListTasks"]) {
      expect(grantsOf(action), action).to.have.length(1);
      expect(grantsOf(action)[0].Condition, action).to.deep.equal(inCluster);
    }
    const pass = grantsOf("iam:PassRole");
    expect(pass).to.have.length(1);
    expect([pass[0].Resource].flat()).to.have.members([td.inputs.executionRoleArn as string, td.inputs.taskRoleArn as string]).and.have.length(2);
    expect(pass[0].Condition).to.deep.equal({ StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } });
  });

  it("serves HTTPS on an ALB: ACM certificate validated through Route53, TLS 1.2+, 80 redirects to 443", () => {
    const cert = one("aws:acm/certificate:Certificate", "nps-cert").inputs;
    expect(cert.domainName).to.equal(s.domain);
    expect(cert.validationMethod).to.equal("DNS");
    expect(one("aws:route53/record:Record", "nps-cert-validation").inputs.type).to.equal("CNAME");
    expect(one("aws:acm/certificateValidation:CertificateValidation", "nps-cert-validation").inputs.validationRecordFqdns).to.have.length(1);
    const alb = one("aws:lb/loadBalancer:LoadBalancer", "nps").inputs;
    expect(alb.internal).to.equal(false);
    expect(alb.subnets).to.have.members(subnetIds("public"));
    const http = one("aws:lb/listener:Listener", "nps-http").inputs;
    expect(http.port).to.equal(80);
    expect(http.defaultActions).to.deep.equal([{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]);
    const https = one("aws:lb/listener:Listener", "nps-https").inputs;
    expect(https.port).to.equal(443);
    expect(https.protocol).to.equal("HTTPS");
    expect(https.sslPolicy).to.match(/TLS13-1-2/);
    expect(https.certificateArn).to.match(/certificate\/nps-cert/);
    expect((one("aws:lb/listenerRule:ListenerRule", "nps-api").inputs.conditions as Array<{ pathPattern: { values: string[] } }>)[0].pathPattern.values).to.include("/api/*");
    expect((one("aws:lb/targetGroup:TargetGroup", "nps-api").inputs.healthCheck as { path: string }).path).to.equal(HEALTH_PATHS.apiLive);
    expect(one("aws:route53/record:Record", "nps-domain").inputs.name).to.equal(s.domain);
  });

  it("scales api and oracle by target tracking on CPU, memory and requests per target within the configured bounds", () => {
    for (const name of ["api", "oracle"] as const) {
      const target = one("aws:appautoscaling/target:Target", `${name}-scaling`).inputs;
      expect([target.minCapacity, target.maxCapacity]).to.deep.equal([s.services[name].min, s.services[name].max]);
      const policies = plan.children(`${name}-scaling`, "aws:appautoscaling/policy:Policy").map((p) => p.inputs.targetTrackingScalingPolicyConfiguration as Record<string, unknown>);
      expect(policies).to.have.length(3);
      const types = policies.map((p) => (p.predefinedMetricSpecification as { predefinedMetricType?: string } | undefined)?.predefinedMetricType ?? "custom");
      expect(types).to.include.members(["ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization"]);
      expect(policies.map((p) => p.targetValue)).to.have.members([s.scaling.cpuPercent, s.scaling.memoryPercent, s.scaling.requestsPerTarget]);
    }
    const apiRequests = one("aws:appautoscaling/policy:Policy", "api-scaling-requests").inputs.targetTrackingScalingPolicyConfiguration as { predefinedMetricSpecification: { predefinedMetricType: string; resourceLabel: string } };
    expect(apiRequests.predefinedMetricSpecification.predefinedMetricType).to.equal("ALBRequestCountPerTarget");
    expect(apiRequests.predefinedMetricSpecification.resourceLabel).to.equal("app/nps/plan/targetgroup/nps-api/plan");
  });

  it("keeps backups in S3: versioned, KMS-encrypted, private, oracle/ 30 days, full/ 60 days, incomplete uploads aborted", () => {
    expect(one("aws:s3/bucketVersioning:BucketVersioning", "nps-backups-versioning").inputs.versioningConfiguration).to.deep.equal({ status: "Enabled" });
    const sse = one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "nps-backups-encryption").inputs.rules as Array<{ applyServerSideEncryptionByDefault: { sseAlgorithm: string; kmsMasterKeyId: string } }>;
    expect(sse[0].applyServerSideEncryptionByDefault.sseAlgorithm).to.equal("aws:kms");
    expect(sse[0].applyServerSideEncryptionByDefault.kmsMasterKeyId).to.match(/^arn:aws:kms:/);
    const block = one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "nps-backups-public-access").inputs;
    expect([block.blockPublicAcls, block.blockPublicPolicy, block.ignorePublicAcls, block.restrictPublicBuckets]).to.deep.equal([true, true, true, true]);
    const rules = one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "nps-backups-lifecycle").inputs.rules as Array<{ filter: { prefix?: string }; expiration?: { days: number }; abortIncompleteMultipartUpload?: { daysAfterInitiation: number } }>;
    expect(rules.find((r) => r.filter.prefix === "oracle/")?.expiration?.days).to.equal(30);
    expect(rules.find((r) => r.filter.prefix === "full/")?.expiration?.days).to.equal(60);
    expect(rules.some((r) => r.abortIncompleteMultipartUpload)).to.equal(true);
  });

  it("keeps logs with the configured retention and alarms (5xx, unhealthy targets, CPU, storage) to SNS and on to the alerter", () => {
    for (const lg of all("aws:cloudwatch/logGroup:LogGroup")) expect(lg.inputs.retentionInDays, lg.name).to.equal(s.logRetentionDays);
    const alarms = all("aws:cloudwatch/metricAlarm:MetricAlarm");
    const names = alarms.map((a) => a.name);
    expect(names).to.include.members(["nps-alb-5xx", "nps-api-unhealthy", "nps-api-cpu", "nps-oracle-cpu", "nps-db-storage"]);
    const toOperators = ["nps-alerter-down", "nps-alerts-queue-stale"];
    for (const a of alarms) {
      const topic = toOperators.includes(a.name) ? "nps-alerts-operators" : "nps-alerts";
      expect(a.inputs.alarmActions, a.name).to.deep.equal([`arn:aws:sns:eu-west-1:123456789012:${topic}`]);
    }
    expect(one("aws:sns/topicSubscription:TopicSubscription", "nps-alerts-to-alerter").inputs.protocol).to.equal("sqs");
    const alerter = taskContainer("nps-prod-alerter");
    expect(alerter.environment.find((e) => e.name === "NPS_ALERT_QUEUE_URL")?.value).to.match(/sqs\..*nps-alerts-queue/);
  });

  it("feeds Amazon Managed Prometheus (the same rules) from a collector and gives Amazon Managed Grafana the same dashboards", () => {
    expect(one("aws:amp/ruleGroupNamespace:RuleGroupNamespace", "nps-monitoring-rules").inputs.data).to.equal(renderAlertRules());
    expect(one("aws:amp/alertManagerDefinition:AlertManagerDefinition", "nps-monitoring-alertmanager").inputs.definition).to.include("sns_configs");
    const collector = taskContainer("nps-prod-collector");
    const config = collector.environment.find((e) => e.name === "AOT_CONFIG_CONTENT")?.value ?? "";
    expect(config).to.include("prometheusremotewrite").and.include("api.nps.internal").and.include("oracle.nps.internal");
    expect(one("aws:grafana/workspace:Workspace", "nps-monitoring-grafana").inputs.dataSources).to.include("PROMETHEUS");
    const boards = all("grafana:oss/dashboard:Dashboard").map((d) => JSON.parse(d.inputs.configJson as string).uid);
    expect(boards).to.have.members(["nps-api", "nps-oracle", "nps-readings", "nps-telegram"]);
  });

  it("lets nothing but the load balancer face the internet, and only on 80 and 443", () => {
    const open = all("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.inputs.cidrIpv4 === "0.0.0.0/0" || r.inputs.cidrIpv6 === "::/0");
    expect(open).to.not.be.empty;
    for (const r of open) {
      expect(r.inputs.securityGroupId, r.name).to.equal("nps-alb-id");
      expect([r.inputs.fromPort, r.inputs.toPort]).to.satisfy(([f, t]: number[]) => f === t && (f === PORTS.nginxHttp || f === PORTS.nginxHttps));
    }
    for (const r of all("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")) {
      if (r.inputs.cidrIpv4 || r.inputs.cidrIpv6) expect(open).to.include(r);
    }
    const publicThings = plan.resources.filter((r) => r.inputs.publiclyAccessible === true || r.inputs.associatePublicIpAddress === true || r.inputs.mapPublicIpOnLaunch === true);
    expect(publicThings).to.be.empty;
    expect(all("aws:lb/loadBalancer:LoadBalancer").filter((r) => r.inputs.internal === false).map((r) => r.name)).to.deep.equal(["nps"]);
  });

  it("keeps the data stores in the data subnets and encrypted", () => {
    const data = subnetIds("data");
    expect(one("aws:rds/subnetGroup:SubnetGroup", "nps-db-subnets").inputs.subnetIds).to.have.members(data);
    expect(one("aws:elasticache/subnetGroup:SubnetGroup", "nps-cache-subnets").inputs.subnetIds).to.have.members(data);
    expect(one("aws:rds/instance:Instance", "nps-db").inputs.storageEncrypted).to.equal(true);
    const rg = one("aws:elasticache/replicationGroup:ReplicationGroup", "nps-cache").inputs;
    expect([rg.atRestEncryptionEnabled, rg.transitEncryptionEnabled]).to.deep.equal([true, true]);
    expect(one("aws:kms/key:Key", "nps").inputs.enableKeyRotation).to.equal(true);
  });

  it("never shows a generated secret's value", () => {
    const text = JSON.stringify(plan.resources satisfies readonly PlannedResource[]);
    expect(text).to.not.match(/a{32}/).and.not.match(/p{24}/);
  });
});
