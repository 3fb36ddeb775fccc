import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { PORTS } from "../services/lib/ports";
import { HEALTH_PATHS } from "../services/lib/health-paths";
import {
  BACKUP_VOLUME,
  DATABASE,
  SUPPORT,
  WORKLOADS,
  serviceEnv,
  startOrder,
  usesData,
  type PortSpec,
  type SupportName,
  type VolumeMount,
  type WorkloadName,
  type Wiring,
} from "../infra/catalog";
import { AppSecrets, generatedPassword } from "../infra/app-secrets";
import type { DevSettings } from "../infra/config/stack-config";
import { CatalogContainers, containerNames, type CatalogContainersArgs } from "../infra/docker/catalog-containers";
import { DevCertificate } from "../infra/docker/dev-certificate";
import { dockerEnvs } from "../infra/docker/env";
import { DevImages } from "../infra/docker/images";
import { renderAlertmanagerConfig } from "../infra/render/alertmanager";
import { renderAlertRules } from "../infra/render/alert-rules";
import { dashboards, renderGrafanaDashboardProvider, renderGrafanaDatasources } from "../infra/render/grafana";
import { renderNginxConf } from "../infra/render/nginx";
import { renderPrometheusConfig } from "../infra/render/prometheus";

/**
 * Stack dev: the whole platform on one Docker host (seed section 3). Two networks: `nps` for the
 * services, the proxy and monitoring, and the internal `nps-data` where PostgreSQL and Redis sit
 * with no route out and no published port. Only nginx publishes ports to the world (80/443);
 * Prometheus, Alertmanager and Grafana answer on 127.0.0.1 of the host.
 */
