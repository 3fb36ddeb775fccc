import { expect } from "chai";
import { MINUTE } from "express-rate-limit";
import { useTestDatabase } from "../../lib/testing/test-database";
import type { UserEvent } from "../events/event-bus";
import { RELAXED_LIMITS, startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { client, createProfile, createReading } from "./testing/feature-client";

describe("oracle reading routes", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let alice: SignedInUser;
  let bob: SignedInUser;
  let admin: SignedInUser;
  let aliceProfile: string;
  let aliceSecond: string;
  let bobProfile: string;

  before(async () => {
    api = await startTestApi(t.db);
    [alice, bob, admin] = await Promise.all([api.signIn("user"), api.signIn("user"), api.signIn("admin")]);
    aliceProfile = await createProfile(api, alice);
    aliceSecond = await createProfile(api, alice, { name: "Ali Rezaei", name_persian: "علی رضایی", birth_date: "1985-03-21", mother_name: "Zahra Karimi", timezone_offset_minutes: 210 });
    bobProfile = await createProfile(api, bob);
  });
  after(() => api.close());

  it("a time reading: stored with its input, result and the moment asked for", async () => {
    const res = await client(api, alice).post("/api/oracle/readings", { reading_type: "time", profile_id: aliceProfile, date: "2026-02-09", time: "14:30", include_ai: false });
    expect(res.status).to.equal(201);
    expect(res.body).to.include({ reading_type: "time", profile_id: aliceProfile, sign_value: "14:30:00", owner_id: alice.user.id, oracle_mode: "direct_mode", is_favorite: false });
    expect(res.body.numerology_system).to.equal("pythagorean");
    expect(res.body.input).to.include({ profile_id: aliceProfile, at: "2026-02-09 14:30:00" });
    expect(res.body.result.reading.fc60_stamp.fc60).to.be.a("string");
    expect(res.body.result.reading.current.date).to.contain("2026");
    expect(res.body.ai_interpretation).to.equal(null);
    expect(res.body.confidence_score).to.equal(res.body.result.reading.confidence.score);
    const stored = await client(api, alice).get(`/api/oracle/readings/${res.body.id}`);
    expect(stored.status).to.equal(200);
    const { oracle_mode: _mode, ...created } = res.body;
    expect(stored.body).to.deep.equal(created);
  });

  it("with include_ai (the default) it carries an interpretation; without a model it is the engine's own text", async () => {
    const res = await client(api, alice).post("/api/oracle/readings", { reading_type: "time", profile_id: aliceProfile });
    expect(res.status).to.equal(201);
    expect(res.body.ai_interpretation).to.include({ ai_generated: false });
    expect(res.body.ai_interpretation.sections.full_text).to.be.a("string").and.not.equal("");
    expect(res.body.sign_value).to.match(/^\d\d:\d\d:\d\d$/);
  });

  it("every reading type through POST /readings", async () => {
    const bodies: Record<string, unknown>[] = [
      { reading_type: "daily", profile_id: aliceProfile, date: "2026-01-02" },
      { reading_type: "name", name: "Ada Lovelace", numerology_system: "chaldean" },
      { reading_type: "name", name: "علی", profile_id: aliceSecond },
      { reading_type: "question", question: "Will the new garden flourish?", category: "general", profile_id: aliceProfile },
      { reading_type: "multi", profile_ids: [aliceProfile, aliceSecond], primary_index: 1 },
      { reading_type: "timing", date: "2026-03-01", best_hours: 3, timezone_offset_minutes: 60 },
      { reading_type: "stamp", stamp: "VE-OX-OXWU-RAWU-DRMT" },
    ];
    for (const body of bodies) {
      const reading = await createReading(api, alice, body);
      expect(reading.reading_type, JSON.stringify(body)).to.equal(body.reading_type);
      expect(reading.owner_id).to.equal(alice.user.id);
    }
    const name = await createReading(api, alice, { reading_type: "name", name: "علی", profile_id: aliceSecond });
    expect(name).to.include({ numerology_system: "abjad", sign_value: "علی", profile_id: aliceSecond });
    const multi = await createReading(api, alice, { reading_type: "multi", profile_ids: [aliceProfile, aliceSecond], primary_index: 1 });
    expect(multi).to.include({ profile_id: aliceSecond });
    expect(multi.profile_ids).to.deep.equal([aliceProfile, aliceSecond]);
    expect((multi.result as { pairs: unknown[] }).pairs).to.have.length(1);
    const question = await createReading(api, alice, { reading_type: "question", question: "Should I move to the coast?" });
    expect(question).to.include({ question: "Should I move to the coast?", sign_value: null });
    expect((question.result as { question_number: number }).question_number).to.be.a("number");
    const stamp = await createReading(api, alice, { reading_type: "stamp", stamp: "not a stamp" });
    expect((stamp.result as { valid: boolean }).valid).to.equal(false);
  });

  it("the per-type routes /question and /name give the same kind of stored reading", async () => {
    const q = await client(api, alice).post("/api/oracle/question", { question: "Is this the year?", include_ai: false });
    expect(q.status).to.equal(201);
    expect(q.body).to.include({ reading_type: "question", question: "Is this the year?" });
    const n = await client(api, alice).post("/api/oracle/name", { name: "Grace Hopper", include_ai: false });
    expect(n.status).to.equal(201);
    expect(n.body).to.include({ reading_type: "name", sign_value: "Grace Hopper" });
    expect(n.body.result.expression).to.be.a("number");
    const blank = await client(api, alice).post("/api/oracle/name", { name: " " });
    expect(blank.status).to.equal(400);
    expect(blank.body.error.fields).to.have.key("name");
    expect((await client(api, alice).post("/api/oracle/question", { question: "Why?", category: "weather" })).body.error.fields).to.have.key("category");
  });

  it("names the field of every bad request", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ reading_type: "time" }, "profile_id"],
      [{ reading_type: "time", profile_id: aliceProfile, time: "25:00" }, "time"],
      [{ reading_type: "time", profile_id: aliceProfile, date: "2026-02-30" }, "date"],
      [{ reading_type: "horoscope" }, "reading_type"],
      [{ reading_type: "question", question: "q".repeat(501) }, "question"],
      [{ reading_type: "question", question: "   " }, "question"],
      [{ reading_type: "name", name: "Ada", numerology_system: "kabbalah" }, "numerology_system"],
      [{ reading_type: "multi", profile_ids: [aliceProfile] }, "profile_ids"],
      [{ reading_type: "multi", profile_ids: [aliceProfile, aliceProfile] }, "profile_ids"],
      [{ reading_type: "multi", profile_ids: [aliceProfile, aliceSecond], primary_index: 2 }, "primary_index"],
      [{ reading_type: "timing", best_hours: 0 }, "best_hours"],
      [{ reading_type: "stamp", stamp: "" }, "stamp"],
      [{ reading_type: "time", profile_id: aliceProfile, include_ai: "yes" }, "include_ai"],
      [{ reading_type: "time", profile_id: aliceProfile, surprise: 1 }, "body"],
      // The Oracle's own check (the reading's date before the birth date) comes back under the API's field name.
      [{ reading_type: "time", profile_id: aliceProfile, date: "1980-01-01" }, "date"],
    ];
    for (const [body, field] of cases) {
      const res = await client(api, alice).post("/api/oracle/readings", body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.body.error.code).to.equal("invalid_input");
      expect(Object.keys(res.body.error.fields ?? {}).join(","), JSON.stringify(body)).to.contain(field === "body" ? "" : field);
    }
  });

  it("another user's profile is a 404, alone or among others; administrators may read anyone's", async () => {
    expect((await client(api, bob).post("/api/oracle/readings", { reading_type: "time", profile_id: aliceProfile })).status).to.equal(404);
    expect((await client(api, bob).post("/api/oracle/readings", { reading_type: "multi", profile_ids: [bobProfile, aliceProfile] })).status).to.equal(404);
    expect((await client(api, bob).post("/api/oracle/question", { question: "Whose?", profile_id: aliceProfile })).status).to.equal(404);
    const byAdmin = await client(api, admin).post("/api/oracle/readings", { reading_type: "time", profile_id: aliceProfile, include_ai: false });
    expect(byAdmin.status).to.equal(201);
    expect(byAdmin.body.owner_id).to.equal(admin.user.id);
  });

  it("tells the caller's WebSocket listeners how the reading goes", async () => {
    const events: UserEvent[] = [];
    const off = api.deps.events.subscribe(alice.user.id, (e) => events.push(e));
    const bobs: UserEvent[] = [];
    const offBob = api.deps.events.subscribe(bob.user.id, (e) => bobs.push(e));
    try {
      const res = await client(api, alice).post("/api/oracle/readings", { reading_type: "time", profile_id: aliceProfile, include_ai: false });
      expect(events.map((e) => e.event)).to.deep.equal(["reading_started", "reading_progress", "reading_progress", "reading_complete"]);
      expect(events.every((e) => e.data.reading_id === res.body.id && e.data.reading_type === "time")).to.equal(true);
      expect(events.map((e) => e.data.progress)).to.deep.equal([0, 25, 90, 100]);
      events.length = 0;
      await client(api, alice).post("/api/oracle/readings", { reading_type: "time", profile_id: aliceProfile, date: "1970-01-01" });
      expect(events.map((e) => e.event)).to.deep.equal(["reading_started", "reading_progress", "reading_failed"]);
      expect(bobs).to.deep.equal([]);
    } finally {
      off();
      offBob();
    }
  });

  describe("the daily reading of a profile", () => {
    it("one per profile and date: made once (201), then returned (200) by POST and GET", async () => {
      const path = `/api/oracle/profiles/${aliceProfile}/daily`;
      const first = await client(api, alice).post(path, { date: "2026-05-01", include_ai: false });
      expect(first.status).to.equal(201);
      expect(first.body).to.include({ reading_type: "daily", sign_value: "2026-05-01", profile_id: aliceProfile, oracle_mode: "direct_mode" });
      expect(first.body.result.insights.lucky_hours).to.be.an("array");
      const second = await client(api, alice).post(path, { date: "2026-05-01" });
      expect(second.status).to.equal(200);
      expect(second.body).to.include({ id: first.body.id, oracle_mode: null });
      const viaReadings = await client(api, alice).post("/api/oracle/readings", { reading_type: "daily", profile_id: aliceProfile, date: "2026-05-01" });
      expect(viaReadings.status).to.equal(200);
      expect(viaReadings.body.id).to.equal(first.body.id);
      const got = await client(api, alice).get(`${path}?date=2026-05-01`);
      expect(got.status).to.equal(200);
      expect(got.body.id).to.equal(first.body.id);
      expect((await client(api, alice).get(`${path}?date=2026-05-02`)).status).to.equal(404);
    });

    it("force_regenerate replaces the day's reading", async () => {
      const path = `/api/oracle/profiles/${aliceProfile}/daily`;
      const first = await client(api, alice).post(path, { date: "2026-06-01", include_ai: false });
      const again = await client(api, alice).post(path, { date: "2026-06-01", include_ai: false, force_regenerate: true });
      expect(again.status).to.equal(201);
      expect(again.body.id).not.to.equal(first.body.id);
      expect((await client(api, alice).get(`${path}?date=2026-06-01`)).body.id).to.equal(again.body.id);
    });

    it("two racing requests for the same day agree on one reading", async () => {
      const path = `/api/oracle/profiles/${aliceProfile}/daily`;
      const answers = await Promise.all([1, 2, 3].map(() => client(api, alice).post(path, { date: "2026-07-04", include_ai: false })));
      expect(new Set(answers.map((a) => a.body.id)).size).to.equal(1);
      const history = await client(api, alice).get("/api/oracle/readings?reading_type=daily&limit=100");
      expect(history.body.readings.filter((r: { sign_value: string }) => r.sign_value === "2026-07-04")).to.have.length(1);
    });

    it("belongs to the profile's owner even when an administrator made it; others get 404", async () => {
      const made = await client(api, admin).post(`/api/oracle/profiles/${aliceProfile}/daily`, { date: "2026-08-08", include_ai: false });
      expect(made.status).to.equal(201);
      expect(made.body.owner_id).to.equal(alice.user.id);
      expect((await client(api, alice).get(`/api/oracle/profiles/${aliceProfile}/daily?date=2026-08-08`)).body.id).to.equal(made.body.id);
      expect((await client(api, bob).get(`/api/oracle/profiles/${aliceProfile}/daily?date=2026-08-08`)).status).to.equal(404);
      expect((await client(api, bob).post(`/api/oracle/profiles/${aliceProfile}/daily`, {})).status).to.equal(404);
    });
  });

  it("timing and the stamp check compute without storing", async () => {
    const before = (await client(api, bob).get("/api/oracle/readings")).body.total;
    const timing = await client(api, bob).get("/api/oracle/timing?date=2026-03-01&time=09:15&best_hours=2&timezone_offset_minutes=-60");
    expect(timing.status).to.equal(200);
    expect(timing.body.best_hours).to.have.length(2);
    expect(timing.body.quality).to.be.oneOf(["poor", "fair", "good", "excellent"]);
    expect((await client(api, bob).get("/api/oracle/timing?best_hours=99")).body.error.fields).to.have.key("best_hours");
    const stamp = await client(api, bob).post("/api/oracle/validate-stamp", { stamp: "nonsense" });
    expect(stamp.status).to.equal(200);
    expect(stamp.body).to.include({ valid: false, stamp: "nonsense" });
    expect(stamp.body.error).to.be.a("string").and.not.equal("");
    expect((await client(api, bob).post("/api/oracle/validate-stamp", { stamp: "" })).body.error.fields).to.have.key("stamp");
    expect((await client(api, bob).get("/api/oracle/readings")).body.total).to.equal(before);
  });

  it("refuses malformed JSON (400) and an oversize body (413) in the one error shape", async () => {
    const malformed = await client(api, alice).post("/api/oracle/readings").set("Content-Type", "application/json").send('{"reading_type": "time", "profile_id": ');
    expect(malformed.status).to.equal(400);
    expect(malformed.body.error.code).to.equal("malformed_json");
    const notJson = await client(api, alice).post("/api/oracle/profiles").set("Content-Type", "text/plain").send("name=Alice");
    expect(notJson.status).to.equal(400);
    expect(notJson.body.error.fields).to.have.key("body");
    const huge = await client(api, alice).post("/api/oracle/readings", {
      reading_type: "question",
      question: "Too much?",
      inquiry_context: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, "x".repeat(490)])),
    });
    expect(huge.status).to.equal(413);
    expect(huge.body.error.code).to.equal("payload_too_large");
    expect((await client(api, alice).get("/api/oracle/readings")).status).to.equal(200);
  });

  it("readonly accounts may look but not ask", async () => {
    const reader = await api.signIn("readonly");
    expect((await client(api, reader).post("/api/oracle/readings", { reading_type: "stamp", stamp: "x" })).status).to.equal(403);
    expect((await client(api, reader).get("/api/oracle/timing")).status).to.equal(200);
    expect((await client(api).post("/api/oracle/readings", { reading_type: "stamp", stamp: "x" })).status).to.equal(401);
  });
});

