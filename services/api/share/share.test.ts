import { expect } from "chai";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { client, createProfile, createReading } from "../oracle/testing/feature-client";
import { MAX_ACTIVE_LINKS } from "./routes";

describe("share routes", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let alice: SignedInUser;
  let bob: SignedInUser;
  let admin: SignedInUser;
  let questionId: string;
  let timeId: string;
  const MOTHER = "Henrietta Larkspur";

  before(async () => {
    api = await startTestApi(t.db);
    [alice, bob, admin] = await Promise.all([api.signIn("user"), api.signIn("user"), api.signIn("admin")]);
    const profile = await createProfile(api, alice, { name: "Rosalind Vale", mother_name: MOTHER });
    questionId = (await createReading(api, alice, { reading_type: "question", question: "Will the orchard bear fruit?", profile_id: profile, include_ai: true })).id;
    timeId = (await createReading(api, alice, { reading_type: "time", profile_id: profile, include_ai: true })).id;
  });
  after(() => api.close());

  const share = (who: SignedInUser, body: Record<string, unknown>) => client(api, who).post("/api/share", body);

  it("the owner creates a link; anyone with the token reads the reading decrypted, and views are counted", async () => {
    const made = await share(alice, { reading_id: questionId, parts: ["result", "interpretation", "question"], expires_in_days: 3 });
    expect(made.status).to.equal(201);
    expect(made.body.token).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(made.body).to.include({ url: `/share/${made.body.token}`, api_url: `/api/share/${made.body.token}`, reading_id: questionId, view_count: 0, status: "active" });
    const days = (Date.parse(made.body.expires_at) - Date.now()) / 86_400_000;
    expect(days).to.be.within(2.99, 3.01);

    const seen = await client(api).get(made.body.api_url);
    expect(seen.status).to.equal(200);
    expect(seen.headers["cache-control"]).to.equal("no-store");
    expect(seen.body.view_count).to.equal(1);
    expect(seen.body.reading).to.include({ id: questionId, reading_type: "question", question: "Will the orchard bear fruit?" });
    expect(seen.body.reading.ai_interpretation.sections.full_text).to.be.a("string");
    expect(seen.body.reading.result.question_number).to.be.a("number");
    expect(seen.body.reading.result.question).to.equal("Will the orchard bear fruit?");
    // Not shared: who the reading is about.
    expect(JSON.stringify(seen.body.reading.result)).not.to.contain('"person"');
    expect(seen.body.reading).not.to.have.property("profiles");
    expect(JSON.stringify(seen.body)).not.to.contain("nps1:");
    expect(JSON.stringify(seen.body)).not.to.contain(MOTHER);

    expect((await client(api).get(made.body.api_url)).body.view_count).to.equal(2);
    const listed = await client(api, alice).get(`/api/share/links?reading_id=${questionId}`);
    expect(listed.body.links[0]).to.include({ id: made.body.id, view_count: 2, status: "active" });
    expect(listed.body.links[0]).not.to.have.property("token");
    expect((await client(api, alice).get("/api/share/links")).body.links.map((l: { id: string }) => l.id)).to.include(made.body.id);
    expect((await client(api, bob).get(`/api/share/links?reading_id=${questionId}`)).body.links).to.deep.equal([]);
    expect((await client(api, alice).get("/api/share/links?reading_id=nope")).status).to.equal(400);
  });

  it("shows only the parts the owner chose", async () => {
    const onlyResult = await share(alice, { reading_id: questionId, parts: ["result"] });
    const r = (await client(api).get(onlyResult.body.api_url)).body.reading;
    expect(r).to.have.property("result");
    expect(r).not.to.have.any.keys(["ai_interpretation", "question", "profiles"]);
    const text = JSON.stringify(r.result);
    for (const hidden of ['"question"', '"translation"', '"synthesis"', '"person"', "orchard"]) expect(text).not.to.contain(hidden);

    const onlyText = await share(alice, { reading_id: timeId, parts: ["interpretation", "profile"] });
    const v = (await client(api).get(onlyText.body.api_url)).body.reading;
    expect(v).not.to.have.property("result");
    expect(v.sign_value).to.equal(null);
    expect(v.profiles).to.deep.equal([{ name: "Rosalind Vale", name_persian: null, birth_date: "1990-07-15" }]);
    expect(v.ai_interpretation.sections.header).to.contain("Rosalind Vale");
    expect(JSON.stringify(v)).not.to.contain(MOTHER);
  });

  it("an expired link answers 410, a revoked or unknown one 404, a malformed token 400", async () => {
    const made = await share(alice, { reading_id: timeId });
    await api.deps.db.query("UPDATE oracle_share_links SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE id = $1", [made.body.id]);
    const expired = await client(api).get(made.body.api_url);
    expect(expired.status).to.equal(410);
    expect(expired.body.error.code).to.equal("gone");

    const revoked = await share(alice, { reading_id: timeId });
    expect((await client(api, bob).delete(`/api/share/links/${revoked.body.id}`)).status).to.equal(404);
    expect((await client(api, alice).delete(`/api/share/links/${revoked.body.id}`)).status).to.equal(204);
    expect((await client(api).get(revoked.body.api_url)).status).to.equal(404);
    expect((await client(api, alice).delete(`/api/share/links/${revoked.body.id}`)).status).to.equal(404);

    const byToken = await share(alice, { reading_id: timeId });
    expect((await client(api, bob).delete(byToken.body.api_url)).status).to.equal(404);
    expect((await client(api, alice).delete(byToken.body.api_url)).status).to.equal(204);
    expect((await client(api).get(byToken.body.api_url)).status).to.equal(404);

    expect((await client(api).get(`/api/share/${"A".repeat(43)}`)).status).to.equal(404);
    const malformed = await client(api).get("/api/share/abc");
    expect(malformed.status).to.equal(400);
    expect(malformed.body.error.fields).to.have.key("token");
  });

  it("a deleted reading's links stop working", async () => {
    const doomed = (await createReading(api, alice, { reading_type: "stamp", stamp: "x" })).id;
    const made = await share(alice, { reading_id: doomed });
    expect((await client(api).get(made.body.api_url)).status).to.equal(200);
    await client(api, alice).delete(`/api/oracle/readings/${doomed}`);
    expect((await client(api).get(made.body.api_url)).status).to.equal(404);
  });

  it("only the owner shares: another user, or an administrator, gets 404", async () => {
    expect((await share(bob, { reading_id: questionId })).status).to.equal(404);
    expect((await share(admin, { reading_id: questionId })).status).to.equal(404);
    expect((await client(api).post("/api/share", { reading_id: questionId })).status).to.equal(401);
  });

  it("checks the body", async () => {
    for (const [body, field] of [
      [{}, "reading_id"],
      [{ reading_id: "nope" }, "reading_id"],
      [{ reading_id: timeId, expires_in_days: 0 }, "expires_in_days"],
      [{ reading_id: timeId, expires_in_days: 366 }, "expires_in_days"],
      [{ reading_id: timeId, parts: [] }, "parts"],
      [{ reading_id: timeId, parts: ["mother_name"] }, "parts"],
      [{ reading_id: timeId, parts: ["result", "result"] }, "parts"],
    ] as const) {
      const res = await share(alice, body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(Object.keys(res.body.error.fields).join(",")).to.contain(field);
    }
  });

  it(`allows ${MAX_ACTIVE_LINKS} active links per reading (409 beyond), and none when sharing is turned off`, async () => {
    const reading = (await createReading(api, bob, { reading_type: "stamp", stamp: "y" })).id;
    for (let i = 0; i < MAX_ACTIVE_LINKS; i++) expect((await share(bob, { reading_id: reading })).status).to.equal(201);
    const over = await share(bob, { reading_id: reading });
    expect(over.status).to.equal(409);
    expect(over.body.error.fields).to.have.key("reading_id");

    await client(api, bob).put("/api/settings", { share_enabled: false });
    const other = (await createReading(api, bob, { reading_type: "stamp", stamp: "z" })).id;
    expect((await share(bob, { reading_id: other })).status).to.equal(403);
    await client(api, bob).put("/api/settings", { share_enabled: null });
    expect((await share(bob, { reading_id: other })).status).to.equal(201);
  });

  it("audits creation and revocation", async () => {
    const made = await share(alice, { reading_id: timeId });
    await client(api, alice).delete(`/api/share/links/${made.body.id}`);
    const rows = await api.deps.repos.audit.list({ resourceId: made.body.id });
    expect(rows.items.map((e) => e.action).sort()).to.deep.equal(["share_link.create", "share_link.revoke"]);
  });
});