export function deployDev(s: DevSettings) {
  const network = new docker.Network("nps-network", { name: "nps", driver: "bridge" });
  const dataNetwork = new docker.Network("nps-data-network", { name: "nps-data", driver: "bridge", internal: true });
  // One named volume for every volume a catalog entry mounts.
  const mounts: VolumeMount[] = [
    ...Object.values(SUPPORT).flatMap((e) => e.docker.volumes ?? []),
    ...Object.values(WORKLOADS).flatMap((e) => e.volumes ?? []),
  ];
  const volumes = new Map<string, docker.Volume>();
  for (const m of mounts) {
    // Data that outlives the stack: `pulumi destroy` stops at it, as at the prod database and bucket.
    if (!volumes.has(m.name)) volumes.set(m.name, new docker.Volume(`nps-volume-${m.name}`, { name: `nps-${m.name}` }, { protect: m.keep === true }));
  }
  const mount = (list: readonly VolumeMount[] | undefined) => (list ?? []).map((m) => ({ volume: volumes.get(m.name) as docker.Volume, path: m.path }));

  const secrets = new AppSecrets("nps", { settings: s });
  const postgresPassword = generatedPassword("nps-postgres-password", 32, secrets);
  const grafanaPassword = generatedPassword("nps-grafana-admin-password", 24, secrets);
  // The first administrator's password: generated here and handed to the API, as in prod; the
  // operator reads it with `pulumi stack output adminPassword --show-secrets` (never from a log).
  const adminPassword = generatedPassword("nps-admin-password", 24, secrets);
  const ownSecrets: Partial<Record<WorkloadName, Record<string, { secret: pulumi.Output<string> }>>> = { api: { NPS_ADMIN_PASSWORD: { secret: adminPassword } } };
  const images = new DevImages("nps-images", { tag: s.imageTag, baseImage: s.baseImage });

  const httpsSuffix = s.hostPorts.https === 443 ? "" : `:${s.hostPorts.https}`;
  const publicUrl = `https://${s.domain}${httpsSuffix}`;
  const wiring: Wiring<pulumi.Output<string>> = {
    database: s.pgbouncer
      ? { host: "pgbouncer", port: PORTS.pgbouncer, password: postgresPassword }
      : { host: "postgres", port: PORTS.postgres, password: postgresPassword },
    redis: { host: "redis", port: PORTS.redis },
    oracleHost: "oracle",
    publicUrl,
    domain: s.domain,
    apiUrl: `http://api:${PORTS.api}/api`,
    logLevel: s.logLevel,
    secret: (name) => secrets.values[name],
    telegram: s.telegram,
    backup: { dir: BACKUP_VOLUME.path },
  };

  const built = new Map<string, CatalogContainers>();
  const depsOf = (name: WorkloadName | SupportName): pulumi.Resource[] => {
    const entry = name in WORKLOADS ? WORKLOADS[name as WorkloadName] : SUPPORT[name as SupportName];
    const names = entry.dependsOn.map((d) => d.on as string);
    if (s.pgbouncer && names.includes("postgres") && name !== "pgbouncer") names.push("pgbouncer");
    return names.flatMap((n) => built.get(n)?.containers ?? []);
  };
  /** Replicas: the stack config's count for a scalable entry, else the catalog's. */
  const replicasOf = (name: WorkloadName) => {
    const configured = (s.replicas as Partial<Record<WorkloadName, number>>)[name];
    return WORKLOADS[name].replicas.scalable && configured !== undefined ? configured : WORKLOADS[name].replicas.default;
  };

  const workload = (name: WorkloadName) =>
    new CatalogContainers(name, {
      entry: WORKLOADS[name],
      // The built image's id, not its name: a rebuilt image replaces the containers.
      image: WORKLOADS[name].image === "web" ? images.web.repoDigest : images.app.repoDigest,
      replicas: replicasOf(name),
      networks: usesData(WORKLOADS[name]) ? [network, dataNetwork] : [network],
      envs: dockerEnvs({ ...serviceEnv(name, wiring), ...ownSecrets[name] }),
      volumes: mount(WORKLOADS[name].volumes),
      dependsOn: depsOf(name),
    });

  /** What the dev stack adds to a support service's stock image: its environment and config files. */
  type SupportExtras = Pick<CatalogContainersArgs, "envs" | "uploads" | "hostPaths" | "command">;
  const supportExtras: Partial<Record<SupportName, () => SupportExtras>> = {
    postgres: () => ({
      envs: dockerEnvs({
        POSTGRES_DB: { value: DATABASE.name },
        POSTGRES_USER: { value: DATABASE.user },
        POSTGRES_PASSWORD: { secret: postgresPassword },
      }),
    }),
    pgbouncer: () => ({
      envs: dockerEnvs({
        DATABASE_URL: { secret: pulumi.interpolate`postgresql://${DATABASE.user}:${postgresPassword}@postgres:${PORTS.postgres}/${DATABASE.name}` },
        LISTEN_PORT: { value: String(PORTS.pgbouncer) },
        AUTH_TYPE: { value: "scram-sha-256" },
        POOL_MODE: { value: "transaction" },
        MAX_CLIENT_CONN: { value: "400" },
        DEFAULT_POOL_SIZE: { value: "40" },
        MIN_POOL_SIZE: { value: "10" },
        RESERVE_POOL_SIZE: { value: "5" },
      }),
    }),
    alertmanager: () => ({
      uploads: [
        {
          file: "/etc/alertmanager/alertmanager.yml",
          content: renderAlertmanagerConfig({ kind: "webhook", url: `http://alerter:${PORTS.alerterHttp}${HEALTH_PATHS.alerterWebhook}` }),
        },
      ],
    }),
    prometheus: () => ({
      uploads: [
        {
          file: "/etc/prometheus/prometheus.yml",
          content: renderPrometheusConfig({
            scrapeIntervalS: 15,
            evaluationIntervalS: 15,
            targets: { kind: "static", hosts: (j) => hostsOf(j.job) },
            ruleFiles: ["rules/nps.rules.yml"],
            alertmanagers: [`alertmanager:${PORTS.alertmanager}`],
          }),
        },
        { file: "/etc/prometheus/rules/nps.rules.yml", content: renderAlertRules() },
      ],
    }),
    grafana: () => ({
      envs: dockerEnvs({
        GF_SECURITY_ADMIN_USER: { value: "admin" },
        GF_SECURITY_ADMIN_PASSWORD: { secret: grafanaPassword },
        GF_USERS_ALLOW_SIGN_UP: { value: "false" },
        GF_AUTH_ANONYMOUS_ENABLED: { value: "false" },
        GF_SERVER_HTTP_PORT: { value: String(PORTS.grafana) },
      }),
      uploads: [
        { file: "/etc/grafana/provisioning/datasources/nps.yml", content: renderGrafanaDatasources(`http://prometheus:${PORTS.prometheus}`) },
        { file: "/etc/grafana/provisioning/dashboards/nps.yml", content: renderGrafanaDashboardProvider("/var/lib/grafana/dashboards/nps") },
        ...dashboards().map((d) => ({ file: `/var/lib/grafana/dashboards/nps/${d.uid}.json`, content: JSON.stringify(d, null, 2) })),
      ],
    }),
    nginx: () => {
      const tls = nginxTls(s.tls);
      const cert = s.tls.mode === "self-signed" ? new DevCertificate("nps-dev-certificate", { domain: s.domain }) : undefined;
      const conf = renderNginxConf({
        serverName: s.domain,
        // The services' network aliases, resolved per request: a replaced container is found again.
        apiServers: [`api:${PORTS.api}`],
        webServers: [`web:${PORTS.web}`],
        resolver: DOCKER_DNS,
        listen: { http: PORTS.nginxHttp, https: PORTS.nginxHttps },
        tls: tls.files,
        publicHttpsPort: s.hostPorts.https,
        runtime: { daemon: "command-line" },
      });
      return {
        command: tls.command,
        uploads: [
          { file: "/etc/nginx/nginx.conf", content: conf },
          ...(cert
            ? [
                { file: tls.files.certificate, content: cert.certificatePem },
                { file: tls.files.key, content: cert.privateKeyPem, permissions: "0600" },
              ]
            : []),
        ],
        hostPaths: tls.mount ? [tls.mount] : [],
      };
    },
  };

  /** Host ports: nginx's from the stack config, the monitoring UIs' from it or on their own numbers. */
  const hostPort = (name: SupportName, port: PortSpec): number => {
    if (name === "nginx") return port.port === PORTS.nginxHttps ? s.hostPorts.https : s.hostPorts.http;
    const configured = (s.hostPorts as Partial<Record<string, number>>)[name];
    return configured ?? port.port;
  };

  const support = (name: SupportName): CatalogContainers | undefined => {
    const entry = SUPPORT[name];
    if (name === "pgbouncer" && !s.pgbouncer) return undefined;
    const run = entry.docker;
    const extras = supportExtras[name]?.() ?? {};
    return new CatalogContainers(name, {
      entry,
      image: images.support(name),
      replicas: 1,
      networks: [run.network === "data" ? dataNetwork : network],
      volumes: mount(run.volumes),
      shmSizeMb: run.shmSizeMb,
      publish: run.publish ? entry.ports.map((p) => ({ internal: p.port, external: hostPort(name, p), public: run.publish === "public" })) : undefined,
      ...extras,
      command: extras.command ?? (run.command ? [...run.command] : undefined),
      dependsOn: depsOf(name),
    });
  };

  /** Container names of an entry, known before anything is created (the catalog fixes them). */
  function hostsOf(name: string): string[] {
    if (name in WORKLOADS) return containerNames(name, replicasOf(name as WorkloadName));
    return name === "pgbouncer" && !s.pgbouncer ? [] : containerNames(name, 1);
  }

  // With PgBouncer on, everything that uses the database goes through it: build it right after PostgreSQL.
  const order: Array<WorkloadName | SupportName> = startOrder().filter((n) => n !== "pgbouncer");
  order.splice(order.indexOf("postgres") + 1, 0, "pgbouncer");
  for (const name of order) {
    const containers = name in WORKLOADS ? workload(name as WorkloadName) : support(name as SupportName);
    if (containers) built.set(name, containers);
  }

  return {
    url: publicUrl,
    grafanaUrl: `http://127.0.0.1:${s.hostPorts.grafana ?? PORTS.grafana}`,
    grafanaAdminPassword: grafanaPassword,
    adminPassword,
    prometheusUrl: `http://127.0.0.1:${s.hostPorts.prometheus ?? PORTS.prometheus}`,
    containers: [...built.values()].flatMap((c) => c.hostnames),
  };
}

