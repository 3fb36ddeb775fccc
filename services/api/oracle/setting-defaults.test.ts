import { expect } from "chai";
import { useTestDatabase } from "../../lib/testing/test-database";
import { digitalRoot } from "../../oracle/engine";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { client, createProfile } from "./testing/feature-client";

describe("readings take the caller's saved settings as defaults, and 'now' when no time is given", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let ada: SignedInUser;
  let plain: SignedInUser;

  before(async () => {
    api = await startTestApi(t.db);
    [ada, plain] = await Promise.all([api.signIn("user"), api.signIn("user")]);
    const saved = await client(api, ada).put("/api/settings", { numerology_system: "chaldean", language: "fa", default_reading_type: "timing" });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
  });
  after(() => api.close());

  it("numerology system, language and reading type come from the settings when the request leaves them out", async () => {
    const timing = await client(api, ada).post("/api/oracle/readings", {});
    expect(timing.status, JSON.stringify(timing.body)).to.equal(201);
    expect(timing.body).to.include({ reading_type: "timing", locale: "fa" });

    const name = await client(api, ada).post("/api/oracle/readings", { reading_type: "name", name: "Ada Lovelace", include_ai: false });
    expect(name.status, JSON.stringify(name.body)).to.equal(201);
    expect(name.body).to.include({ numerology_system: "chaldean", locale: "fa" });
    expect(name.body.result.numerology_system).to.equal("chaldean");

    const profile = await createProfile(api, ada);
    const daily = await client(api, ada).post(`/api/oracle/profiles/${profile}/daily`, { include_ai: false });
    expect(daily.status, JSON.stringify(daily.body)).to.equal(201);
    expect(daily.body).to.include({ numerology_system: "chaldean", locale: "fa" });
    const question = await client(api, ada).post("/api/oracle/question", { question: "Shall I travel?", include_ai: false });
    expect(question.body).to.include({ numerology_system: "chaldean", locale: "fa" });
  });

  it("what the request says wins; without saved settings the built-in defaults apply", async () => {
    const told = await client(api, ada).post("/api/oracle/readings", { reading_type: "name", name: "Ada Lovelace", numerology_system: "pythagorean", locale: "en", include_ai: false });
    expect(told.body).to.include({ numerology_system: "pythagorean", locale: "en" });
    const none = await client(api, plain).post("/api/oracle/readings", { reading_type: "name", name: "Ada Lovelace", include_ai: false });
    expect(none.body).to.include({ numerology_system: "pythagorean", locale: "en" });
    // default_reading_type is time: with a profile it is a time reading, without one the request is checked as written.
    const profile = await createProfile(api, plain);
    const time = await client(api, plain).post("/api/oracle/readings", { profile_id: profile, include_ai: false });
    expect(time.status, JSON.stringify(time.body)).to.equal(201);
    expect(time.body.reading_type).to.equal("time");
    const bare = await client(api, plain).post("/api/oracle/readings", {});
    expect(bare.status).to.equal(400);
    expect(bare.body.error.fields).to.have.property("profile_id");
  });

  it("a timing reading without a time is taken now, as documented, not at 12:00", async () => {
    const doc = (await client(api).get("/openapi.json")).body;
    expect(JSON.stringify(doc.components.schemas.ReadingRequest)).to.contain("Default: now on the same clock");
    const before = new Date().getUTCHours();
    const quick = await client(api, plain).get("/api/oracle/timing");
    const stored = await client(api, plain).post("/api/oracle/readings", { reading_type: "timing" });
    const after = new Date().getUTCHours();
    for (const result of [quick.body, stored.body.result]) {
      const factor = (result.factors as { name: string; value: string; note: string }[]).find((f) => f.name === "hour_number")!;
      const hour = Number(/^Hour (\d+)/.exec(factor.note)?.[1]);
      expect([before, after], factor.note).to.include(hour);
      expect(factor.value).to.equal(String(hour === 0 ? 1 : digitalRoot(hour)));
    }
    expect(stored.body.sign_value).to.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });
});

describe("a name or question reading without a profile, through the API", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let user: SignedInUser;
  before(async () => {
    api = await startTestApi(t.db);
    user = await api.signIn("user");
  });
  after(() => api.close());

  it("invents no birth date: no life path or person, the moment alone, and the reading says so", async () => {
    const name = await client(api, user).post("/api/oracle/name", { name: "Ada Lovelace", include_ai: false });
    expect(name.status, JSON.stringify(name.body)).to.equal(201);
    expect(name.body.result.life_path).to.equal(null);
    expect(name.body.result.expression).to.be.a("number");
    const question = await client(api, user).post("/api/oracle/question", { question: "Shall I travel?", include_ai: false });
    expect(question.status, JSON.stringify(question.body)).to.equal(201);
    for (const r of [name.body.result.reading, question.body.result.reading]) {
      expect(r).not.to.have.any.keys(["person", "birth", "numerology", "heartbeat"]);
      expect(r.left_out).to.include.members(["birth", "life_path", "personal_year"]);
      expect(JSON.stringify(r)).not.to.contain("2000-01-01").and.not.contain("Anonymous");
    }
    expect(question.body.result.reading.translation.core_identity).to.match(/^No profile was given, so this reading has no birth date/);
    expect(question.body.confidence_score).to.equal(question.body.result.reading.confidence.score);
  });
});
