import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { APP_SECRETS } from "./catalog";
import { AppSecrets } from "./app-secrets";
import { declareUnderMocks } from "./plan/mock-run";

describe("AppSecrets component", function () {
  this.timeout(30_000);

  it("generates each generated secret as a random id with secret outputs, and takes only configured ones from config", async () => {
    let values: AppSecrets["values"] = {};
    const plan = await declareUnderMocks(
      () => {
        values = new AppSecrets("s", { settings: { domain: "d", imageTag: "t", logLevel: "INFO", telegram: { chatId: "", adminChatId: "" }, configuredSecrets: ["anthropicApiKey"] } }).values;
      },
      { config: { "nps:anthropicApiKey": "k" }, secretKeys: ["nps:anthropicApiKey"] },
    );
    const generated = Object.entries(APP_SECRETS).filter(([, spec]) => "generate" in spec);
    const ids = plan.ofType("random:index/randomId:RandomId");
    expect(ids).to.have.length(generated.length);
    for (const [name, spec] of generated) {
      const id = plan.one("random:index/randomId:RandomId", `s-${name.toLowerCase().replace(/_/g, "-")}`);
      expect(id.inputs.byteLength).to.equal((spec as { generate: { bytes: number } }).generate.bytes);
    }
    expect(Object.keys(values)).to.include("ANTHROPIC_API_KEY").and.not.include("NPS_BOT_TOKEN");
    for (const v of Object.values(values)) expect(v && (await pulumi.isSecret(v))).to.equal(true);
  });
});
