import { expect } from "chai";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { latestDayOnEarth } from "./profile-schemas";
import { client, createProfile, profileBody } from "./testing/feature-client";

describe("oracle profiles routes", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let alice: SignedInUser;
  let bob: SignedInUser;
  let moderator: SignedInUser;
  let reader: SignedInUser;

  before(async () => {
    api = await startTestApi(t.db);
    [alice, bob, moderator, reader] = await Promise.all([api.signIn("user"), api.signIn("user"), api.signIn("moderator"), api.signIn("readonly")]);
  });
  after(() => api.close());

  it("creates a profile (201) and reads it back with the mother's name decrypted", async () => {
    const body = profileBody({ name_persian: "آلیس", mother_name_persian: "باربارا" });
    const res = await client(api, alice).post("/api/oracle/profiles", body);
    expect(res.status).to.equal(201);
    expect(res.body).to.include({ name: body.name, birth_date: "1990-07-15", mother_name: "Barbara Quillfeather", mother_name_persian: "باربارا", owner_id: alice.user.id });
    expect(res.body).to.include({ heart_rate_bpm: 68, timezone_offset_minutes: -300, latitude: 40.7, longitude: -74, deleted_at: null });
    const again = await client(api, alice).get(`/api/oracle/profiles/${res.body.id}`);
    expect(again.status).to.equal(200);
    expect(again.body).to.deep.equal(res.body);
  });

  it("names every invalid field", async () => {
    const res = await client(api, alice).post("/api/oracle/profiles", {
      name: "A",
      birth_date: "1899-12-31",
      mother_name: "   ",
      gender: "other",
      heart_rate_bpm: 221,
      timezone_offset_minutes: 900,
      latitude: 91,
      longitude: 0,
      country: "x".repeat(101),
    });
    expect(res.status).to.equal(400);
    expect(res.body.error.code).to.equal("invalid_input");
    expect(res.body.error.fields).to.include.keys(["name", "birth_date", "mother_name", "gender", "heart_rate_bpm", "timezone_offset_minutes", "latitude", "country"]);
  });

  it("refuses a birth date in the future, a half coordinate, a missing mother's name and unknown fields", async () => {
    const tomorrow = new Date(`${latestDayOnEarth()}T00:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    const future = await client(api, alice).post("/api/oracle/profiles", profileBody({ birth_date: tomorrow.toISOString().slice(0, 10) }));
    expect(future.status).to.equal(400);
    expect(future.body.error.fields.birth_date).to.match(/future/);
    const notADay = await client(api, alice).post("/api/oracle/profiles", profileBody({ birth_date: "2001-02-29" }));
    expect(notADay.body.error.fields).to.have.key("birth_date");
    const half = await client(api, alice).post("/api/oracle/profiles", profileBody({ latitude: 10, longitude: null }));
    expect(half.status).to.equal(400);
    expect(half.body.error.fields).to.have.key("longitude");
    const { mother_name: _m, ...noMother } = profileBody();
    expect((await client(api, alice).post("/api/oracle/profiles", noMother)).body.error.fields).to.have.key("mother_name");
    const extra = await client(api, alice).post("/api/oracle/profiles", profileBody({ is_admin: true }));
    expect(extra.status).to.equal(400);
  });

  it("refuses a name no numerology system can count, on creation and on change, and keeps names in other scripts", async () => {
    const unreadable = await client(api, alice).post("/api/oracle/profiles", profileBody({ name: "🙂🙂 🙂" }));
    expect(unreadable.status).to.equal(400);
    expect(unreadable.body.error.fields.name).to.match(/no letters to count/);
    const cyrillic = await client(api, alice).post("/api/oracle/profiles", profileBody({ name: "Иван Петров" }));
    expect(cyrillic.status).to.equal(201);
    const change = await client(api, alice).patch(`/api/oracle/profiles/${cyrillic.body.id}`, { name: "🙂🙂" });
    expect(change.status).to.equal(400);
    expect(change.body.error.fields).to.have.key("name");
    expect((await client(api, alice).get(`/api/oracle/profiles/${cyrillic.body.id}`)).body.name).to.equal("Иван Петров");
  });

  it("answers 409 for a duplicate name and birth date of the same owner, not across owners", async () => {
    const body = profileBody();
    expect((await client(api, alice).post("/api/oracle/profiles", body)).status).to.equal(201);
    const dup = await client(api, alice).post("/api/oracle/profiles", { ...body, name: String(body.name).toUpperCase() });
    expect(dup.status).to.equal(409);
    expect(dup.body.error.code).to.equal("conflict");
    expect((await client(api, bob).post("/api/oracle/profiles", body)).status).to.equal(201);
  });

  it("hides another user's profile (404 on read, update and delete); moderators see and manage all", async () => {
    const id = await createProfile(api, alice);
    expect((await client(api, bob).get(`/api/oracle/profiles/${id}`)).status).to.equal(404);
    expect((await client(api, bob).patch(`/api/oracle/profiles/${id}`, { city: "Elsewhere" })).status).to.equal(404);
    expect((await client(api, bob).delete(`/api/oracle/profiles/${id}`)).status).to.equal(404);
    const bobsList = await client(api, bob).get("/api/oracle/profiles?limit=100");
    expect(bobsList.body.profiles.map((p: { id: string }) => p.id)).not.to.include(id);

    expect((await client(api, moderator).get(`/api/oracle/profiles/${id}`)).status).to.equal(200);
    const all = await client(api, moderator).get(`/api/oracle/profiles?owner_id=${alice.user.id}&limit=100`);
    expect(all.body.profiles.map((p: { id: string }) => p.id)).to.include(id);
    const moved = await client(api, moderator).patch(`/api/oracle/profiles/${id}`, { city: "Tabriz" });
    expect(moved.status).to.equal(200);
    // The owner's cached copy was cleared by the moderator's write.
    expect((await client(api, alice).get(`/api/oracle/profiles/${id}`)).body.city).to.equal("Tabriz");
  });

  it("lists with search, sort and paging", async () => {
    const tag = `Zq${Date.now().toString(36)}`;
    await createProfile(api, bob, { name: `${tag} Beta` });
    await createProfile(api, bob, { name: `${tag} Alpha` });
    const res = await client(api, bob).get(`/api/oracle/profiles?search=${tag.toLowerCase()}&sort_by=name&sort_order=asc&limit=1`);
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ total: 2, limit: 1, offset: 0 });
    expect(res.body.profiles[0].name).to.equal(`${tag} Alpha`);
    expect(res.body.profiles[0]).to.have.property("reading_count", 0);
    const bad = await client(api, bob).get("/api/oracle/profiles?sort_by=mother_name&limit=500");
    expect(bad.status).to.equal(400);
    expect(bad.body.error.fields).to.have.keys(["sort_by", "limit"]);
  });

  it("updates some fields (null clears), keeps the rest, and refuses an empty change", async () => {
    const id = await createProfile(api, alice);
    const res = await client(api, alice).patch(`/api/oracle/profiles/${id}`, { mother_name: "New Mother", heart_rate_bpm: null });
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ mother_name: "New Mother", heart_rate_bpm: null, city: "New York" });
    expect((await client(api, alice).patch(`/api/oracle/profiles/${id}`, {})).status).to.equal(400);
    expect((await client(api, alice).patch(`/api/oracle/profiles/${id}`, { heart_rate_bpm: 29 })).body.error.fields).to.have.key("heart_rate_bpm");
  });

  it("soft-deletes: 204, then 404, listed only with include_deleted", async () => {
    const id = await createProfile(api, alice);
    expect((await client(api, alice).delete(`/api/oracle/profiles/${id}`)).status).to.equal(204);
    expect((await client(api, alice).get(`/api/oracle/profiles/${id}`)).status).to.equal(404);
    expect((await client(api, alice).delete(`/api/oracle/profiles/${id}`)).status).to.equal(404);
    const withDeleted = await client(api, alice).get("/api/oracle/profiles?include_deleted=true&limit=100");
    const row = withDeleted.body.profiles.find((p: { id: string }) => p.id === id);
    expect(row.deleted_at).to.be.a("string");
  });

  it("needs credentials, and oracle:write to change anything", async () => {
    expect((await client(api).get("/api/oracle/profiles")).status).to.equal(401);
    expect((await client(api, reader).get("/api/oracle/profiles")).status).to.equal(200);
    expect((await client(api, reader).post("/api/oracle/profiles", profileBody())).status).to.equal(403);
    expect((await client(api, alice).get("/api/oracle/profiles/not-a-uuid")).body.error.fields).to.have.key("profile_id");
  });

  it("writes audit rows for creation, change and deletion, without the mother's name", async () => {
    const id = await createProfile(api, alice);
    await client(api, alice).patch(`/api/oracle/profiles/${id}`, { mother_name: "Secret Mother" });
    await client(api, alice).delete(`/api/oracle/profiles/${id}`);
    const page = await api.deps.repos.audit.list({ resourceId: id });
    expect(page.items.map((e) => e.action).sort()).to.deep.equal(["oracle_user.create", "oracle_user.delete", "oracle_user.update"]);
    expect(JSON.stringify(page.items)).not.to.contain("Secret Mother");
    expect(page.items.every((e) => e.actorId === alice.user.id)).to.equal(true);
  });
});