describe("oracle readings: the hourly AI limit", function () {
  const t = useTestDatabase();
  let api: TestApi;

  before(async () => {
    api = await startTestApi(t.db, { limits: { ...RELAXED_LIMITS, ai: { limit: 2, windowMs: 60 * MINUTE } } });
  });
  after(() => api.close());

  it("counts readings that ask for an interpretation, per caller; 429 with Retry-After beyond it", async () => {
    const [carol, dave] = await Promise.all([api.signIn("user"), api.signIn("user")]);
    const profile = await createProfile(api, carol);
    const ask = (body: Record<string, unknown>, who = carol) => client(api, who).post("/api/oracle/readings", { reading_type: "time", profile_id: profile, ...body });
    expect((await ask({})).status).to.equal(201);
    expect((await client(api, carol).post("/api/oracle/question", { question: "One more?" })).status).to.equal(201);
    const limited = await ask({ include_ai: true });
    expect(limited.status).to.equal(429);
    expect(limited.body.error.code).to.equal("rate_limited");
    expect(Number(limited.headers["retry-after"])).to.be.greaterThan(0);
    expect(limited.headers["x-content-type-options"]).to.equal("nosniff");
    // Readings without an interpretation, and the types that never have one, cost nothing.
    expect((await ask({ include_ai: false })).status).to.equal(201);
    expect((await client(api, carol).post("/api/oracle/readings", { reading_type: "stamp", stamp: "x" })).status).to.equal(201);
    // Another caller has a budget of their own.
    const daveProfile = await createProfile(api, dave);
    expect((await client(api, dave).post("/api/oracle/readings", { reading_type: "time", profile_id: daveProfile })).status).to.equal(201);
  });
});
