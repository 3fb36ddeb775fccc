import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { API_NODE_OPTIONS } from "../services/api/node-options";
import { ENV_VARS } from "../services/lib/config/env-spec";
import { loadConfig } from "../services/lib/config/load-config";
import { HEALTH_PATHS } from "../services/lib/health-paths";
import { SERVICE_NAMES } from "../services/lib/service-names";
import { WORKLOADS, serviceEnv, startOrder, type Wiring, type WorkloadName } from "./catalog";
import { fargateMemoryRange, isValidFargateSize, planSubnets, toScheduleExpression } from "./aws/sizing";
import { renderSystemdUnits } from "./render/systemd";
import { webServerConf } from "./plan/render-files";

const ROOT = path.resolve(__dirname, "..");
const wiring = (over: Partial<Wiring<string>> = {}): Wiring<string> => ({
  database: { host: "db", port: 5432, password: "pw", sslMode: "require" },
  redis: { url: "redis-url" },
  oracleHost: "oracle",
  publicUrl: "https://nps.example.com",
  domain: "nps.example.com",
  apiUrl: "http://api:8000/api",
  logLevel: "INFO",
  secret: (n) => `secret:${n}`,
  telegram: { chatId: "1", adminChatId: "" },
  backup: { dir: "/b", s3Bucket: "bucket" },
  alertQueueUrl: "https://sqs/q",
  metricsPushUrl: "http://collector:4318/v1/metrics",
  ...over,
});

describe("the catalog", () => {
  it("declares every NPS service and the web page, each service run by nps start --only <name>", () => {
    expect(Object.keys(WORKLOADS)).to.have.members([...SERVICE_NAMES, "web"]);
    for (const name of SERVICE_NAMES) expect(WORKLOADS[name].command).to.deep.equal(["nps", "start", "--only", name]);
  });

  it("runs the API's containers with its Node.js flags, which node accepts in NODE_OPTIONS", () => {
    expect(serviceEnv("api", wiring()).NODE_OPTIONS).to.deep.equal({ value: API_NODE_OPTIONS });
    // A flag node refuses there would stop every API container at start.
    const run = spawnSync(process.execPath, ["-e", "0"], { env: { ...process.env, NODE_OPTIONS: API_NODE_OPTIONS }, encoding: "utf8" });
    expect([run.status, run.stderr]).to.deep.equal([0, ""]);
  });

  it("sets only environment names declared in env-spec, for every service and target shape", () => {
    const known = new Set<string>(ENV_VARS.map((v) => v.name));
    for (const name of Object.keys(WORKLOADS) as WorkloadName[]) {
      for (const w of [wiring(), wiring({ redis: { host: "redis", port: 6379 }, secret: () => undefined })]) {
        for (const key of Object.keys(serviceEnv(name, w))) expect(known.has(key), `${name}: ${key}`).to.equal(true);
      }
    }
  });

  it("hands secrets over as secrets, never as plain values", () => {
    const env = serviceEnv("api", wiring());
    expect(env.API_SECRET_KEY).to.deep.equal({ secret: "secret:API_SECRET_KEY" });
    expect(env.POSTGRES_PASSWORD).to.deep.equal({ secret: "pw" });
    expect(env.REDIS_URL).to.deep.equal({ secret: "redis-url" });
    const secretNames = ENV_VARS.filter((v) => "secret" in v && v.secret).map((v) => v.name);
    for (const name of Object.keys(WORKLOADS) as WorkloadName[]) {
      for (const [k, v] of Object.entries(serviceEnv(name, wiring()))) if (secretNames.includes(k as never)) expect(v, `${name} ${k}`).to.have.property("secret");
    }
  });

  it("checks the bot's and the alerter's health on the ports their config defaults to", () => {
    const port = (name: WorkloadName) => { const h = WORKLOADS[name].health; return h.kind === "http" ? h.port : undefined; };
    expect(port("telegram-bot")).to.equal(loadConfig({}, { service: "telegram-bot" }).telegram.botMetricsPort);
    expect(port("alerter")).to.equal(loadConfig({}, { service: "alerter" }).alerter.port);
  });

  it("has every container listen on all its interfaces (a service alone listens on loopback)", () => {
    for (const name of SERVICE_NAMES) expect(serviceEnv(name, wiring()).NPS_BIND_HOST, name).to.deep.equal({ value: "0.0.0.0" });
    expect(serviceEnv("api", wiring()).API_HOST).to.deep.equal({ value: "0.0.0.0" });
  });

  it("turns Telegram off where no bot token is configured", () => {
    expect(serviceEnv("alerter", wiring({ secret: () => undefined })).TELEGRAM_ENABLED).to.deep.equal({ value: "false" });
    expect(serviceEnv("alerter", wiring()).TELEGRAM_ENABLED).to.deep.equal({ value: "true" });
  });

  it("orders every entry after its dependencies", () => {
    const order = startOrder();
    const at = (n: string) => order.indexOf(n as never);
    for (const w of Object.values(WORKLOADS)) for (const d of w.dependsOn) expect(at(d.on), `${w.name} after ${d.on}`).to.be.lessThan(at(w.name));
    expect(at("postgres")).to.be.lessThan(at("api"));
    expect(at("api")).to.be.lessThan(at("nginx"));
  });
});

