import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";

/**
 * Offline answers for `nps plan`: every resource "creates" with its inputs plus the outputs a
 * program reads back (ARNs, endpoints, generated values), and every provider function the
 * stacks call returns a plausible fixed result. Nothing here talks to a cloud or a Docker engine.
 */
export const PLAN_ACCOUNT = "123456789012";

function arn(service: string, region: string, resource: string): string {
  return `arn:aws:${service}:${region}:${PLAN_ACCOUNT}:${resource}`;
}

export class PlanMocks implements pulumi.runtime.Mocks {
  constructor(private readonly region: string) {}

  newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
    const id = `${args.name}-id`;
    const state: Record<string, unknown> = { ...args.inputs, ...this.outputs(args) };
    return { id, state };
  }

  call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    switch (args.token) {
      case "aws:index/getCallerIdentity:getCallerIdentity":
        return { accountId: PLAN_ACCOUNT, arn: `arn:aws:iam::${PLAN_ACCOUNT}:user/plan`, userId: "PLAN", id: PLAN_ACCOUNT };
      case "aws:index/getAvailabilityZones:getAvailabilityZones":
        return { names: ["a", "b", "c", "d", "e", "f"].map((z) => `${this.region}${z}`), zoneIds: [], id: this.region };
      case "aws:route53/getZone:getZone":
        return { zoneId: "ZPLAN123456", name: args.inputs.name, id: "ZPLAN123456" };
      case "aws:ecr/getImage:getImage":
        // A digest derived from the tag, so a plan shows which tag a rollback pins.
        return { imageDigest: `sha256:${Buffer.from(String(args.inputs.imageTag)).toString("hex").padEnd(64, "0").slice(0, 64)}`, imageTag: args.inputs.imageTag, id: "image" };
      case "aws:ecr/getAuthorizationToken:getAuthorizationToken":
        return { userName: "AWS", password: "plan-token", proxyEndpoint: `https://${PLAN_ACCOUNT}.dkr.ecr.${this.region}.amazonaws.com`, id: "token" };
      default:
        throw new Error(`nps plan: no offline answer for ${args.token}`);
    }
  }

  private outputs(a: pulumi.runtime.MockResourceArgs): Record<string, unknown> {
    const r = this.region;
    const name = a.name;
    const i = a.inputs as Record<string, unknown>;
    switch (a.type) {
      case "random:index/randomId:RandomId": {
        const bytes = Number(i.byteLength ?? 16);
        return { hex: "a".repeat(bytes * 2), b64Std: "plan", b64Url: "plan", dec: "1" };
      }
      case "random:index/randomPassword:RandomPassword":
        return { result: "p".repeat(Number(i.length ?? 16)) };
      case "tls:index/privateKey:PrivateKey":
        return { privateKeyPem: "-----BEGIN PRIVATE KEY-----\nplan\n-----END PRIVATE KEY-----\n", publicKeyPem: "plan" };
      case "tls:index/selfSignedCert:SelfSignedCert":
        return { certPem: "-----BEGIN CERTIFICATE-----\nplan\n-----END CERTIFICATE-----\n" };
      case "docker:index/image:Image":
      {
        // As the provider answers: a pushed image's repoDigest is repository@digest; a local build
        // that is never pushed (skipPush) has only the built image's id.
        const digest = `sha256:${createHash("sha256").update(String(i.imageName)).digest("hex")}`;
        const repository = String(i.imageName).replace(/:[^:/]+$/, "");
        return { imageName: i.imageName, repoDigest: i.skipPush ? digest : `${repository}@${digest}` };
      }
      case "docker:index/remoteImage:RemoteImage":
        return { imageId: `sha256:${name}`, repoDigest: `${i.name}@sha256:${"0".repeat(64)}` };
      case "docker:index/network:Network":
      case "docker:index/volume:Volume":
        return { name: i.name ?? name };
      case "aws:ec2/vpc:Vpc":
        return { arn: arn("ec2", r, `vpc/${name}`) };
      case "aws:ecr/repository:Repository":
        return { repositoryUrl: `${PLAN_ACCOUNT}.dkr.ecr.${r}.amazonaws.com/${i.name}`, registryId: PLAN_ACCOUNT, arn: arn("ecr", r, `repository/${i.name}`) };
      case "aws:rds/instance:Instance":
        return {
          arn: arn("rds", r, `db:${name}`),
          identifier: name,
          address: `${name}.plan.${r}.rds.amazonaws.com`,
          endpoint: `${name}.plan.${r}.rds.amazonaws.com:5432`,
          masterUserSecrets: [{ secretArn: arn("secretsmanager", r, `secret:rds!db-${name}`), kmsKeyId: "plan", secretStatus: "active" }],
        };
      case "aws:rds/proxy:Proxy":
        return { arn: arn("rds", r, `db-proxy:${name}`), name, endpoint: `${name}.proxy-plan.${r}.rds.amazonaws.com` };
      case "aws:elasticache/replicationGroup:ReplicationGroup":
        return { arn: arn("elasticache", r, `replicationgroup:${name}`), primaryEndpointAddress: `master.${name}.plan.cache.amazonaws.com` };
      case "aws:acm/certificate:Certificate":
        return {
          arn: arn("acm", r, `certificate/${name}`),
          domainValidationOptions: [
            { domainName: i.domainName, resourceRecordName: `_plan.${i.domainName}.`, resourceRecordType: "CNAME", resourceRecordValue: "_plan.acm-validations.aws." },
          ],
        };
      case "aws:acm/certificateValidation:CertificateValidation":
        return { certificateArn: i.certificateArn };
      case "aws:lb/loadBalancer:LoadBalancer":
        return { arn: arn("elasticloadbalancing", r, `loadbalancer/app/${name}/plan`), arnSuffix: `app/${name}/plan`, dnsName: `${name}-plan.${r}.elb.amazonaws.com`, zoneId: "ZPLANALB" };
      case "aws:lb/targetGroup:TargetGroup":
        return { arn: arn("elasticloadbalancing", r, `targetgroup/${name}/plan`), arnSuffix: `targetgroup/${name}/plan` };
      case "aws:route53/record:Record":
        return { fqdn: i.name };
      case "aws:ecs/cluster:Cluster":
        return { arn: arn("ecs", r, `cluster/${name}`), name };
      case "aws:ecs/service:Service":
        return { name };
      case "aws:ecs/taskDefinition:TaskDefinition":
        return { arn: arn("ecs", r, `task-definition/${i.family}:1`), arnWithoutRevision: arn("ecs", r, `task-definition/${i.family}`) };
      case "aws:amp/workspace:Workspace":
        return { arn: arn("aps", r, `workspace/ws-${name}`), prometheusEndpoint: `https://aps-workspaces.${r}.amazonaws.com/workspaces/ws-${name}/` };
      case "aws:grafana/workspace:Workspace":
        return { arn: arn("grafana", r, `/workspaces/g-${name}`), endpoint: `g-${name}.grafana-workspace.${r}.amazonaws.com` };
      case "aws:grafana/workspaceServiceAccount:WorkspaceServiceAccount":
        return { serviceAccountId: `${name}-sa` };
      case "aws:grafana/workspaceServiceAccountToken:WorkspaceServiceAccountToken":
        return { key: "plan-grafana-token" };
      case "aws:sqs/queue:Queue":
        return { arn: arn("sqs", r, name), url: `https://sqs.${r}.amazonaws.com/${PLAN_ACCOUNT}/${name}` };
      case "aws:s3/bucket:Bucket":
        return { arn: `arn:aws:s3:::${name}`, bucket: name };
      case "time:index/rotating:Rotating":
        return { rotationRfc3339: "2026-01-21T00:00:00Z", rfc3339: "2026-01-01T00:00:00Z" };
      case "grafana:oss/folder:Folder":
        return { uid: `${name}-uid` };
      default: {
        const [pkg, mod] = a.type.split(":");
        return pkg === "aws" ? { arn: arn(mod.split("/")[0], r, name), name: i.name ?? name } : {};
      }
    }
  }
}