/** Docker's embedded DNS server on user-defined networks. */
export const DOCKER_DNS = "127.0.0.11";
/** How often nginx re-reads its certificate files (a renewed Let's Encrypt certificate). */
export const CERT_RELOAD_HOURS = 6;

/**
 * Where nginx finds its certificate. Self-signed: uploaded files. Files from a host directory:
 * that directory, read-only; for Let's Encrypt's live/<domain> (whose files are symlinks into
 * archive/<domain>) the whole letsencrypt folder, so the links resolve, and a reload every few
 * hours so a renewed certificate is served without a restart.
 */
export function nginxTls(tls: DevSettings["tls"]): {
  files: { certificate: string; key: string };
  mount?: { hostPath: string; path: string };
  command?: string[];
} {
  if (tls.mode === "self-signed") return { files: { certificate: "/etc/nginx/tls/cert.pem", key: "/etc/nginx/tls/key.pem" } };
  const reload = ["sh", "-c", `while sleep ${CERT_RELOAD_HOURS * 3600}; do nginx -s reload; done & exec nginx -g 'daemon off;'`];
  const le = /^(.*)\/live\/([^/]+)\/?$/.exec(tls.directory);
  if (le) {
    const dir = `/etc/letsencrypt/live/${le[2]}`;
    return { files: { certificate: `${dir}/${tls.certificate}`, key: `${dir}/${tls.key}` }, mount: { hostPath: le[1], path: "/etc/letsencrypt" }, command: reload };
  }
  return { files: { certificate: `/etc/nginx/tls/${tls.certificate}`, key: `/etc/nginx/tls/${tls.key}` }, mount: { hostPath: tls.directory, path: "/etc/nginx/tls" }, command: reload };
}
