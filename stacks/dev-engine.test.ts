import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as https from "node:https";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import type Docker from "dockerode";
import { firstWsMessage } from "../services/lib/testing/ws-first-message";
import { parse, stringify } from "yaml";
import { isServiceName } from "../services/lib/service-names";
import { findService } from "../services/service-registry";
import { PORTS } from "../services/lib/ports";
import { freePort } from "../services/lib/cache/test-redis-server";
import { WORKLOADS } from "../infra/catalog";
import { dockerClient } from "../infra/images/docker-client";
import { buildImage, localBases } from "../infra/images/build-local";
import { standIns, withoutStandIn } from "../infra/images/stand-ins";
import { applyPlan, removePlan, waitHealthy, type Applied } from "../infra/engine/engine-apply";
import { TYPES, type ContainerInputs } from "../infra/engine/container-spec";
import { runPlanCommand } from "../infra/plan/plan-child";
import type { PlannedResource } from "../infra/plan/run-plan";
import { ensureDockerEngine, TEST_ENGINE, type RunningEngine } from "../tools/test-setup/docker-engine";
import { lockEngine, type EngineLock } from "../tools/test-setup/engine-lock";

/**
 * The dev stack on a real Docker engine. The containers, networks, volumes and images come from
 * the same offline plan as `nps plan --stack dev` (with the plan's own placeholder secrets), and
 * are created as declared: the images from the Dockerfile on a local Debian base, the stock
 * images as local stand-ins under their exact names. Everything is checked from outside,
 * through ports published on 127.0.0.1.
 *
 * Not run here: Grafana (no Debian package, so no local image; its provisioning files are
 * checked by infra/render/monitoring.test.ts and the dev plan test), and the services this build
 * cannot start yet (not in services/service-registry.ts): they are listed by name, and start
 * here with no change to this file once they are registered.
 */
const ROOT = path.resolve(__dirname, "..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Reply {
  status: number;
  body: string;
}

function request(url: string, o: { method?: string; body?: unknown; token?: string; ca?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = o.body === undefined ? undefined : JSON.stringify(o.body);
    const headers: Record<string, string> = {};
    if (payload) Object.assign(headers, { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) });
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    const mod = url.startsWith("https:") ? https : require("node:http");
    const req = mod.request(url, { method: o.method ?? (payload ? "POST" : "GET"), headers, ca: o.ca, servername: "localhost", agent: false }, (res: import("node:http").IncomingMessage) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(payload);
  });
}

/** Let's Encrypt's layout: live/<domain>/*.pem are symlinks into archive/<domain>/. */
function letsEncryptDir(domain: string): { root: string; live: string; cert: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "nps-letsencrypt-"));
  const archive = path.join(root, "archive", domain);
  const live = path.join(root, "live", domain);
  fs.mkdirSync(archive, { recursive: true });
  fs.mkdirSync(live, { recursive: true });
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
    "-subj", `/CN=${domain}`, "-addext", `subjectAltName=DNS:${domain},IP:127.0.0.1`,
    "-keyout", path.join(archive, "privkey1.pem"), "-out", path.join(archive, "fullchain1.pem"),
  ], { stdio: "pipe" });
  for (const f of ["fullchain", "privkey"]) fs.symlinkSync(path.join("..", "..", "archive", domain, `${f}1.pem`), path.join(live, `${f}.pem`));
  return { root, live, cert: fs.readFileSync(path.join(archive, "fullchain1.pem"), "utf8") };
}

