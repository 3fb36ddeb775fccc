import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { issueToken } from "../../crypto/tokens";
import { makeProfile, makeUser, viewerOf } from "../../testing/fixtures";
import { testCipher } from "../../testing/test-cipher";
import { useTestDatabase } from "../../testing/test-database";
import { SYSTEM_VIEWER, type Viewer } from "../paging";
import { createRepositories, type Repositories } from ".";
import type { UserRecord } from "./users";

describe("oracle data: profiles, readings, daily readings, share links, feedback", function () {
  this.timeout(60_000);
  const t = useTestDatabase();
  let repos: Repositories;
  let alice: UserRecord;
  let bob: UserRecord;
  let admin: UserRecord;
  let asAlice: Viewer;
  let asBob: Viewer;
  let asAdmin: Viewer;

  before(async () => {
    repos = createRepositories(t.db, await testCipher());
    alice = await makeUser(repos);
    bob = await makeUser(repos);
    admin = await makeUser(repos, { role: "admin" });
    [asAlice, asBob, asAdmin] = [viewerOf(alice), viewerOf(bob), viewerOf(admin)];
  });

  describe("profiles", () => {
    it("keeps mother names encrypted at rest and plain in the repository's answers", async () => {
      const p = await makeProfile(repos, alice, { mother_name: "Fatemeh Zand", mother_name_persian: "فاطمه زند" });
      expect(p.mother_name).to.equal("Fatemeh Zand");
      expect(p.mother_name_persian).to.equal("فاطمه زند");
      const raw = await t.db.query<{ mother_name: string; mother_name_persian: string }>(`SELECT mother_name, mother_name_persian FROM oracle_users WHERE id = $1`, [p.id]);
      expect(raw.rows[0]!.mother_name).to.match(/^nps1:/);
      expect(raw.rows[0]!.mother_name_persian).to.match(/^nps1:/);
      expect((await repos.profiles.get(p.id, asAlice))?.mother_name).to.equal("Fatemeh Zand");
    });

    it("shows an owner only their own profiles; another owner's look missing; admins see all", async () => {
      const p = await makeProfile(repos, alice);
      expect(await repos.profiles.get(p.id, asBob)).to.equal(null);
      expect(await repos.profiles.update(p.id, asBob, { city: "Tabriz" })).to.equal(null);
      expect(await repos.profiles.softDelete(p.id, asBob)).to.equal(null);
      expect((await repos.profiles.get(p.id, asAdmin))?.id).to.equal(p.id);
      const bobs = await repos.profiles.list(asBob);
      expect(bobs.items.some((x) => x.id === p.id)).to.equal(false);
      const all = await repos.profiles.list(asAdmin, { ownerId: alice.id, limit: 100 });
      expect(all.items.some((x) => x.id === p.id)).to.equal(true);
      expect(all.items.every((x) => x.owner_id === alice.id)).to.equal(true);
    });

    it("searches names (Persian too), sorts, pages and counts readings", async () => {
      const owner = await makeUser(repos);
      const viewer = viewerOf(owner);
      const names = ["Kourosh Amini", "Kamran Amini", "Leila Nazari"];
      const made = [];
      for (const name of names) made.push(await makeProfile(repos, owner, { name, name_persian: name === "Leila Nazari" ? "لیلا نظری" : null }));
      await repos.readings.create({ ownerId: owner.id, profileId: made[0]!.id, readingType: "time", result: {} });
      const aminis = await repos.profiles.list(viewer, { search: "amini", sortBy: "name", sortOrder: "asc" });
      expect(aminis.items.map((p) => p.name)).to.deep.equal(["Kamran Amini", "Kourosh Amini"]);
      expect(aminis.items.find((p) => p.name === "Kourosh Amini")?.readingCount).to.equal(1);
      expect((await repos.profiles.list(viewer, { search: "لیلا" })).items.map((p) => p.name)).to.deep.equal(["Leila Nazari"]);
      expect((await repos.profiles.list(viewer, { search: "100%_" })).total).to.equal(0);
      const paged = await repos.profiles.list(viewer, { limit: 1, offset: 2, sortBy: "name", sortOrder: "asc" });
      expect(paged.total).to.equal(3);
      expect(paged.items.map((p) => p.name)).to.deep.equal(["Leila Nazari"]);
    });

    it("updates partially (null clears, undefined keeps), re-encrypting a new mother name", async () => {
      const p = await makeProfile(repos, alice, { city: "Yazd", heart_rate_bpm: 60 });
      const u = await repos.profiles.update(p.id, asAlice, { city: null, mother_name: "Parvin", heart_rate_bpm: undefined });
      expect(u).to.deep.include({ city: null, mother_name: "Parvin", heart_rate_bpm: 60 });
      expect(u!.updated_at.getTime()).to.be.at.least(p.updated_at.getTime());
    });

    it("soft-deletes: gone from reads and lists, kept for admins who ask", async () => {
      const p = await makeProfile(repos, alice);
      expect((await repos.profiles.softDelete(p.id, asAlice))?.deleted_at).to.be.instanceOf(Date);
      expect(await repos.profiles.get(p.id, asAlice)).to.equal(null);
      expect(await repos.profiles.softDelete(p.id, asAlice)).to.equal(null);
      expect((await repos.profiles.get(p.id, asAdmin, { includeDeleted: true }))?.id).to.equal(p.id);
      expect((await repos.profiles.list(asAdmin, { ownerId: alice.id, includeDeleted: true, limit: 100 })).items.some((x) => x.id === p.id)).to.equal(true);
    });
  });

  describe("readings", () => {
    it("stores the question, AI text and their copies in the result encrypted, and gives them back", async () => {
      const p = await makeProfile(repos, alice, { mother_name: "Shirin Sadeghi" });
      const reading = await repos.readings.create({
        ownerId: alice.id,
        profileId: p.id,
        readingType: "question",
        signValue: "14:30:00",
        numerologySystem: "pythagorean",
        question: "Will the orchard give fruit?",
        aiInterpretation: "The orchard will give fruit in autumn.",
        input: { question: "Will the orchard give fruit?", include_ai: true },
        result: { question: "Will the orchard give fruit?", question_number: 7, mother: { mother_name: "Shirin Sadeghi" }, summary: "You asked: will the orchard give fruit?" },
        confidenceScore: 72.5,
        searchTerms: [p.name],
        secrets: [p.mother_name],
      });
      expect(reading.question).to.equal("Will the orchard give fruit?");
      expect(reading.result).to.deep.equal({ question: "Will the orchard give fruit?", question_number: 7, mother: { mother_name: "Shirin Sadeghi" }, summary: "You asked: will the orchard give fruit?" });
      const raw = await t.db.query(`SELECT row_to_json(r)::text AS text FROM oracle_readings r WHERE id = $1`, [reading.id]);
      const text = raw.rows[0].text as string;
      for (const secret of ["orchard", "Shirin", "Sadeghi"]) expect(text.toLowerCase()).not.to.contain(secret.toLowerCase());
      expect(text).to.contain("question_number");
      expect(await repos.readings.get(reading.id, asAlice)).to.deep.equal(reading);
    });

    it("another owner's reading is missing for every read and write", async () => {
      const r = await repos.readings.create({ ownerId: alice.id, readingType: "time", result: {} });
      expect(await repos.readings.get(r.id, asBob)).to.equal(null);
      expect(await repos.readings.setFavorite(r.id, asBob, true)).to.equal(null);
      expect(await repos.readings.softDelete(r.id, asBob)).to.equal(false);
      expect((await repos.readings.list(asBob, { limit: 100 })).items.some((x) => x.id === r.id)).to.equal(false);
      expect((await repos.readings.get(r.id, asAdmin))?.id).to.equal(r.id);
      expect(await repos.readings.get("../../etc/passwd", asAlice)).to.equal(null);
    });

    it("keeps the profiles of a multi reading in order, with the primary one as profile_id", async () => {
      const ps = [await makeProfile(repos, alice), await makeProfile(repos, alice), await makeProfile(repos, alice)];
      const r = await repos.readings.create({ ownerId: alice.id, readingType: "multi", result: {}, profileIds: ps.map((p) => p.id), primaryIndex: 1 });
      expect(r.profileIds).to.deep.equal(ps.map((p) => p.id));
      expect(r.profileId).to.equal(ps[1]!.id);
      expect((await repos.readings.get(r.id, asAlice))?.profileIds).to.deep.equal(ps.map((p) => p.id));
      const byThird = await repos.readings.list(asAlice, { profileId: ps[2]!.id });
      expect(byThird.items.map((x) => x.id)).to.deep.equal([r.id]);
      let err: unknown;
      try {
        await repos.readings.create({ ownerId: alice.id, readingType: "multi", result: {}, profileIds: [ps[0]!.id, ps[0]!.id] });
      } catch (e) {
        err = e;
      }
      expect((err as Error).message).to.match(/^profile_ids: /);
    });

    it("filters by type, favourite and dates, sorts by confidence, and pages", async () => {
      const owner = await makeUser(repos);
      const v = viewerOf(owner);
      const made = [];
      for (const [i, type] of (["time", "name", "time", "question", "daily"] as const).entries()) {
        made.push(await repos.readings.create({ ownerId: owner.id, readingType: type, result: { i }, confidenceScore: 10 * (i + 1) }));
      }
      await t.db.query(`UPDATE oracle_readings SET created_at = '2025-01-15T12:00:00Z' WHERE id = $1`, [made[0]!.id]);
      expect((await repos.readings.list(v, { readingType: "time" })).total).to.equal(2);
      expect(await repos.readings.setFavorite(made[1]!.id, v)).to.equal(true);
      expect(await repos.readings.setFavorite(made[2]!.id, v, true)).to.equal(true);
      expect(await repos.readings.setFavorite(made[2]!.id, v)).to.equal(false);
      expect((await repos.readings.list(v, { isFavorite: true })).items.map((r) => r.id)).to.deep.equal([made[1]!.id]);
      const jan = await repos.readings.list(v, { dateFrom: new Date("2025-01-01T00:00:00Z"), dateTo: new Date("2025-01-31T23:59:59Z") });
      expect(jan.items.map((r) => r.id)).to.deep.equal([made[0]!.id]);
      const byConfidence = await repos.readings.list(v, { sortBy: "confidence", sortOrder: "desc", limit: 2, view: "summary" });
      expect(byConfidence.total).to.equal(5);
      expect(byConfidence.items.map((r) => r.confidenceScore)).to.deep.equal([50, 40]);
      expect(byConfidence.items[0]!.result).to.deep.equal({});
      expect(await repos.readings.softDelete(made[4]!.id, v)).to.equal(true);
      expect((await repos.readings.list(v)).total).to.equal(4);
      expect(await repos.readings.get(made[4]!.id, v)).to.equal(null);
    });

    it("searches public words by prefix and private words whole, without plaintext in the index", async () => {
      const owner = await makeUser(repos);
      const v = viewerOf(owner);
      const p = await makeProfile(repos, owner, { name: "Bahram Gur" });
      const a = await repos.readings.create({ ownerId: owner.id, profileId: p.id, readingType: "question", question: "Is the caravan safe?", aiInterpretation: "The stars favour travel.", result: {}, searchTerms: [p.name] });
      const b = await repos.readings.create({ ownerId: owner.id, readingType: "name", signValue: "Roxana", result: {} });
      const ids = async (search: string) => (await repos.readings.list(v, { search })).items.map((r) => r.id);
      expect(await ids("caravan")).to.deep.equal([a.id]);
      expect(await ids("CARAVAN safe")).to.deep.equal([a.id]);
      expect(await ids("stars")).to.deep.equal([a.id]);
      expect(await ids("bahr")).to.deep.equal([a.id]);
      expect(await ids("roxa")).to.deep.equal([b.id]);
      expect(await ids("cara")).to.deep.equal([]); // private words match whole only
      expect(await ids("caravan roxana")).to.deep.equal([]);
      expect((await ids("'; DROP TABLE users; --")).length).to.equal(0);
      expect((await repos.readings.list(v, { search: "!!!" })).total).to.equal(2);
      const raw = await t.db.query(`SELECT search_terms::text || search_blind::text AS text FROM oracle_readings WHERE id = $1`, [a.id]);
      expect(raw.rows[0].text).to.contain("bahram");
      expect(raw.rows[0].text).not.to.contain("caravan");
    });

    it("counts stats per viewer: types, months, favourites, today, streak", async () => {
      const owner = await makeUser(repos);
      const v = viewerOf(owner);
      const now = new Date("2026-03-10T12:00:00Z");
      const at = ["2026-03-10T08:00:00Z", "2026-03-09T08:00:00Z", "2026-03-08T08:00:00Z", "2026-03-01T08:00:00Z", "2025-12-24T08:00:00Z"];
      for (const [i, when] of at.entries()) {
        const r = await repos.readings.create({ ownerId: owner.id, readingType: i < 3 ? "time" : "name", result: {}, confidenceScore: 50 + i * 10 });
        await t.db.query(`UPDATE oracle_readings SET created_at = $2 WHERE id = $1`, [r.id, when]);
        if (i === 0) await repos.readings.setFavorite(r.id, v, true);
      }
      const s = await repos.readings.stats(v, now);
      expect(s).to.deep.include({ total: 5, favorites: 1, today: 1, thisWeek: 2, thisMonth: 4, mostUsedType: "time", streakDays: 3, averageConfidence: 70 });
      expect(s.byType).to.deep.equal({ time: 3, name: 2 });
      expect(s.byMonth).to.deep.equal([{ month: "2025-12", count: 1 }, { month: "2026-03", count: 4 }]);
      expect(s.mostActiveDay).to.be.a("string");
      const empty = await repos.readings.stats(viewerOf(await makeUser(repos)), now);
      expect(empty).to.deep.include({ total: 0, streakDays: 0, mostUsedType: null, mostActiveDay: null, averageConfidence: null });
    });
  });

  describe("daily readings", () => {
    it("records one reading per profile and date; a race keeps the first; a deleted one is replaced", async () => {
      const p = await makeProfile(repos, alice);
      expect(await repos.daily.find(p.id, "2026-05-01", asAlice)).to.equal(null);
      const first = await repos.readings.create({ ownerId: alice.id, profileId: p.id, readingType: "daily", result: {} });
      const second = await repos.readings.create({ ownerId: alice.id, profileId: p.id, readingType: "daily", result: {} });
      expect(await repos.daily.record(p.id, "2026-05-01", first.id)).to.equal(first.id);
      expect(await repos.daily.record(p.id, "2026-05-01", second.id)).to.equal(first.id);
      expect((await repos.daily.find(p.id, "2026-05-01", asAlice))?.readingId).to.equal(first.id);
      expect(await repos.daily.find(p.id, "2026-05-01", asBob)).to.equal(null);
      await repos.readings.softDelete(first.id, asAlice);
      expect(await repos.daily.find(p.id, "2026-05-01", asAlice)).to.equal(null);
      expect(await repos.daily.record(p.id, "2026-05-01", second.id)).to.equal(second.id);
      const third = await repos.readings.create({ ownerId: alice.id, profileId: p.id, readingType: "daily", result: {} });
      expect(await repos.daily.record(p.id, "2026-05-01", third.id, { replace: true })).to.equal(third.id);
    });
  });

  describe("share links", () => {
    it("open counts views; expired is told apart from unknown; revoked and deleted readings are gone", async () => {
      const r = await repos.readings.create({ ownerId: alice.id, readingType: "time", result: { x: 1 } });
      const token = issueToken();
      const link = await repos.shareLinks.create({ readingId: r.id, createdBy: alice.id, tokenHash: token.hash, expiresAt: new Date(Date.now() + 86_400_000) });
      expect(link.sharedParts).to.deep.equal(["result", "interpretation"]);
      expect(await repos.shareLinks.countActiveForReading(r.id)).to.equal(1);
      const opened = await repos.shareLinks.open(token.hash);
      expect(opened.status).to.equal("ok");
      if (opened.status === "ok") {
        expect(opened.link.viewCount).to.equal(1);
        expect((await repos.readings.get(opened.link.readingId, SYSTEM_VIEWER))?.result).to.deep.equal({ x: 1 });
      }
      expect(((await repos.shareLinks.open(token.hash)) as { link: { viewCount: number } }).link.viewCount).to.equal(2);
      expect((await repos.shareLinks.open(issueToken().hash)).status).to.equal("not_found");

      await t.db.query(`UPDATE oracle_share_links SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE id = $1`, [link.id]);
      expect((await repos.shareLinks.open(token.hash)).status).to.equal("expired");

      const other = issueToken();
      const l2 = await repos.shareLinks.create({ readingId: r.id, createdBy: alice.id, tokenHash: other.hash, expiresAt: new Date(Date.now() + 86_400_000), sharedParts: ["result", "question"] });
      expect(await repos.shareLinks.revoke(l2.id, asBob)).to.equal(false);
      expect(await repos.shareLinks.revokeByToken(other.hash, asAlice)).to.equal(true);
      expect((await repos.shareLinks.open(other.hash)).status).to.equal("not_found");
      expect((await repos.shareLinks.listForReading(r.id, asAlice)).length).to.equal(2);
      expect(await repos.shareLinks.listForReading(r.id, asBob)).to.deep.equal([]);

      const third = issueToken();
      await repos.shareLinks.create({ readingId: r.id, createdBy: alice.id, tokenHash: third.hash, expiresAt: new Date(Date.now() + 86_400_000) });
      await repos.readings.softDelete(r.id, asAlice);
      expect((await repos.shareLinks.open(third.hash)).status).to.equal("not_found");
    });
  });

  describe("feedback", () => {
    it("keeps one per reading and account, and sums it up", async () => {
      const r = await repos.readings.create({ ownerId: alice.id, readingType: "name", result: {} });
      const first = await repos.feedback.upsert({ readingId: r.id, userId: alice.id, rating: 2, sectionFeedback: { advice: false } });
      expect(first.created).to.equal(true);
      const again = await repos.feedback.upsert({ readingId: r.id, userId: alice.id, rating: 5, sectionFeedback: { advice: true, caution: false }, textFeedback: "better" });
      expect(again.created).to.equal(false);
      expect(again.feedback.id).to.equal(first.feedback.id);
      await repos.feedback.upsert({ readingId: r.id, userId: bob.id, rating: 4, sectionFeedback: { advice: true } });
      expect((await repos.feedback.listForReading(r.id)).map((f) => f.rating).sort()).to.deep.equal([4, 5]);
      const stats = await repos.feedback.stats();
      expect(stats.total).to.be.at.least(2);
      expect(stats.distribution["5"]).to.be.at.least(1);
      expect(stats.byReadingType.name?.count).to.be.at.least(2);
      expect(stats.sectionHelpfulPct.advice).to.equal(100);
      expect(stats.sectionHelpfulPct.caution).to.equal(0);
    });
  });

  it("rejects a malformed id without asking the database", async () => {
    expect(await repos.readings.get(randomUUID().slice(0, 10), asAlice)).to.equal(null);
    expect(await repos.profiles.getMany(["x", "y"], asAlice)).to.deep.equal([]);
  });
});
