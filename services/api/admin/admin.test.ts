import { expect } from "chai";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { client, createProfile, createReading } from "../oracle/testing/feature-client";

describe("admin routes", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let admin: SignedInUser;
  let moderator: SignedInUser;
  let alice: SignedInUser;
  let readingId: string;

  before(async () => {
    api = await startTestApi(t.db);
    [admin, moderator, alice] = await Promise.all([api.signIn("admin"), api.signIn("moderator"), api.signIn("user")]);
    const profile = await createProfile(api, alice);
    readingId = (await createReading(api, alice, { reading_type: "time", profile_id: profile })).id;
    await client(api, alice).post(`/api/oracle/readings/${readingId}/feedback`, { rating: 5, section_feedback: { advice: true } });
  });
  after(() => api.close());

  it("is for administrators only", async () => {
    expect((await client(api).get("/api/admin/stats")).status).to.equal(401);
    expect((await client(api, alice).get("/api/admin/stats")).status).to.equal(403);
    expect((await client(api, moderator).get("/api/admin/audit")).status).to.equal(403);
  });

  it("platform statistics", async () => {
    const res = await client(api, admin).get("/api/admin/stats");
    expect(res.status).to.equal(200);
    expect(res.body.users).to.include({ total: 3, active: 3, inactive: 0 });
    expect(res.body.users.by_role).to.deep.equal({ admin: 1, moderator: 1, user: 1 });
    expect(res.body.profiles).to.equal(1);
    expect(res.body.readings).to.include({ total: 1, today: 1, last_24h: 1 });
    expect(res.body.readings.by_type).to.deep.equal({ time: 1 });
    expect(res.body.feedback).to.include({ total: 1, average_rating: 5 });
    expect(res.body.feedback.section_helpful_pct).to.deep.equal({ advice: 100 });
    expect(res.body.database_bytes).to.be.greaterThan(0);
  });

  it("the audit log with filters and pages", async () => {
    await client(api, alice).delete(`/api/oracle/readings/${readingId}`);
    const all = await client(api, admin).get("/api/admin/audit?limit=200");
    expect(all.status).to.equal(200);
    expect(all.body.total).to.be.at.least(4);
    const actions = all.body.entries.map((e: { action: string }) => e.action);
    expect(actions).to.include.members(["auth.login", "oracle_user.create", "oracle_reading.delete"]);
    const times = all.body.entries.map((e: { timestamp: string }) => Date.parse(e.timestamp));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));

    const deletes = await client(api, admin).get(`/api/admin/audit?action=oracle_reading.delete&actor_id=${alice.user.id}&success=true`);
    expect(deletes.body.entries).to.have.length(1);
    expect(deletes.body.entries[0]).to.include({ resource_id: readingId, actor_username: alice.user.username, severity: "warning" });
    const today = new Date().toISOString().slice(0, 10);
    expect((await client(api, admin).get(`/api/admin/audit?since=${today}&until=${today}`)).body.total).to.equal(all.body.total);
    expect((await client(api, admin).get("/api/admin/audit?until=2000-01-01")).body.total).to.equal(0);
    const page = await client(api, admin).get("/api/admin/audit?limit=1&offset=1");
    expect(page.body).to.include({ limit: 1, offset: 1 });
    expect(page.body.entries[0].id).to.equal(all.body.entries[1].id);

    const bad = await client(api, admin).get("/api/admin/audit?limit=201&severity=loud&actor_id=me&success=maybe&since=last-week");
    expect(bad.status).to.equal(400);
    expect(bad.body.error.fields).to.have.keys(["limit", "severity", "actor_id", "success", "since"]);
  });
});
