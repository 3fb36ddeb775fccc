import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { stringify } from "yaml";
import { parseStackConfig, StackConfigError } from "./stack-config";
import { runPlanCommand } from "../plan/plan-child";
import { readStackConfigFile } from "../plan/run-plan";

const ROOT = path.resolve(__dirname, "..", "..");

function problemsOf(values: Record<string, string>, secretKeys: string[] = []): string[] {
  try {
    parseStackConfig(values, secretKeys);
  } catch (err) {
    if (err instanceof StackConfigError) return [...err.problems];
    throw err;
  }
  throw new Error("the config was accepted");
}

describe("stack config", () => {
  const dev = readStackConfigFile(ROOT, "dev");
  const prod = readStackConfigFile(ROOT, "prod");

  it("accepts both committed stack files", () => {
    expect(parseStackConfig(dev.values, dev.secretKeys).target).to.equal("docker");
    const p = parseStackConfig(prod.values, prod.secretKeys);
    expect(p.target).to.equal("aws");
    if (p.target === "aws") expect(p.region).to.equal("eu-west-1");
  });

  it("names every bad key of a dev config", () => {
    const problems = problemsOf({
      ...dev.values,
      "nps:domain": "not a host!",
      "nps:replicas": JSON.stringify({ api: 0, oracle: "two" }),
      "nps:tls": JSON.stringify({ mode: "letsencrypt" }),
      "nps:colour": "blue",
    });
    const text = problems.join("\n");
    expect(text).to.include("nps:domain:").and.include("nps:replicas.api: must be at least 1").and.include("nps:replicas.oracle:");
    expect(text).to.include("nps:tls").and.include("nps:colour: unknown setting");
  });

  it("names every bad key of a prod config, including cross-field rules", () => {
    const services = JSON.parse(prod.values["nps:services"]) as Record<string, Record<string, number>>;
    services.api.min = 12;
    services.oracle.memoryMb = 512;
    const problems = problemsOf({
      ...prod.values,
      "aws:region": "mars-1",
      "nps:domain": "nps.elsewhere.org",
      "nps:services": JSON.stringify(services),
      "nps:network": JSON.stringify({ cidr: "10.0.0.0/8", zones: 1 }),
      "nps:logRetentionDays": "10",
    });
    const text = problems.join("\n");
    expect(text).to.include("aws:region:").and.include("nps:network.cidr:").and.include("nps:network.zones: must be at least 2");
    expect(text).to.include("nps:logRetentionDays:");
  });

  it("checks cross-field rules once the fields themselves are valid", () => {
    const services = JSON.parse(prod.values["nps:services"]) as Record<string, Record<string, number>>;
    services.api.min = 12;
    services.oracle.memoryMb = 512;
    const text = problemsOf({ ...prod.values, "nps:domain": "nps.elsewhere.org", "nps:services": JSON.stringify(services) }).join("\n");
    expect(text).to.include("nps:services.api.min: must not exceed max");
    expect(text).to.include("nps:services.oracle.memoryMb: Fargate takes 2048 to 8192 MiB");
    expect(text).to.include("nps:domain: must be example.com or a name under it");
  });

  it("refuses a secret kept in plain config and takes it when set with --secret", () => {
    expect(problemsOf({ ...dev.values, "nps:telegramBotToken": "123:abc" }).join("\n")).to.include("nps:telegramBotToken: a secret; set it with `pulumi config set --secret");
    const ok = parseStackConfig({ ...dev.values, "nps:telegramBotToken": "123:abc" }, ["nps:telegramBotToken"]);
    expect(ok.configuredSecrets).to.deep.equal(["telegramBotToken"]);
  });

  it("refuses a missing or unknown target", () => {
    expect(problemsOf({ "nps:domain": "localhost" })[0]).to.include("nps:target");
    expect(problemsOf({ "nps:target": "k8s" })[0]).to.include('got "k8s"');
  });

  it("nps plan refuses a bad stack file with exit 2 and a message naming each bad key", async function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-bad-config-"));
    const file = path.join(dir, "Pulumi.dev.yaml");
    fs.writeFileSync(file, stringify({ config: { "nps:target": "docker", "nps:domain": "bad domain", "nps:imageTag": "dev", "nps:replicas": { api: 0, oracle: 1 }, "nps:typo": 1 } }));
    const run = await runPlanCommand(["--stack", "dev", "--config", file]);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.code).to.equal(2);
    expect(run.stderr).to.include("nps:domain:").and.include("nps:replicas.api:").and.include("nps:typo: unknown setting");
    expect(run.stdout).to.equal("");
  });

  it("nps plan on a stack file that is not valid YAML, or not a mapping: one message naming the file and the spot, exit 2", async function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-bad-yaml-"));
    try {
      const broken = path.join(dir, "broken.yaml");
      fs.writeFileSync(broken, "config:\n  nps:replicas: [1\n  nps:domain: x\n");
      const run = await runPlanCommand(["--stack", "dev", "--config", broken]);
      expect(run.code).to.equal(2);
      expect(run.stderr).to.match(/^nps: stack dev: invalid stack configuration: .*broken\.yaml: not valid YAML: .* at line \d+, column \d+\n$/);
      const list = path.join(dir, "list.yaml");
      fs.writeFileSync(list, "- one\n- two\n");
      const notMapping = await runPlanCommand(["--stack", "dev", "--config", list]);
      expect(notMapping.code).to.equal(2);
      expect(notMapping.stderr).to.contain("list.yaml: expected a mapping");
      expect(notMapping.stderr).not.to.match(/^\s+at /m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
