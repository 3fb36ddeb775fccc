import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { expect } from "chai";
import { declareUnderMocks } from "./mock-run";
import { PULUMI_VERSION, isConfigSecret } from "./pulumi-internals";

// If this file fails after a Pulumi upgrade, nps plan and the secret-config check are broken:
// mend infra/plan/pulumi-internals.ts for the new SDK before anything else.
describe("the private Pulumi internals nps plan relies on", function () {
  this.timeout(30_000);

  it("runs on the pinned @pulumi/pulumi", () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "package.json"), "utf8")) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    const pinned = pkg.dependencies?.["@pulumi/pulumi"] ?? pkg.devDependencies?.["@pulumi/pulumi"];
    expect(PULUMI_VERSION).to.equal(pinned);
  });

  it("sees each registration's type, name, parent, explicit dependencies and per-input secret marks", async () => {
    const plan = await declareUnderMocks(() => {
      class Holder extends pulumi.ComponentResource {
        constructor(name: string) {
          super("nps:test:Holder", name, {});
          const first = new random.RandomId(`${name}-first`, { byteLength: 4 }, { parent: this });
          new random.RandomPassword(`${name}-second`, { length: 8, special: false, overrideSpecial: pulumi.secret("@") }, { parent: this, dependsOn: [first] });
          this.registerOutputs({});
        }
      }
      new Holder("holder");
    });
    const second = plan.one("random:index/randomPassword:RandomPassword", "holder-second");
    expect(second.parent).to.equal("holder");
    expect(second.dependsOn).to.deep.equal(["holder-first"]);
    expect(second.inputs.overrideSpecial).to.equal("[secret]");
    expect(second.inputs.length).to.equal(8);
  });

  it("tells secret config keys from plain ones", async () => {
    await declareUnderMocks(() => undefined, { config: { "nps:plain": "x", "nps:hidden": "y" }, secretKeys: ["nps:hidden"] });
    expect(isConfigSecret("nps:hidden")).to.equal(true);
    expect(isConfigSecret("nps:plain")).to.equal(false);
  });
});
