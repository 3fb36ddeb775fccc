import { expect } from "chai";
import { makeProfile, makeUser, viewerOf } from "../../testing/fixtures";
import { countingDatabase } from "../../testing/counting-database";
import { testCipher } from "../../testing/test-cipher";
import { useTestDatabase } from "../../testing/test-database";
import { createRepositories, type Repositories } from ".";
import type { UserRecord } from "./users";

describe("profiles kept a moment by this process", function () {
  this.timeout(60_000);
  const t = useTestDatabase();
  let repos: Repositories;
  let alice: UserRecord;
  let bob: UserRecord;
  let admin: UserRecord;
  /** Profile reads that reached the database. */
  let reads: ReturnType<typeof countingDatabase>;

  before(async () => {
    reads = countingDatabase(t.db, (text) => text.startsWith("SELECT") && text.includes("FROM oracle_users p"));
    repos = createRepositories(reads.db, await testCipher());
    [alice, bob, admin] = [await makeUser(repos), await makeUser(repos), await makeUser(repos, { role: "admin" })];
  });
  beforeEach(() => {
    reads.count = 0;
  });

  it("reads a profile once for the reads that follow, handing a copy nobody can change", async () => {
    const p = await makeProfile(repos, alice, { mother_name: "Shirin Kamali" });
    const first = await repos.profiles.get(p.id, viewerOf(alice));
    const again = await repos.profiles.get(p.id, viewerOf(alice));
    expect(again).to.deep.equal(p);
    expect(reads.count).to.equal(1);
    expect(Object.isFrozen(first)).to.equal(true);
  });

  it("another owner never gets the copy; whoever sees all gets their own", async () => {
    const p = await makeProfile(repos, alice);
    const [asAlice, asBob] = await Promise.all([repos.profiles.get(p.id, viewerOf(alice)), repos.profiles.get(p.id, viewerOf(bob))]);
    expect(asAlice?.id).to.equal(p.id);
    expect(asBob).to.equal(null);
    expect(await repos.profiles.get(p.id, viewerOf(bob))).to.equal(null);
    expect((await repos.profiles.get(p.id, viewerOf(admin)))?.id).to.equal(p.id);
    expect(reads.count).to.equal(4);
  });

  it("an update made in this process is seen at once, by the owner and by whoever sees all, whichever repository made it", async () => {
    const p = await makeProfile(repos, alice, { city: "Shiraz" });
    expect((await repos.profiles.get(p.id, viewerOf(alice)))?.city).to.equal("Shiraz");
    expect((await repos.profiles.get(p.id, viewerOf(admin)))?.city).to.equal("Shiraz");
    await repos.profiles.update(p.id, viewerOf(alice), { city: "Tabriz" });
    expect((await repos.profiles.get(p.id, viewerOf(alice)))?.city).to.equal("Tabriz");
    expect((await repos.profiles.get(p.id, viewerOf(admin)))?.city).to.equal("Tabriz");
    // Another repository set over the same database (a transaction's, say) drops the copy too.
    const cipher = await testCipher();
    await t.db.transaction((tx) => createRepositories(tx, cipher).profiles.update(p.id, viewerOf(admin), { city: "Yazd" }));
    expect((await repos.profiles.get(p.id, viewerOf(alice)))?.city).to.equal("Yazd");
    expect((await repos.profiles.get(p.id, viewerOf(admin)))?.city).to.equal("Yazd");
  });

  it("a delete made in this process is seen at once", async () => {
    const p = await makeProfile(repos, alice);
    expect((await repos.profiles.get(p.id, viewerOf(alice)))?.id).to.equal(p.id);
    expect((await repos.profiles.get(p.id, viewerOf(admin)))?.id).to.equal(p.id);
    await repos.profiles.softDelete(p.id, viewerOf(alice));
    expect(await repos.profiles.get(p.id, viewerOf(alice))).to.equal(null);
    expect(await repos.profiles.get(p.id, viewerOf(admin))).to.equal(null);
    expect((await repos.profiles.get(p.id, viewerOf(admin), { includeDeleted: true }))?.deleted_at).to.be.instanceOf(Date);
  });
});
