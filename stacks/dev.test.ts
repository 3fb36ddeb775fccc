import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { parse, stringify } from "yaml";
import { PORTS } from "../services/lib/ports";
import { HEALTH_PATHS } from "../services/lib/health-paths";
import { BACKUP_VOLUME, POSTGRES_SETTINGS, SUPPORT, WORKLOADS, type WorkloadName } from "../infra/catalog";
import { parseStackConfig, type DevSettings } from "../infra/config/stack-config";
import { Plan, plannedStack, runPlanCommand } from "../infra/plan/plan-child";
import { readStackConfigFile, type PlannedResource } from "../infra/plan/run-plan";

const CONTAINER = "docker:index/container:Container";
const ROOT = path.resolve(__dirname, "..");

type Upload = { file: string; content: string };
const uploads = (c: PlannedResource) => (c.inputs.uploads as Upload[] | undefined) ?? [];
const upload = (c: PlannedResource, file: string) => {
  const u = uploads(c).find((x) => x.file === file);
  if (!u) throw new Error(`${c.name} has no upload ${file}`);
  return u.content;
};
const envs = (c: PlannedResource) => c.inputs.envs as string[];
const env = (c: PlannedResource, name: string) => envs(c).find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1);
const networks = (c: PlannedResource) => (c.inputs.networksAdvanced as Array<{ name: string }>).map((n) => n.name);

