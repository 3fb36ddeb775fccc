import { expect } from "chai";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { client, createProfile, createReading } from "./testing/feature-client";

describe("oracle history routes", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let alice: SignedInUser;
  let bob: SignedInUser;
  let moderator: SignedInUser;
  let profile: string;
  let question: string;
  let time: string;
  let name: string;

  before(async () => {
    api = await startTestApi(t.db);
    [alice, bob, moderator] = await Promise.all([api.signIn("user"), api.signIn("user"), api.signIn("moderator")]);
    profile = await createProfile(api, alice, { name: "Marigold Finch" });
    time = (await createReading(api, alice, { reading_type: "time", profile_id: profile, date: "2026-01-10", time: "08:00" })).id;
    question = (await createReading(api, alice, { reading_type: "question", question: "Will the lighthouse keeper return?" })).id;
    name = (await createReading(api, alice, { reading_type: "name", name: "Evangeline Storm" })).id;
    await createReading(api, bob, { reading_type: "name", name: "Bob's Secret Name" });
  });
  after(() => api.close());

  const ids = (body: { readings: { id: string }[] }) => body.readings.map((r) => r.id);

  it("lists the caller's readings only, newest first, as summaries", async () => {
    const res = await client(api, alice).get("/api/oracle/readings");
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ total: 3, limit: 20, offset: 0 });
    expect(ids(res.body)).to.deep.equal([name, question, time]);
    const q = res.body.readings.find((r: { id: string }) => r.id === question);
    expect(q).to.include({ question: "Will the lighthouse keeper return?", reading_type: "question" });
    expect(q).not.to.have.any.keys(["result", "input"]);
    const full = await client(api, alice).get("/api/oracle/readings?view=full&limit=1");
    expect(full.body.readings[0]).to.have.property("result");
  });

  it("filters by type, profile, favourite and date range; pages and sorts", async () => {
    expect(ids((await client(api, alice).get("/api/oracle/readings?reading_type=question")).body)).to.deep.equal([question]);
    expect(ids((await client(api, alice).get(`/api/oracle/readings?profile_id=${profile}`)).body)).to.deep.equal([time]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await client(api, alice).get(`/api/oracle/readings?date_from=${today}&date_to=${today}`)).body.total).to.equal(3);
    expect((await client(api, alice).get("/api/oracle/readings?date_to=2000-01-01")).body.total).to.equal(0);
    expect((await client(api, alice).get(`/api/oracle/readings?date_from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).body.total).to.equal(0);
    const page = await client(api, alice).get("/api/oracle/readings?limit=2&offset=2&sort_order=asc");
    expect(page.body).to.include({ total: 3, limit: 2, offset: 2 });
    expect(ids(page.body)).to.deep.equal([name]);
    const byConfidence = await client(api, alice).get("/api/oracle/readings?sort_by=confidence&sort_order=desc");
    const scores = byConfidence.body.readings.map((r: { confidence_score: number }) => r.confidence_score);
    expect(scores).to.deep.equal([...scores].sort((a, b) => b - a));
    const bad = await client(api, alice).get("/api/oracle/readings?reading_type=tarot&date_from=yesterday&sort_by=owner_id&limit=0");
    expect(bad.status).to.equal(400);
    expect(bad.body.error.fields).to.have.keys(["reading_type", "date_from", "sort_by", "limit"]);
  });

  it("searches public words and, through the blind index, the encrypted question", async () => {
    expect(ids((await client(api, alice).get("/api/oracle/readings?search=lighthouse")).body)).to.deep.equal([question]);
    expect(ids((await client(api, alice).get("/api/oracle/readings?search=Evangeline")).body)).to.deep.equal([name]);
    expect(ids((await client(api, alice).get("/api/oracle/readings?search=Marigold")).body)).to.deep.equal([time]);
    expect((await client(api, alice).get("/api/oracle/readings?search=Secret")).body.total).to.equal(0);
  });

  it("treats SQL in the search as words, and every table survives", async () => {
    for (const search of ["'; DROP TABLE oracle_readings; --", "x' OR '1'='1", "lighthouse') OR 1=1 --", "\\' UNION SELECT * FROM users --", "a & b | !c <-> d:*"]) {
      const res = await client(api, alice).get(`/api/oracle/readings?search=${encodeURIComponent(search)}`);
      expect(res.status, search).to.equal(200);
      expect(res.body.readings.every((r: { owner_id: string }) => r.owner_id === alice.user.id)).to.equal(true);
    }
    expect((await client(api, alice).get("/api/oracle/readings")).body.total).to.equal(3);
    const users = await api.deps.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
    expect(users.rows[0]!.n).to.be.greaterThan(0);
  });

  it("one reading: the owner's, a moderator's view, and 404 for anyone else or a deleted one", async () => {
    expect((await client(api, alice).get(`/api/oracle/readings/${question}`)).body.question).to.equal("Will the lighthouse keeper return?");
    const other = await client(api, bob).get(`/api/oracle/readings/${question}`);
    expect(other.status).to.equal(404);
    expect(other.body.error.code).to.equal("not_found");
    expect((await client(api, moderator).get(`/api/oracle/readings/${question}`)).status).to.equal(200);
    expect((await client(api, alice).get("/api/oracle/readings/00000000-0000-4000-8000-000000000000")).status).to.equal(404);
    expect((await client(api, alice).get("/api/oracle/readings/42")).status).to.equal(400);
  });

  it("scope=all is for moderators", async () => {
    const all = await client(api, moderator).get("/api/oracle/readings?scope=all&limit=100");
    expect(all.body.total).to.be.at.least(4);
    expect((await client(api, moderator).get("/api/oracle/readings")).body.total).to.equal(0);
    expect((await client(api, bob).get("/api/oracle/readings?scope=all")).status).to.equal(403);
  });

  it("toggles and sets the favourite flag; filters by it; 404 for another user's reading", async () => {
    const toggled = await client(api, alice).patch(`/api/oracle/readings/${time}/favorite`);
    expect(toggled.status).to.equal(200);
    expect(toggled.body).to.deep.equal({ id: time, is_favorite: true });
    expect(ids((await client(api, alice).get("/api/oracle/readings?is_favorite=true")).body)).to.deep.equal([time]);
    expect((await client(api, alice).patch(`/api/oracle/readings/${time}/favorite`)).body.is_favorite).to.equal(false);
    expect((await client(api, alice).put(`/api/oracle/readings/${time}/favorite`, { is_favorite: true })).body.is_favorite).to.equal(true);
    expect((await client(api, alice).put(`/api/oracle/readings/${time}/favorite`, { is_favorite: "yes" })).status).to.equal(400);
    expect((await client(api, bob).patch(`/api/oracle/readings/${time}/favorite`)).status).to.equal(404);
    expect((await client(api, alice).get(`/api/oracle/readings/${time}`)).body.is_favorite).to.equal(true);
  });

  it("feedback: one per reading and user, upserted; rating and sections checked; 404 for another's reading", async () => {
    const path = `/api/oracle/readings/${question}/feedback`;
    const first = await client(api, alice).post(path, { rating: 4, section_feedback: { advice: true, caution: false }, text_feedback: "Mostly helpful" });
    expect(first.status).to.equal(201);
    expect(first.body).to.include({ rating: 4, text_feedback: "Mostly helpful", reading_id: question, user_id: alice.user.id });
    const second = await client(api, alice).post(path, { rating: 2 });
    expect(second.status).to.equal(200);
    expect(second.body).to.include({ id: first.body.id, rating: 2 });
    const list = await client(api, alice).get(path);
    expect(list.body.feedback).to.have.length(1);
    for (const [body, field] of [
      [{ rating: 0 }, "rating"],
      [{ rating: 6 }, "rating"],
      [{ rating: 3.5 }, "rating"],
      [{ rating: 3, section_feedback: { horoscope: true } }, "section_feedback"],
      [{ rating: 3, text_feedback: "x".repeat(1001) }, "text_feedback"],
    ] as const) {
      const res = await client(api, alice).post(path, body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(Object.keys(res.body.error.fields).join(",")).to.contain(field);
    }
    expect((await client(api, bob).post(path, { rating: 5 })).status).to.equal(404);
    expect((await client(api, bob).get(path)).status).to.equal(404);
  });

  it("statistics of the caller's readings", async () => {
    const res = await client(api, alice).get("/api/oracle/readings/stats");
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ total_readings: 3, readings_today: 3, streak_days: 1 });
    expect(res.body.by_type).to.deep.equal({ time: 1, question: 1, name: 1 });
    expect(res.body.by_month).to.have.length(1);
    expect(res.body.average_confidence).to.be.a("number");
    expect((await client(api, bob).get("/api/oracle/readings/stats")).body.total_readings).to.equal(1);
    expect((await client(api, bob).get("/api/oracle/readings/stats?scope=all")).status).to.equal(403);
    expect((await client(api, moderator).get("/api/oracle/readings/stats?scope=all")).body.total_readings).to.be.at.least(4);
  });

  it("soft-deletes: 204, gone from history and reads; another user gets 404; audited", async () => {
    const doomed = (await createReading(api, alice, { reading_type: "stamp", stamp: "x" })).id;
    expect((await client(api, bob).delete(`/api/oracle/readings/${doomed}`)).status).to.equal(404);
    expect((await client(api, alice).delete(`/api/oracle/readings/${doomed}`)).status).to.equal(204);
    expect((await client(api, alice).get(`/api/oracle/readings/${doomed}`)).status).to.equal(404);
    expect((await client(api, alice).delete(`/api/oracle/readings/${doomed}`)).status).to.equal(404);
    expect(ids((await client(api, alice).get("/api/oracle/readings?limit=100")).body)).not.to.include(doomed);
    const audit = await api.deps.repos.audit.list({ resourceId: doomed });
    expect(audit.items.map((e) => e.action)).to.deep.equal(["oracle_reading.delete"]);
  });

  it("answers repeated reads from the cache with an ETag, and a write clears it", async () => {
    const first = await client(api, bob).get("/api/oracle/readings");
    const etag = first.headers.etag as string;
    expect(etag).to.be.a("string");
    expect((await client(api, bob).get("/api/oracle/readings").set("If-None-Match", etag)).status).to.equal(304);
    await createReading(api, bob, { reading_type: "stamp", stamp: "y" });
    const after = await client(api, bob).get("/api/oracle/readings");
    expect(after.body.total).to.equal(first.body.total + 1);
  });
});