describe("stack dev on a real Docker engine, created as the plan declares it", function () {
  this.timeout(40 * 60_000);
  let engine: RunningEngine;
  let docker: Docker;
  let plan: PlannedResource[];
  let applied: Applied;
  let tlsDir: ReturnType<typeof letsEncryptDir>;
  const ports = { http: 0, https: 0, prometheus: 0, alertmanager: 0 };
  const notYetRunnable: string[] = [];
  const skip = new Set<string>();
  const containers = () => plan.filter((r) => r.type === TYPES.container).map((r) => r.inputs as unknown as ContainerInputs);
  /** The catalog entry a container belongs to, from the label the stack puts on it. */
  const serviceOf = (c: { labels?: ContainerInputs["labels"]; Labels?: Record<string, string> }) =>
    c.Labels?.["nps.service"] ?? c.labels?.find((l) => l.label === "nps.service")?.value ?? "";
  let adminToken = "";

  let lock: EngineLock | undefined;

  before(async function () {
    lock = await lockEngine(path.join(TEST_ENGINE.execRoot, "engine-test.lock"), {
      onWait: (pid) => console.log(`      waiting for the real-engine test of process ${pid} to finish`),
    });
    engine = await ensureDockerEngine();
    docker = dockerClient(engine.host);
    const t0 = Date.now();
    const { buildBase } = await localBases(docker, { trustHostCa: true, progress: () => undefined });
    for (const s of standIns()) await buildImage(docker, { tag: s.tag, context: s.dir, buildargs: { BASE: buildBase }, progress: () => undefined });
    const tImages = Date.now();

    tlsDir = letsEncryptDir("localhost");
    for (const k of Object.keys(ports) as Array<keyof typeof ports>) ports[k] = await freePort();
    const committed = parse(fs.readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8")) as { config: Record<string, unknown> };
    const config = {
      config: {
        ...committed.config,
        "nps:baseImage": buildBase,
        "nps:hostPorts": ports,
        "nps:tls": { mode: "files", directory: tlsDir.live, certificate: "fullchain.pem", key: "privkey.pem" },
      },
    };
    const configFile = path.join(tlsDir.root, "Pulumi.engine-test.yaml");
    fs.writeFileSync(configFile, stringify(config));
    const run = await runPlanCommand(["--stack", "dev", "--json", "--show-secrets", "--config", configFile]);
    expect(run.code, run.stderr).to.equal(0);
    plan = JSON.parse(run.stdout) as PlannedResource[];

    for (const c of containers()) {
      const service = c.command?.[0] === "nps" && c.command[1] === "start" ? c.command[c.command.indexOf("--only") + 1] : undefined;
      if (service === undefined) continue;
      if (!isServiceName(service)) throw new Error(`${c.name} runs "nps start --only ${service}", a service nps does not know`);
      if (!findService(service)) {
        notYetRunnable.push(c.name);
        skip.add(c.name);
      }
    }
    for (const w of withoutStandIn()) for (const c of containers().filter((x) => serviceOf(x) === w.name)) skip.add(c.name);
    if (notYetRunnable.length > 0) console.log(`      not yet runnable (no service in services/service-registry.ts): ${notYetRunnable.join(", ")}`);
    console.log(`      no local image: ${withoutStandIn().map((w) => `${w.name} (${w.why})`).join(", ")}`);

    await removePlan(docker, plan);
    applied = await applyPlan(docker, plan, { skip, log: () => undefined });
    console.log(`      images ${((tImages - t0) / 1000).toFixed(0)} s, stack up ${((Date.now() - tImages) / 1000).toFixed(0)} s`);
  });

  after(async () => {
    if (docker && plan) await removePlan(docker, plan);
    if (tlsDir) fs.rmSync(tlsDir.root, { recursive: true, force: true });
    await engine?.stop();
    lock?.release();
  });

  it("creates every declared container that can run, each healthy by its declared check", async () => {
    const expected = containers().filter((c) => !skip.has(c.name)).map((c) => c.name);
    expect([...applied.containers.keys()].sort()).to.deep.equal([...expected].sort());
    for (const [name, container] of applied.containers) {
      const s = (await container.inspect()).State;
      expect(s.Health?.Status, name).to.equal("healthy");
    }
  });

  it("passes the NPS images' own health checks too (the app image's probes the API; the web image's the page)", async () => {
    for (const [name, container] of applied.containers) {
      if (!["api", "web"].includes(serviceOf((await container.inspect()).Config as never))) continue;
      const info = await container.inspect();
      const own = (await docker.getImage(info.Image).inspect()).Config.Healthcheck?.Test;
      expect(own, name).to.be.an("array");
      if (!own) continue;
      const exec = await container.exec({ Cmd: own.slice(1), AttachStdout: true, AttachStderr: true });
      await new Promise<void>((resolve, reject) => exec.start({}, (err, stream) => (err ? reject(err) : stream?.on("end", () => resolve()).resume())));
      expect((await exec.inspect()).ExitCode, name).to.equal(0);
    }
  });

  it("serves HTTPS with the stack's certificate through nginx, and the web page", async () => {
    const health = await request(`https://127.0.0.1:${ports.https}/nginx-health`, { ca: tlsDir.cert });
    expect(health.status).to.equal(200);
    const page = await request(`https://127.0.0.1:${ports.https}/`, { ca: tlsDir.cert });
    expect(page.status).to.equal(200);
    const plain = await request(`http://127.0.0.1:${ports.http}/api/health`);
    expect(plain.status).to.be.oneOf([301, 308]);
  });

  it("signs a user in and stores a reading through nginx, the Oracle reached over gRPC by its service name", async () => {
    const ca = tlsDir.cert;
    // The stack hands the API the first administrator's password (a generated secret, shown by
    // `nps plan --show-secrets` as the plan's own value); the containers never print it.
    const apiEnv = containers().find((c) => serviceOf(c) === "api")?.envs ?? [];
    const password = apiEnv.find((e) => e.startsWith("NPS_ADMIN_PASSWORD="))?.slice("NPS_ADMIN_PASSWORD=".length) ?? "";
    expect(password, "the first administrator's password in the API containers' env").to.not.equal("");
    for (const [name, c] of applied.containers) {
      if (name.startsWith("nps-api")) expect((await c.logs({ stdout: true, stderr: true })).toString("utf8"), name).to.not.include(password);
    }
    const login = await request(`https://127.0.0.1:${ports.https}/api/auth/login`, { body: { username: "admin", password }, ca });
    expect(login.status, login.body).to.equal(200);
    adminToken = JSON.parse(login.body).access_token as string;
    const profile = await request(`https://127.0.0.1:${ports.https}/api/oracle/profiles`, {
      body: { name: "Alice Johnson", birth_date: "1990-07-15", mother_name: "Barbara Johnson", gender: "female" },
      token: adminToken,
      ca,
    });
    expect(profile.status, profile.body).to.equal(201);
    const reading = await request(`https://127.0.0.1:${ports.https}/api/oracle/readings`, {
      body: { reading_type: "time", profile_id: JSON.parse(profile.body).id, include_ai: false },
      token: adminToken,
      ca,
    });
    expect(reading.status, reading.body).to.equal(201);
    expect(JSON.parse(reading.body).oracle_mode).to.equal("grpc");
  });

  it("carries a signed-in WebSocket through nginx's /ws upgrade", async () => {
    const first = await firstWsMessage(`wss://127.0.0.1:${ports.https}/ws?token=${encodeURIComponent(adminToken)}`, { ca: tlsDir.cert });
    expect(first.event).to.equal("connected");
  });

  it("has Prometheus scrape every target up (the not yet runnable ones down) and Alertmanager run its config", async () => {
    const expectedDown = new Set(notYetRunnable);
    let targets: Array<{ labels: { job: string; instance: string }; health: string }> = [];
    for (let i = 0; i < 60; i++) {
      const r = await request(`http://127.0.0.1:${ports.prometheus}/api/v1/targets`);
      targets = (JSON.parse(r.body).data.activeTargets as typeof targets) ?? [];
      const pending = targets.filter((t) => t.health === "unknown" || (t.health !== "up" && !expectedDown.has(t.labels.instance.split(":")[0])));
      if (targets.length > 0 && pending.length === 0) break;
      await sleep(2000);
    }
    for (const t of targets) {
      const host = t.labels.instance.split(":")[0];
      expect(t.health, `${t.labels.job} ${t.labels.instance}`).to.equal(expectedDown.has(host) ? "down" : "up");
    }
    const jobs = new Set(targets.map((t) => t.labels.job));
    for (const name of ["api", "oracle"] as const) expect(jobs, name).to.include(WORKLOADS[name].name);
    const status = await request(`http://127.0.0.1:${ports.alertmanager}/api/v2/status`);
    expect(status.status).to.equal(200);
    expect(JSON.parse(status.body).config.original).to.include(`alerter:${PORTS.alerterHttp}`);
  });

  it("keeps the data when the API and PostgreSQL containers are stopped and started again", async () => {
    const ca = tlsDir.cert;
    const history = async () => JSON.parse((await request(`https://127.0.0.1:${ports.https}/api/oracle/readings`, { token: adminToken, ca })).body) as { total: number };
    const before = (await history()).total;
    expect(before).to.be.greaterThan(0);
    const names = ["nps-postgres", ...[...applied.containers.keys()].filter((n) => n.startsWith("nps-api"))];
    for (const n of names) await applied.containers.get(n)!.stop();
    for (const n of names) await applied.containers.get(n)!.start();
    for (const n of names) await waitHealthy(applied.containers.get(n)!, 180);
    // A fresh sign-in: the access token survives too, but the stored data is the point.
    expect((await history()).total).to.equal(before);
  });

  it("brings a crashed container back by its restart policy", async () => {
    const target = applied.containers.get("nps-oracle-1") ?? applied.containers.get("nps-oracle")!;
    const before = await target.inspect();
    expect(before.HostConfig.RestartPolicy?.Name).to.equal("unless-stopped");
    process.kill(before.State.Pid, "SIGKILL");
    let after = await target.inspect();
    for (let i = 0; i < 60 && !(after.RestartCount > before.RestartCount && after.State.Running); i++) {
      await sleep(1000);
      after = await target.inspect();
    }
    expect(after.RestartCount).to.be.greaterThan(before.RestartCount);
    expect(after.State.Running).to.equal(true);
  });
});