describe("stack dev (Docker), planned with the committed Pulumi.dev.yaml", function () {
  this.timeout(120_000);
  let plan: Plan;
  let settings: DevSettings;

  before(async () => {
    const cfg = readStackConfigFile(ROOT, "dev");
    settings = parseStackConfig(cfg.values, cfg.secretKeys) as DevSettings;
    plan = new Plan(await plannedStack("dev"));
  });

  const container = (name: string) => plan.one(CONTAINER, name);
  const containersOf = (entry: string) => plan.children(entry, CONTAINER);

  it("targets docker and declares the two networks, the data one internal", () => {
    expect(settings.target).to.equal("docker");
    const nets = plan.ofType("docker:index/network:Network").map((n) => n.inputs);
    expect(nets).to.deep.include({ name: "nps", driver: "bridge" });
    expect(nets.find((n) => n.name === "nps-data")?.internal).to.equal(true);
  });

  it("keeps data in named volumes", () => {
    const names = plan.ofType("docker:index/volume:Volume").map((v) => v.inputs.name);
    expect(names).to.include.members(["nps-pgdata", "nps-redisdata", "nps-backups", "nps-prometheus", "nps-grafana"]);
    const pg = container("nps-postgres");
    expect(pg.inputs.volumes).to.deep.include({ volumeName: "nps-pgdata", containerPath: "/var/lib/postgresql/data" });
  });

  it("runs PostgreSQL 15 with pg_isready, the seed's tuning and shared memory, only on the data network", () => {
    const image = plan.one("docker:index/remoteImage:RemoteImage", "nps-image-postgres");
    expect(image.inputs.name).to.match(/^postgres:15/);
    const pg = container("nps-postgres");
    const command = (pg.inputs.command as string[]).join(" ");
    for (const [k, v] of Object.entries(POSTGRES_SETTINGS)) expect(command).to.include(`-c ${k}=${v}`);
    expect(command).to.include("shared_buffers=256MB").and.include("max_connections=100");
    expect(pg.inputs.shmSize).to.equal(256);
    const hc = pg.inputs.healthcheck as { tests: string[]; interval: string; timeout: string; startPeriod: string; retries: number };
    expect(hc.tests).to.include("pg_isready");
    expect([hc.interval, hc.timeout, hc.startPeriod, hc.retries]).to.deep.equal(["10s", "5s", "15s", 5]);
    expect(networks(pg)).to.deep.equal(["nps-data"]);
    expect(pg.inputs.ports).to.deep.equal([]);
    expect(env(pg, "POSTGRES_PASSWORD")).to.equal("[secret]");
  });

  it("runs Redis 7 append-only with an eviction policy, only on the data network", () => {
    expect(plan.one("docker:index/remoteImage:RemoteImage", "nps-image-redis").inputs.name).to.match(/^redis:7/);
    const redis = container("nps-redis");
    const command = (redis.inputs.command as string[]).join(" ");
    expect(command).to.include("--appendonly yes").and.include("--maxmemory-policy allkeys-lru").and.include("--maxmemory 256mb");
    expect((redis.inputs.healthcheck as { tests: string[] }).tests).to.include("redis-cli");
    expect(networks(redis)).to.deep.equal(["nps-data"]);
  });

  it("runs api and oracle with the replica counts of the stack config", () => {
    expect(containersOf("api").map((c) => c.name)).to.have.length(settings.replicas.api);
    expect(containersOf("oracle")).to.have.length(settings.replicas.oracle);
    expect(containersOf("web")).to.have.length(settings.replicas.web);
  });

  it("gives every NPS service its entry point, limits, health check and restart policy", () => {
    // The seed's resource limits (section 10.6), CPUs and MiB; the alerter's memory from a measurement (infra/catalog.ts).
    const seedLimits: Record<string, [string, number]> = {
      web: ["0.5", 256], api: ["1", 1024], oracle: ["1", 1024], "telegram-bot": ["0.25", 128], alerter: ["0.1", 192], backup: ["0.25", 256],
      postgres: ["1", 1024], redis: ["0.5", 512], nginx: ["0.25", 128],
    };
    for (const [entry, [cpus, memory]] of Object.entries(seedLimits)) {
      for (const c of containersOf(entry)) expect([c.inputs.cpus, c.inputs.memory], c.name).to.deep.equal([cpus, memory]);
    }
    for (const name of ["api", "oracle", "telegram-bot", "alerter", "scheduler", "backup"] as WorkloadName[]) {
      const cs = containersOf(name);
      expect(cs, name).to.not.be.empty;
      for (const c of cs) {
        expect(c.inputs.command).to.deep.equal(["nps", "start", "--only", name]);
        expect(c.inputs.restart).to.equal("unless-stopped");
        expect(c.inputs.wait).to.equal(true);
        const hc = c.inputs.healthcheck as { tests: string[]; interval: string };
        const h = WORKLOADS[name].health;
        expect(h.kind).to.equal("http");
        if (h.kind === "http") expect(hc.tests.join(" ")).to.include(`127.0.0.1:${h.port}${h.path}`);
        expect(hc.interval).to.equal(`${WORKLOADS[name].healthTiming.intervalS}s`);
      }
    }
    expect((container("nps-api-1").inputs.healthcheck as { tests: string[] }).tests.join(" ")).to.include(HEALTH_PATHS.apiLive);
  });

  it("probes nginx, the web page and the monitoring containers at their own health URLs", () => {
    const probes: Record<string, string> = {
      "nps-nginx": `127.0.0.1:80${HEALTH_PATHS.nginx}`,
      "nps-prometheus": "127.0.0.1:9095/-/healthy",
      "nps-alertmanager": "127.0.0.1:9093/-/healthy",
      "nps-grafana": "127.0.0.1:3000/api/health",
    };
    for (const [name, url] of Object.entries(probes)) {
      const tests = (container(name).inputs.healthcheck as { tests: string[] }).tests;
      expect(tests, name).to.deep.equal(["CMD", "wget", "-q", "--spider", `http://${url}`]);
    }
    for (const c of containersOf("web")) {
      expect((c.inputs.healthcheck as { tests: string[] }).tests.join(" ")).to.include(`127.0.0.1:5173${HEALTH_PATHS.live}`);
    }
  });

  it("starts each container after the ones it depends on are healthy (wait plus dependsOn)", () => {
    for (const c of plan.ofType(CONTAINER)) {
      expect(c.inputs.wait, c.name).to.equal(true);
      const entry = c.parent as string;
      const deps = entry in WORKLOADS ? WORKLOADS[entry as WorkloadName].dependsOn : SUPPORT[entry as keyof typeof SUPPORT].dependsOn;
      for (const d of deps) {
        const needed = containersOf(d.on).map((x) => x.name);
        expect(c.dependsOn, `${c.name} waits for ${d.on}`).to.include.members(needed);
      }
    }
    expect(container("nps-api-1").dependsOn).to.include.members(["nps-postgres", "nps-redis", "nps-oracle-1"]);
    expect(container("nps-nginx").dependsOn).to.include("nps-api-1");
  });

  it("wires the API to the database, cache and Oracle by name, with its secrets as secrets", () => {
    const api = container("nps-api-1");
    expect(env(api, "POSTGRES_HOST")).to.equal("postgres");
    expect(env(api, "REDIS_HOST")).to.equal("redis");
    expect(env(api, "ORACLE_GRPC_HOST")).to.equal("oracle");
    expect(env(api, "ORACLE_GRPC_PORT")).to.equal(String(PORTS.oracleGrpc));
    for (const s of ["API_SECRET_KEY", "NPS_ENCRYPTION_KEY", "NPS_ENCRYPTION_SALT", "POSTGRES_PASSWORD"]) expect(env(api, s), s).to.equal("[secret]");
    expect(networks(api)).to.have.members(["nps", "nps-data"]);
  });

  it("puts the backup service on its schedule with its volume", () => {
    const b = container("nps-backup");
    expect(env(b, "NPS_BACKUP_ORACLE_SCHEDULE")).to.equal("0 0 * * *");
    expect(env(b, "NPS_BACKUP_FULL_SCHEDULE")).to.equal("0 3 * * 0");
    expect(env(b, "NPS_BACKUP_ORACLE_RETENTION_DAYS")).to.equal("30");
    expect(env(b, "NPS_BACKUP_FULL_RETENTION_DAYS")).to.equal("60");
    expect(b.inputs.volumes).to.deep.include({ volumeName: "nps-backups", containerPath: env(b, "BACKUP_DIR") });
  });

  it("mounts the backup volume read-write in every API replica, where the backup service writes, for the admin backup routes", () => {
    const backup = container("nps-backup");
    const dir = env(backup, "BACKUP_DIR");
    expect(dir).to.equal(BACKUP_VOLUME.path);
    const api = containersOf("api");
    expect(api).to.have.length(settings.replicas.api);
    for (const c of api) {
      expect(env(c, "BACKUP_DIR"), c.name).to.equal(dir);
      const mounts = (c.inputs.volumes as Array<{ volumeName?: string; containerPath: string; readOnly?: boolean }>).filter((v) => v.volumeName === `nps-${BACKUP_VOLUME.name}`);
      expect(mounts, c.name).to.deep.equal([{ volumeName: `nps-${BACKUP_VOLUME.name}`, containerPath: dir }]);
      // Retention the API applies after a backup it takes is the backup service's.
      for (const k of ["NPS_BACKUP_ORACLE_RETENTION_DAYS", "NPS_BACKUP_FULL_RETENTION_DAYS"]) expect(env(c, k), `${c.name} ${k}`).to.equal(env(backup, k));
    }
    // One volume for both, kept from pulumi destroy.
    expect(plan.ofType("docker:index/volume:Volume").filter((v) => v.inputs.name === `nps-${BACKUP_VOLUME.name}`)).to.have.length(1);
  });

  it("fronts everything with nginx: TLS, HSTS, headers, gzip, rate limits, the replicas by their shared name, /ws and /nginx-health", () => {
    const nginx = container("nps-nginx");
    const conf = upload(nginx, "/etc/nginx/nginx.conf");
    expect(conf).to.include("ssl_protocols TLSv1.2 TLSv1.3;").and.include("ssl_ciphers ECDHE-");
    expect(conf).to.include("Strict-Transport-Security").and.include("X-Frame-Options DENY").and.include("X-Content-Type-Options nosniff");
    expect(conf).to.include("gzip on;").and.include("limit_req_zone $binary_remote_addr zone=api:10m rate=30r/s;");
    // Every API replica answers to the alias "api" on the network.
    for (const c of containersOf("api")) expect((c.inputs.networksAdvanced as Array<{ aliases: string[] }>)[0].aliases).to.include("api");
    expect(conf).to.include(`set $nps_api api:${PORTS.api};`).and.include("proxy_pass http://$nps_api;");
    expect(conf).to.include("location /ws").and.include("proxy_set_header Upgrade $http_upgrade;").and.include(`location = ${HEALTH_PATHS.nginx}`);
    expect(conf).to.include("return 301 https://");
  });

  it("lets nginx start the way its stock image starts it: no daemon directive beside `-g \"daemon off;\"`", () => {
    const nginx = container("nps-nginx");
    expect(nginx.inputs.command).to.equal(undefined);
    expect(upload(nginx, "/etc/nginx/nginx.conf")).to.not.match(/^\s*daemon\b/m);
  });

  it("resolves the upstreams at request time through Docker's DNS, so a replaced container is found", () => {
    const conf = upload(container("nps-nginx"), "/etc/nginx/nginx.conf");
    expect(conf).to.match(/^\s*resolver 127\.0\.0\.11 valid=\d+s/m);
    expect(conf).to.not.match(/^\s*upstream /m);
  });

  it("runs each NPS container on its built image's id, so a rebuilt image replaces it", () => {
    const ids = plan.ofType("docker:index/image:Image").map((i) => i.name);
    expect(ids).to.have.members(["nps-images-app", "nps-images-web"]);
    for (const c of [...containersOf("api"), ...containersOf("web")]) {
      expect(c.inputs.image).to.match(/^sha256:[0-9a-f]{64}$/);
      expect(c.dependsOn.some((d) => ids.includes(d)), c.name).to.equal(true);
    }
  });

  it("protects the database and backup volumes from pulumi destroy, as the prod data is", () => {
    const volumes = plan.ofType("docker:index/volume:Volume");
    const kept = volumes.filter((v) => v.protect).map((v) => v.inputs.name);
    expect(kept).to.have.members(["nps-pgdata", "nps-backups"]);
  });

  it("gives nginx a self-signed certificate for local use, its key a secret", () => {
    const cert = plan.ofType("tls:index/selfSignedCert:SelfSignedCert")[0];
    expect(cert.inputs.dnsNames).to.include(settings.domain);
    expect(cert.inputs.allowedUses).to.include("server_auth");
    expect(cert.inputs.privateKeyPem).to.equal("[secret]");
    const nginx = container("nps-nginx");
    expect(upload(nginx, "/etc/nginx/tls/key.pem")).to.equal("[secret]");
    expect(upload(nginx, "/etc/nginx/tls/cert.pem")).to.include("BEGIN CERTIFICATE");
  });

  it("publishes only nginx's 80/443 beyond the host; monitoring stays on 127.0.0.1", () => {
    for (const c of plan.ofType(CONTAINER)) {
      for (const p of (c.inputs.ports as Array<{ internal: number; external: number; ip: string }>) ?? []) {
        if (p.ip !== "127.0.0.1") {
          expect(c.name, `${c.name} publishes ${p.internal}`).to.equal("nps-nginx");
          expect([PORTS.nginxHttp, PORTS.nginxHttps]).to.include(p.internal);
        }
      }
    }
    const published = (container("nps-nginx").inputs.ports as Array<{ internal: number; external: number }>).map((p) => [p.internal, p.external]);
    expect(published).to.deep.equal([[80, settings.hostPorts.http], [443, settings.hostPorts.https]]);
  });

  it("provisions Prometheus (jobs and rules), Alertmanager (to the alerter) and Grafana (datasource and dashboards)", () => {
    const prom = container("nps-prometheus");
    const yml = upload(prom, "/etc/prometheus/prometheus.yml");
    for (const job of ["api", "oracle", "alertmanager"]) expect(yml).to.include(`job_name: ${job}`);
    for (const c of containersOf("api")) expect(yml).to.include(`${c.name}:${PORTS.api}`);
    expect(upload(prom, "/etc/prometheus/rules/nps.rules.yml")).to.include("NpsServiceDown");
    const am = upload(container("nps-alertmanager"), "/etc/alertmanager/alertmanager.yml");
    expect(am).to.include(`http://alerter:${PORTS.alerterHttp}${HEALTH_PATHS.alerterWebhook}`);
    const grafana = container("nps-grafana");
    expect(upload(grafana, "/etc/grafana/provisioning/datasources/nps.yml")).to.include(`http://prometheus:${PORTS.prometheus}`);
    const boards = uploads(grafana).filter((u) => u.file.endsWith(".json")).map((u) => JSON.parse(u.content).uid);
    expect(boards).to.have.members(["nps-api", "nps-oracle", "nps-readings", "nps-telegram"]);
    expect(env(grafana, "GF_SECURITY_ADMIN_PASSWORD")).to.equal("[secret]");
  });

  it("hands the API the first administrator's password as a secret, and no other service", () => {
    for (const c of containersOf("api")) expect(env(c, "NPS_ADMIN_PASSWORD")).to.equal("[secret]");
    for (const name of ["oracle", "telegram-bot", "alerter", "scheduler", "backup"]) {
      for (const c of containersOf(name)) expect(env(c, "NPS_ADMIN_PASSWORD"), c.name).to.equal(undefined);
    }
  });

  it("builds the two NPS images locally from the Dockerfile", () => {
    const images = plan.ofType("docker:index/image:Image").map((i) => i.inputs as { imageName: string; skipPush: boolean; build: { target: string } });
    expect(images.map((i) => i.build.target)).to.have.members(["app", "web"]);
    for (const i of images) expect(i.skipPush).to.equal(true);
  });

  it("leaves PgBouncer out unless configured", () => {
    expect(settings.pgbouncer).to.equal(false);
    expect(containersOf("pgbouncer")).to.be.empty;
  });

  it("never shows a generated secret's value", () => {
    const text = JSON.stringify(plan.resources);
    // The offline plan's stand-ins for generated values (see infra/plan/mocks.ts).
    expect(text).to.not.match(/a{32}/).and.not.match(/p{24}/);
  });
});

