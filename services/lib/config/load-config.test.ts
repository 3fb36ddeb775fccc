import { expect } from "chai";
import { ConfigError, loadConfig } from "./load-config";
import { ENV_VARS } from "./env-spec";
import { renderEnvFile, generateSecrets } from "./env-file";
import fs from "node:fs";
import path from "node:path";

describe("config", () => {
  it("applies the seed guide's defaults and picks the embedded database with no server named", () => {
    const c = loadConfig({}, { cwd: "/srv/nps", service: "oracle" });
    expect(c.database).to.deep.equal({ kind: "embedded", dataDir: "/srv/nps/.nps/pgdata" });
    expect(c.redis).to.deep.equal({ kind: "memory" });
    expect(c.api.port).to.equal(8000);
    expect(c.api.corsOrigins).to.deep.equal(["http://localhost:5173", "http://localhost:3000"]);
    expect(c.oracle).to.deep.equal({ grpcHost: "oracle-service", grpcPort: 50052, metricsPort: 9090 });
    expect(c.scheduler).to.deep.equal({ enabled: true, hourUtc: 0, minute: 5, metricsPort: 9103 });
    expect(c.alerter).to.include({ port: 9102, cooldownMs: 300_000, checkIntervalMs: 30_000, oracleUrl: "http://oracle-service:9090", alertmanagerUrl: "", queueUrl: "" });
    expect(c.telegram.botMetricsPort).to.equal(9101);
    expect(c.log).to.deep.equal({ level: "info", format: "auto" });
    expect(c.production).to.equal(false);
  });

  it("lets DATABASE_URL and REDIS_URL win over the parts, and PORT over API_PORT", () => {
    const c = loadConfig({
      DATABASE_URL: "postgres://a:b@db:5432/x",
      POSTGRES_HOST: "other",
      REDIS_URL: "redis://cache:6380",
      REDIS_HOST: "other",
      PORT: "9999",
      API_PORT: "8001",
    }, { service: "oracle" });
    expect(c.database).to.deep.equal({ kind: "postgres", url: "postgres://a:b@db:5432/x", source: "DATABASE_URL" });
    expect(c.redis).to.deep.equal({ kind: "redis", url: "redis://cache:6380", source: "REDIS_URL" });
    expect(c.api.port).to.equal(9999);
  });

  it("builds the database URL from the parts, escaping the password", () => {
    const c = loadConfig({ POSTGRES_HOST: "db", POSTGRES_PASSWORD: "p@ss/word", POSTGRES_DB: "nps" }, { service: "backup" });
    expect(c.database.kind).to.equal("postgres");
    if (c.database.kind !== "postgres") return;
    const u = new URL(c.database.url);
    expect(decodeURIComponent(u.password)).to.equal("p@ss/word");
    expect(u.hostname).to.equal("db");
    expect(u.pathname).to.equal("/nps");
  });

  it("names every bad value in one error", () => {
    let err: unknown;
    try {
      loadConfig({ API_PORT: "eighty", LOG_LEVEL: "loud", ENCRYPTION_ENABLED: "maybe", DATABASE_URL: "mysql://x" });
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join("\n");
    for (const name of ["API_PORT", "LOG_LEVEL", "ENCRYPTION_ENABLED", "DATABASE_URL"]) expect(problems).to.contain(name);
  });

  it("refuses empty and changeme secrets in production, for the secrets the service uses", () => {
    const base = { NODE_ENV: "production", POSTGRES_HOST: "db" };
    expect(() => loadConfig(base, { service: "api" })).to.throw(ConfigError, /API_SECRET_KEY: must be set in production[\s\S]*POSTGRES_PASSWORD.*changeme[\s\S]*NPS_ENCRYPTION_KEY/);
    // The oracle holds no secrets of its own, so it starts.
    expect(loadConfig(base, { service: "oracle" }).production).to.equal(true);
    const good = { ...base, ...generateSecrets() };
    expect(loadConfig(good, { service: "api" }).production).to.equal(true);
    expect(() => loadConfig({ RAILWAY_ENVIRONMENT: "production", ...generateSecrets(), API_SECRET_KEY: "x-changeme-x" }, { service: "api" })).to.throw(/API_SECRET_KEY/);
  });

  it("refuses the published signing-key placeholder, or no key, outside production too", () => {
    for (const key of ["changeme-generate-a-real-key", "Changeme", ""]) {
      expect(() => loadConfig({ API_SECRET_KEY: key }, { service: "api" }), key).to.throw(ConfigError, /API_SECRET_KEY/);
      expect(() => loadConfig({ API_SECRET_KEY: key }, { service: "all" }), key).to.throw(ConfigError, /API_SECRET_KEY/);
    }
    // Services that never sign or check a token start without one.
    expect(loadConfig({}, { service: "oracle" }).production).to.equal(false);
    expect(loadConfig({ API_SECRET_KEY: "a-real-key-0123456789abcdef0123456789" }, { service: "api" }).api.secretKey).to.equal("a-real-key-0123456789abcdef0123456789");
  });

  it("listens on this machine only unless a host variable says otherwise", () => {
    const c = loadConfig({}, { service: "oracle" });
    expect(c.api.host).to.equal("127.0.0.1");
    expect(c.bindHost).to.equal("127.0.0.1");
    const container = loadConfig({ API_HOST: "0.0.0.0", NPS_BIND_HOST: "0.0.0.0" }, { service: "oracle" });
    expect([container.api.host, container.bindHost]).to.deep.equal(["0.0.0.0", "0.0.0.0"]);
  });

  it("reads the backup task the admin API starts (all five NPS_BACKUP_TASK_* or none), naming what is missing or malformed", () => {
    expect(loadConfig({}, { service: "oracle" }).backup.task).to.equal(undefined);
    const task = {
      NPS_BACKUP_TASK_CLUSTER: "arn:aws:ecs:eu-west-1:123456789012:cluster/nps-prod",
      NPS_BACKUP_TASK_DEFINITION: "arn:aws:ecs:eu-west-1:123456789012:task-definition/nps-prod-backup-full:3",
      NPS_BACKUP_TASK_CONTAINER: "backup-full",
      NPS_BACKUP_TASK_SUBNETS: "subnet-0a1, subnet-0b2",
      NPS_BACKUP_TASK_SECURITY_GROUPS: "sg-0c3",
    };
    expect(loadConfig(task, { service: "oracle" }).backup.task).to.deep.equal({
      cluster: task.NPS_BACKUP_TASK_CLUSTER,
      taskDefinition: task.NPS_BACKUP_TASK_DEFINITION,
      container: "backup-full",
      subnets: ["subnet-0a1", "subnet-0b2"],
      securityGroups: ["sg-0c3"],
    });
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env, { service: "oracle" });
      } catch (e) {
        if (e instanceof ConfigError) return e.problems;
        throw e;
      }
      return [];
    };
    expect(problems({ ...task, NPS_BACKUP_TASK_CONTAINER: "", NPS_BACKUP_TASK_SUBNETS: "" })).to.deep.equal([
      "NPS_BACKUP_TASK_CONTAINER, NPS_BACKUP_TASK_SUBNETS: must be set with the other NPS_BACKUP_TASK_* variables (all five or none)",
    ]);
    expect(problems({ ...task, NPS_BACKUP_TASK_CLUSTER: "nps-prod", NPS_BACKUP_TASK_SECURITY_GROUPS: "sg-1,vpc-2" })).to.deep.equal([
      "NPS_BACKUP_TASK_CLUSTER: expected an ECS cluster ARN",
      'NPS_BACKUP_TASK_SECURITY_GROUPS: expected sg-... ids separated by commas, got "vpc-2"',
    ]);
  });

  it("keeps .env.example in step with the variable list", () => {
    const committed = fs.readFileSync(path.join(__dirname, "..", "..", "..", ".env.example"), "utf8");
    expect(committed).to.equal(renderEnvFile({}, "NPS environment example: copy to .env, or run `nps env init`"));
    for (const v of ENV_VARS) expect(committed).to.contain(`${v.name}=`);
  });
});
