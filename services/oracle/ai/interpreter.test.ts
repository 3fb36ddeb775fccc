import { expect } from "chai";
import { AnthropicInterpreter, type AiOutcome } from "./interpreter";
import { aiSettings, FakeAnthropic } from "../testing/fake-anthropic";
import { emptySections } from "./sections";

const FALLBACK = { ...emptySections(), header: "ENGINE HEADER", message: "The engine's own message.", full_text: "ENGINE FULL TEXT" };

describe("AI interpretation (against a local fake of the Messages API)", () => {
  const fake = new FakeAnthropic();
  let baseUrl: string;
  let outcomes: AiOutcome[];
  const observer = { ai: (o: AiOutcome) => outcomes.push(o) };

  before(async () => {
    baseUrl = await fake.start();
  });
  after(() => fake.stop());
  beforeEach(() => {
    fake.received.length = 0;
    fake.aborted = 0;
    fake.behaviour = { status: 200, text: "## header\nFor you\n## message\nPatience pays.", model: "claude-test-model-2026", delayMs: 0 };
    outcomes = [];
  });

  it("returns the model's sections, with its model name, and sends the configured model and key", async () => {
    const ai = new AnthropicInterpreter(aiSettings(baseUrl), { observer });
    const out = await ai.interpret({ prompt: () => "READING TYPE: time", fallback: FALLBACK });
    expect(out.ai_generated).to.equal(true);
    expect(out.cached).to.equal(false);
    expect(out.model).to.equal("claude-test-model-2026");
    expect(out.sections.header).to.equal("For you");
    expect(out.sections.message).to.equal("Patience pays.");
    expect(fake.received).to.have.length(1);
    const { apiKey, body } = fake.received[0]!;
    expect(apiKey).to.equal("test-key");
    expect(body.model).to.equal("claude-test-model");
    expect(body.max_tokens).to.equal(500);
    expect(body.system).to.include("## core_identity");
    expect(body.messages).to.deep.equal([{ role: "user", content: "READING TYPE: time" }]);
    expect(outcomes).to.deep.equal(["generated"]);
  });

  it("serves the same prompt from its cache until the entry expires", async () => {
    let now = 1_000_000;
    const ai = new AnthropicInterpreter(aiSettings(baseUrl, { cacheTtlSeconds: 60 }), { observer, now: () => now });
    await ai.interpret({ prompt: () => "same", fallback: FALLBACK });
    const again = await ai.interpret({ prompt: () => "same", fallback: FALLBACK });
    expect(again.cached).to.equal(true);
    expect(again.ai_generated).to.equal(true);
    expect(again.sections.message).to.equal("Patience pays.");
    expect(fake.received).to.have.length(1);
    await ai.interpret({ prompt: () => "different", fallback: FALLBACK });
    expect(fake.received).to.have.length(2);
    now += 61_000;
    expect((await ai.interpret({ prompt: () => "same", fallback: FALLBACK })).cached).to.equal(false);
    expect(fake.received).to.have.length(3);
    expect(outcomes).to.deep.equal(["generated", "cached", "generated", "generated"]);
  });

  it("keeps the engine's text when the model is slower than the timeout", async () => {
    fake.behaviour.delayMs = 3_000;
    const ai = new AnthropicInterpreter(aiSettings(baseUrl, { timeoutMs: 200 }), { observer });
    // The fake would answer after 3 s with the model's text; the engine's text means the timeout won.
    const out = await ai.interpret({ prompt: () => "slow", fallback: FALLBACK });
    expect(out).to.deep.equal({ ai_generated: false, model: "", cached: false, sections: FALLBACK });
    expect(outcomes).to.deep.equal(["fallback"]);
  });

  it("keeps the engine's text when the API answers with an error", async () => {
    fake.behaviour.status = 500;
    const ai = new AnthropicInterpreter(aiSettings(baseUrl), { observer });
    const out = await ai.interpret({ prompt: () => "error", fallback: FALLBACK });
    expect(out.ai_generated).to.equal(false);
    expect(out.sections).to.deep.equal(FALLBACK);
    expect(fake.received.length).to.be.within(1, 2);
    expect(outcomes).to.deep.equal(["fallback"]);
  });

  it("keeps the engine's text when the model answers with nothing", async () => {
    fake.behaviour.text = "   ";
    const ai = new AnthropicInterpreter(aiSettings(baseUrl), { observer });
    expect((await ai.interpret({ prompt: () => "empty", fallback: FALLBACK })).ai_generated).to.equal(false);
  });

  it("without a key, never calls out and says ai_generated false", async () => {
    let built = false;
    const ai = new AnthropicInterpreter(aiSettings(baseUrl, { apiKey: "" }), { observer });
    expect(ai.configured).to.equal(false);
    const out = await ai.interpret({ prompt: () => ((built = true), "x"), fallback: FALLBACK });
    expect(out.ai_generated).to.equal(false);
    expect(out.sections).to.equal(FALLBACK);
    expect(built).to.equal(false);
    expect(fake.received).to.have.length(0);
    expect(outcomes).to.deep.equal(["fallback"]);
  });

  it("stops waiting for the model when the call is aborted", async () => {
    fake.behaviour.delayMs = 3_000;
    const ai = new AnthropicInterpreter(aiSettings(baseUrl), { observer });
    const controller = new AbortController();
    const pending = ai.interpret({ prompt: () => "aborted", fallback: FALLBACK, signal: controller.signal });
    await fake.requests(1);
    controller.abort();
    const out = await pending;
    expect(out.ai_generated).to.equal(false);
    for (let i = 0; i < 100 && fake.aborted === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(fake.aborted).to.equal(1);
    const already = await ai.interpret({ prompt: () => "late", fallback: FALLBACK, signal: controller.signal });
    expect(already.ai_generated).to.equal(false);
    expect(fake.received).to.have.length(1);
  });
});
