import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { makeProfile, makeUser, viewerOf } from "../../testing/fixtures";
import { countingDatabase } from "../../testing/counting-database";
import { testCipher } from "../../testing/test-cipher";
import { useTestDatabase } from "../../testing/test-database";
import { ConflictError } from "../errors";
import { InvalidInputError } from "../../errors";
import { createRepositories, type Repositories } from ".";
import type { NewReading } from "./readings";
import type { UserRecord } from "./users";

describe("readings created together", function () {
  this.timeout(60_000);
  const t = useTestDatabase();
  let repos: Repositories;
  let owner: UserRecord;
  /** The INSERT statements into oracle_readings the repositories sent. */
  let inserts: ReturnType<typeof countingDatabase>;

  before(async () => {
    inserts = countingDatabase(t.db, (text) => text.includes("INSERT INTO oracle_readings"));
    repos = createRepositories(inserts.db, await testCipher());
    owner = await makeUser(repos);
  });
  beforeEach(() => {
    inserts.count = 0;
  });

  const reading = (i: number, extra: Partial<NewReading> = {}): NewReading => ({
    id: randomUUID(),
    ownerId: owner.id,
    readingType: "time",
    signValue: `moment ${i}`,
    result: { n: i, note: `told to Mother ${i}` },
    input: { i },
    confidenceScore: 50 + i,
    searchTerms: [`name${i}`],
    secrets: [`Mother ${i}`],
    ...extra,
  });

  it("share one statement, and each caller gets its own reading back with its id, profiles and plaintext", async () => {
    const [a, b] = [await makeProfile(repos, owner), await makeProfile(repos, owner)];
    const asked = [
      ...[0, 1, 2, 3, 4, 5].map((i) => reading(i, { profileId: a.id })),
      reading(6, { readingType: "multi", profileIds: [a.id, b.id], primaryIndex: 1 }),
      reading(7, { readingType: "question", question: "Will it rain on Mother 7?" }),
    ];
    const made = await Promise.all(asked.map((r) => repos.readings.create(r)));
    // The first goes at once; the seven asked meanwhile go together.
    expect(inserts.count).to.equal(2);
    made.forEach((m, i) => {
      expect(m.id).to.equal(asked[i]!.id);
      expect(m.signValue).to.equal(`moment ${i}`);
      expect(m.confidenceScore).to.equal(50 + i);
      expect(m.result).to.deep.equal({ n: i, note: `told to Mother ${i}` });
    });
    expect(made[0]!.profileIds).to.deep.equal([a.id]);
    expect(made[6]!.profileId).to.equal(b.id);
    expect(made[6]!.profileIds).to.deep.equal([a.id, b.id]);
    expect(made[7]!.question).to.equal("Will it rain on Mother 7?");
    for (const m of made) expect(await repos.readings.get(m.id, viewerOf(owner))).to.deep.equal(m);
    const links = await t.db.query<{ profile_id: string; position: number; is_primary: boolean }>(
      "SELECT profile_id, position, is_primary FROM oracle_reading_users WHERE reading_id = $1 ORDER BY position",
      [made[6]!.id],
    );
    expect(links.rows).to.deep.equal([
      { profile_id: a.id, position: 0, is_primary: false },
      { profile_id: b.id, position: 1, is_primary: true },
    ]);
    // Sealed at rest like a reading written alone, each under its own row.
    const raw = await t.db.query<{ id: string; text: string; question: string | null }>(
      "SELECT id, result::text || input::text AS text, question FROM oracle_readings WHERE id = ANY($1::uuid[])",
      [made.map((m) => m.id)],
    );
    expect(raw.rows).to.have.length(8);
    for (const row of raw.rows) expect(row.text).not.to.match(/Mother/);
    expect(raw.rows.find((r) => r.id === made[7]!.id)!.question).to.match(/^nps1:/);
    const found = await repos.readings.list(viewerOf(owner), { search: "name3" });
    expect(found.items.map((r) => r.id)).to.deep.equal([made[3]!.id]);
  });

  it("a reading the database refuses fails alone; the others of its batch are stored", async () => {
    const taken = (await repos.readings.create(reading(0))).id;
    inserts.count = 0;
    const asked = [reading(1), reading(2, { signValue: "x".repeat(201) }), reading(3, { id: taken }), reading(4), reading(5, { profileId: randomUUID() })];
    const settled = await Promise.allSettled(asked.map((r) => repos.readings.create(r)));
    expect(settled.map((s) => s.status)).to.deep.equal(["fulfilled", "rejected", "rejected", "fulfilled", "rejected"]);
    // The first alone, the other four together, refused, then each of them alone.
    expect(inserts.count).to.equal(6);
    expect((settled[1] as PromiseRejectedResult).reason).to.be.instanceOf(InvalidInputError);
    expect((settled[1] as PromiseRejectedResult).reason.field).to.equal("sign_value");
    expect((settled[2] as PromiseRejectedResult).reason).to.be.instanceOf(ConflictError);
    expect((settled[4] as PromiseRejectedResult).reason).to.be.instanceOf(InvalidInputError);
    expect((settled[0] as PromiseFulfilledResult<{ id: string }>).value.id).to.equal(asked[0]!.id);
    expect((settled[3] as PromiseFulfilledResult<{ id: string }>).value.id).to.equal(asked[3]!.id);
    const stored = await t.db.query<{ id: string }>("SELECT id FROM oracle_readings WHERE id = ANY($1::uuid[])", [asked.map((r) => r.id)]);
    expect(stored.rows.map((r) => r.id).sort()).to.deep.equal([asked[0]!.id, asked[3]!.id, taken].sort());
  });

  it("inside a transaction each reading is its own statement", async () => {
    const made = await t.db.transaction(async (tx) => {
      const inTx = createRepositories(
        { query: (text, params) => (text.includes("INSERT INTO oracle_readings") && inserts.count++, tx.query(text, params)) },
        await testCipher(),
      );
      const out = [];
      for (const i of [1, 2, 3]) out.push(await inTx.readings.create(reading(i)));
      return out;
    });
    expect(made.map((m) => m.signValue)).to.deep.equal(["moment 1", "moment 2", "moment 3"]);
    expect(inserts.count).to.equal(3);
  });
});
