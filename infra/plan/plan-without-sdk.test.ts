import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { runPlanCommand, type PlanRun } from "./plan-child";
import { missingSdkPackage } from "./sdk-missing";

const ROOT = path.resolve(__dirname, "..", "..");
/** What `nps plan` and `nps render` load from the checkout (the web page and the data stay out). */
const SOURCES = ["bin", "services", "infra", "stacks", "package.json", "tsconfig.json", "Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml"];
const SDK_SCOPES = new Set(["@pulumi", "@pulumiverse"]);

/**
 * A copy of the checkout whose node_modules holds every installed package but the Pulumi SDKs, as
 * the service image's does: the sources are copied (a symlinked source would resolve from the
 * real checkout, where the SDKs are), the packages linked.
 */
function checkoutWithoutSdks(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-no-sdk-"));
  for (const entry of SOURCES) fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  fs.mkdirSync(path.join(dir, "node_modules"));
  for (const pkg of fs.readdirSync(path.join(ROOT, "node_modules"))) {
    if (!SDK_SCOPES.has(pkg)) fs.symlinkSync(path.join(ROOT, "node_modules", pkg), path.join(dir, "node_modules", pkg));
  }
  return dir;
}

function nps(cwd: string, args: readonly string[]): Promise<PlanRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(cwd, "bin", "nps.js"), ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** A stack file the YAML parser refuses. */
const BROKEN_YAML = "config:\n  nps:replicas: [1\n  nps:domain: x\n";
const ONE_LINE = /^nps: [^\n]+\n$/;

describe("nps plan where the Pulumi SDKs cannot be loaded (the service image)", function () {
  this.timeout(120_000);
  let copy: string;

  before(() => {
    copy = checkoutWithoutSdks();
  });
  after(() => fs.rmSync(copy, { recursive: true, force: true }));

  it("the copy really lacks them, and runs nps otherwise (render needs no SDK)", async () => {
    expect(() => require.resolve("@pulumi/pulumi", { paths: [path.join(copy, "infra", "plan")] })).to.throw(/Cannot find module/);
    const render = await nps(copy, ["render", "nginx"]);
    expect(render.code, render.stderr).to.equal(0);
    expect(render.stdout).to.include("server_name localhost;");
  });

  for (const stack of ["dev", "prod"]) {
    it(`nps plan --stack ${stack}: one line naming the development install, exit 2, no stack trace`, async () => {
      const run = await nps(copy, ["plan", "--stack", stack]);
      expect(run.code, run.stderr).to.equal(2);
      expect(run.stderr).to.match(ONE_LINE);
      expect(run.stderr).to.match(/^nps: planning needs the development install: run `npm ci` in a checkout of NPS \(@pulumi\/pulumi cannot be loaded here/);
      expect(run.stdout).to.equal("");
    });
  }

  it("a malformed stack file there still gets one line", async () => {
    const file = path.join(copy, "broken.yaml");
    fs.writeFileSync(file, BROKEN_YAML);
    const run = await nps(copy, ["plan", "--stack", "dev", "--config", file]);
    expect(run.code, run.stderr).to.equal(2);
    expect(run.stderr).to.match(ONE_LINE).and.include("development install");
  });

  it("with the SDKs installed, a malformed stack file is one line naming the file and the spot, exit 2", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-broken-stack-"));
    try {
      const file = path.join(dir, "Pulumi.dev.yaml");
      fs.writeFileSync(file, BROKEN_YAML);
      const run = await runPlanCommand(["--stack", "dev", "--config", file]);
      expect(run.code, run.stderr).to.equal(2);
      expect(run.stderr).to.match(ONE_LINE);
      expect(run.stderr).to.include(`${file}: not valid YAML:`).and.match(/at line \d+, column \d+\n$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("missingSdkPackage", () => {
  const notFound = (code: string, message: string) => Object.assign(new Error(message), { code });

  it("names the Pulumi package require() or import() could not find", () => {
    expect(missingSdkPackage(notFound("MODULE_NOT_FOUND", "Cannot find module '@pulumi/pulumi'\nRequire stack:\n- /app/dist/infra/plan/run-plan.js"))).to.equal("@pulumi/pulumi");
    expect(missingSdkPackage(notFound("ERR_MODULE_NOT_FOUND", "Cannot find package '@pulumiverse/grafana' imported from /app/stacks/prod.ts"))).to.equal("@pulumiverse/grafana");
    expect(missingSdkPackage(notFound("MODULE_NOT_FOUND", "Cannot find module '@pulumi/aws/s3'"))).to.equal("@pulumi/aws");
  });

  it("leaves every other failure alone, so it is not reported as a missing SDK", () => {
    expect(missingSdkPackage(notFound("MODULE_NOT_FOUND", "Cannot find module 'dockerode'"))).to.equal(undefined);
    expect(missingSdkPackage(new Error("Cannot find module '@pulumi/pulumi'"))).to.equal(undefined);
    expect(missingSdkPackage("Cannot find module '@pulumi/pulumi'")).to.equal(undefined);
    expect(missingSdkPackage(undefined)).to.equal(undefined);
  });
});
