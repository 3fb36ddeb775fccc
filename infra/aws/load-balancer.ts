import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { HEALTH_PATHS } from "../../services/lib/health-paths";
import { PORTS } from "../../services/lib/ports";
import { HSTS } from "../render/nginx";

/** TLS 1.2 and 1.3 only, forward-secret suites (the seed's nginx settings, as an ALB policy). */
export const ALB_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
/** The paths the API answers; everything else is the web page. */
export const API_PATHS = ["/api/*", "/ws", "/ws/*"];

/**
 * Response headers the HTTPS listener adds to every response, the web page's and the API's
 * alike: the ones nginx sends in the dev stack, as ALB header modification offers them
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/header-modification.html).
 */
export const RESPONSE_HEADERS = {
  routingHttpResponseStrictTransportSecurityHeaderValue: HSTS,
  routingHttpResponseXContentTypeOptionsHeaderValue: "nosniff",
  routingHttpResponseXFrameOptionsHeaderValue: "DENY",
  routingHttpResponseServerEnabled: false,
} as const;

export interface LoadBalancerArgs {
  readonly domain: string;
  readonly hostedZone: string;
  readonly vpcId: pulumi.Input<string>;
  readonly subnetIds: pulumi.Input<string>[];
  readonly securityGroupId: pulumi.Input<string>;
  /** AWS-side deletion protection; lift it (false, then `pulumi up`) before `pulumi destroy`. */
  readonly deletionProtection: boolean;
}

/**
 * The one thing facing the internet: an Application Load Balancer in the public subnets. Port 80
 * only redirects to 443; 443 terminates TLS with an ACM certificate validated through Route53
 * and forwards /api and /ws to the API, the rest to the web page. The domain points at it.
 */
export class LoadBalancer extends pulumi.ComponentResource {
  readonly alb: aws.lb.LoadBalancer;
  readonly api: aws.lb.TargetGroup;
  readonly web: aws.lb.TargetGroup;
  /**
   * The HTTPS listener and its API rule. ECS accepts a service on a target group only once a
   * listener forwards to it, and the listener exists only after the certificate is validated:
   * services behind the load balancer wait for these.
   */
  readonly ready: pulumi.Resource[];

  constructor(name: string, args: LoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:aws:LoadBalancer", name, {}, opts);
    const parent = { parent: this };
    const zone = aws.route53.getZoneOutput({ name: args.hostedZone, privateZone: false }, parent);

    const cert = new aws.acm.Certificate(`${name}-cert`, { domainName: args.domain, validationMethod: "DNS" }, { parent: this });
    const option = cert.domainValidationOptions[0];
    const validationRecord = new aws.route53.Record(
      `${name}-cert-validation`,
      { zoneId: zone.zoneId, name: option.resourceRecordName, type: option.resourceRecordType, records: [option.resourceRecordValue], ttl: 60, allowOverwrite: true },
      parent,
    );
    const validation = new aws.acm.CertificateValidation(
      `${name}-cert-validation`,
      { certificateArn: cert.arn, validationRecordFqdns: [validationRecord.fqdn] },
      parent,
    );

    this.alb = new aws.lb.LoadBalancer(
      name,
      {
        loadBalancerType: "application",
        internal: false,
        subnets: args.subnetIds,
        securityGroups: [args.securityGroupId],
        dropInvalidHeaderFields: true,
        enableDeletionProtection: args.deletionProtection,
        idleTimeout: 120,
      },
      parent,
    );
    const targetGroup = (id: string, port: number, path: string) =>
      new aws.lb.TargetGroup(
        `${name}-${id}`,
        {
          port,
          protocol: "HTTP",
          targetType: "ip",
          vpcId: args.vpcId,
          deregistrationDelay: 30,
          healthCheck: { path, matcher: "200", interval: 15, healthyThreshold: 2, unhealthyThreshold: 3, timeout: 5 },
        },
        parent,
      );
    this.api = targetGroup("api", PORTS.api, HEALTH_PATHS.apiLive);
    this.web = targetGroup("web", PORTS.web, HEALTH_PATHS.live);

    new aws.lb.Listener(
      `${name}-http`,
      {
        loadBalancerArn: this.alb.arn,
        port: PORTS.nginxHttp,
        protocol: "HTTP",
        defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: String(PORTS.nginxHttps), statusCode: "HTTP_301" } }],
      },
      parent,
    );
    const https = new aws.lb.Listener(
      `${name}-https`,
      {
        loadBalancerArn: this.alb.arn,
        port: PORTS.nginxHttps,
        protocol: "HTTPS",
        sslPolicy: ALB_SSL_POLICY,
        certificateArn: validation.certificateArn,
        defaultActions: [{ type: "forward", targetGroupArn: this.web.arn }],
        ...RESPONSE_HEADERS,
      },
      parent,
    );
    const apiRule = new aws.lb.ListenerRule(
      `${name}-api`,
      {
        listenerArn: https.arn,
        priority: 10,
        conditions: [{ pathPattern: { values: API_PATHS } }],
        actions: [{ type: "forward", targetGroupArn: this.api.arn }],
      },
      parent,
    );
    this.ready = [https, apiRule];
    new aws.route53.Record(
      `${name}-domain`,
      { zoneId: zone.zoneId, name: args.domain, type: "A", aliases: [{ name: this.alb.dnsName, zoneId: this.alb.zoneId, evaluateTargetHealth: true }] },
      parent,
    );
    this.registerOutputs({ dnsName: this.alb.dnsName });
  }
}