describe("stack dev with PgBouncer and certificate files", function () {
  this.timeout(120_000);
  let plan: Plan;

  before(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-dev-variant-"));
    const doc = { config: { ...(readYaml(path.join(ROOT, "Pulumi.dev.yaml")).config as object), "nps:pgbouncer": true, "nps:domain": "nps.example.org", "nps:tls": { mode: "files", directory: "/etc/letsencrypt/live/nps.example.org", certificate: "fullchain.pem", key: "privkey.pem" } } };
    const file = path.join(dir, "Pulumi.dev.yaml");
    fs.writeFileSync(file, stringify(doc));
    const run = await runPlanCommand(["--stack", "dev", "--json", "--config", file]);
    expect(run.code, run.stderr).to.equal(0);
    plan = new Plan(JSON.parse(run.stdout) as PlannedResource[]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("adds PgBouncer (seed 10.3) and points the services at it", () => {
    const pgb = plan.one(CONTAINER, "nps-pgbouncer");
    expect(envs(pgb)).to.include.members(["POOL_MODE=transaction", "MAX_CLIENT_CONN=400", "DEFAULT_POOL_SIZE=40", "DATABASE_URL=[secret]"]);
    const api = plan.one(CONTAINER, "nps-api-1");
    expect(env(api, "POSTGRES_HOST")).to.equal("pgbouncer");
    expect(env(api, "POSTGRES_PORT")).to.equal(String(PORTS.pgbouncer));
    expect(api.dependsOn).to.include("nps-pgbouncer");
  });

  it("mounts Let's Encrypt's folder read-only, so live/ links reach archive/, instead of generating a certificate", () => {
    expect(plan.ofType("tls:index/selfSignedCert:SelfSignedCert")).to.be.empty;
    const nginx = plan.one(CONTAINER, "nps-nginx");
    expect(nginx.inputs.volumes).to.deep.include({ hostPath: "/etc/letsencrypt", containerPath: "/etc/letsencrypt", readOnly: true });
    const conf = upload(nginx, "/etc/nginx/nginx.conf");
    expect(conf).to.include("ssl_certificate /etc/letsencrypt/live/nps.example.org/fullchain.pem;").and.include("server_name nps.example.org;");
  });

  it("reloads nginx every few hours, so a renewed certificate is served without a restart", () => {
    const command = (plan.one(CONTAINER, "nps-nginx").inputs.command as string[]).join(" ");
    expect(command).to.match(/while sleep \d+; do nginx -s reload; done & exec nginx -g 'daemon off;'/);
  });
});

function readYaml(file: string): Record<string, unknown> {
  return parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
}