describe("AWS sizing rules", () => {
  it("splits the VPC into public, app and data subnets per zone without overlap", () => {
    const p = planSubnets("10.40.0.0/16", 2);
    expect(p).to.deep.equal({ public: ["10.40.0.0/19", "10.40.32.0/19"], app: ["10.40.64.0/19", "10.40.96.0/19"], data: ["10.40.128.0/19", "10.40.160.0/19"] });
    expect(planSubnets("10.0.0.0/24", 3).data).to.deep.equal(["10.0.0.96/28", "10.0.0.112/28", "10.0.0.128/28"]);
    expect(() => planSubnets("10.0.0.0/24", 6)).to.throw(/too small/);
    expect(() => planSubnets("10.0.0.1/16", 2)).to.throw(/not the start/);
  });

  it("knows Fargate's CPU and memory pairs", () => {
    expect(isValidFargateSize(256, 512)).to.equal(true);
    expect(isValidFargateSize(256, 4096)).to.equal(false);
    expect(isValidFargateSize(1024, 2048)).to.equal(true);
    expect(isValidFargateSize(1024, 2500)).to.equal(false);
    expect(isValidFargateSize(300, 1024)).to.equal(false);
    expect(fargateMemoryRange(4096)).to.deep.equal([8192, 30720]);
  });

  it("writes cron schedules the way EventBridge Scheduler reads them", () => {
    expect(toScheduleExpression("0 0 * * *")).to.equal("cron(0 0 * * ? *)");
    expect(toScheduleExpression("0 3 * * 0")).to.equal("cron(0 3 ? * SUN *)");
    expect(toScheduleExpression("5 0 * * 1-5")).to.equal("cron(5 0 ? * MON-FRI *)");
    expect(() => toScheduleExpression("0 0 1 * 0")).to.throw(/not both/);
    expect(() => toScheduleExpression("0 0 *")).to.throw(/five fields/);
  });
});

describe("files rendered from the catalog", () => {
  it("deploy/systemd holds exactly the rendered units (regenerate: nps render systemd --out deploy/systemd)", () => {
    const files = renderSystemdUnits();
    const dir = path.join(ROOT, "deploy", "systemd");
    expect(fs.readdirSync(dir).sort()).to.deep.equal(Object.keys(files).sort());
    for (const [name, text] of Object.entries(files)) expect(fs.readFileSync(path.join(dir, name), "utf8"), name).to.equal(text);
    expect(files["nps-api.service"]).to.include("ExecStart=/usr/bin/node /opt/nps/bin/nps.js start --only api").and.include("After=network-online.target postgresql.service redis-server.service");
    expect(files["nps.target"]).to.include("nps-oracle.service");
  });

  it("deploy/web/default.conf is the rendered web page server (nps render web-nginx --out deploy/web)", () => {
    expect(fs.readFileSync(path.join(ROOT, "deploy", "web", "default.conf"), "utf8")).to.equal(webServerConf());
    expect(webServerConf()).to.include(`location = ${HEALTH_PATHS.live}`);
  });

  it("railway.toml builds the app image, checks /api/health and restarts on failure", () => {
    const text = fs.readFileSync(path.join(ROOT, "railway.toml"), "utf8");
    expect(text).to.match(/^builder = "DOCKERFILE"$/m).and.match(/^buildTarget = "app"$/m);
    expect(text).to.include(`healthcheckPath = "${HEALTH_PATHS.apiLive}"`).and.match(/^startCommand = "nps start"$/m);
    expect(text).to.match(/^restartPolicyType = "ON_FAILURE"$/m);
  });

  it("Railway's PORT, DATABASE_URL and REDIS_URL win over the parts", () => {
    const c = loadConfig({
      PORT: "4321",
      API_PORT: "8000",
      API_SECRET_KEY: "a-test-signing-key-0123456789abcdef",
      DATABASE_URL: "postgresql://u:p@railway-db:5432/railway",
      POSTGRES_HOST: "elsewhere",
      REDIS_URL: "redis://default:p@railway-redis:6379",
      REDIS_HOST: "elsewhere",
    }, { service: "api" });
    expect(c.api.port).to.equal(4321);
    expect(c.database).to.deep.include({ kind: "postgres", source: "DATABASE_URL" });
    expect(c.redis).to.deep.include({ kind: "redis", source: "REDIS_URL" });
  });

  it("the Dockerfile builds non-root app and web stages with health checks and the nps entry point", () => {
    const text = fs.readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
    expect(text).to.match(/^FROM .* AS app$/m).and.match(/^FROM .* AS web$/m).and.match(/^FROM .* AS build$/m);
    expect(text).to.match(/^USER node$/m).and.include("nginx-unprivileged");
    expect(text.match(/^HEALTHCHECK /gm)).to.have.length(2);
    expect(text).to.include('CMD ["nps", "start"]').and.include("ln -s /app/bin/nps.js /usr/local/bin/nps");
    const ignore = fs.readFileSync(path.join(ROOT, ".dockerignore"), "utf8");
    expect(ignore).to.match(/^node_modules$/m).and.match(/^\.env$/m);
  });
});
