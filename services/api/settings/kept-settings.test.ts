import { expect } from "chai";
import type { Queryable } from "../../lib/db/database";
import { createRepositories } from "../../lib/db/repositories";
import { makeUser } from "../../lib/testing/fixtures";
import { testCipher } from "../../lib/testing/test-cipher";
import { useTestDatabase } from "../../lib/testing/test-database";
import { KeptSettingsRepository } from "./kept-settings";

describe("an account's settings kept for a moment", function () {
  const t = useTestDatabase();
  let reads = 0;
  /** The test database, counting the settings reads that reach it. */
  const counting: Queryable = {
    query: (text, params) => {
      if (/^SELECT setting_key/.test(text)) reads++;
      return t.db.query(text, params);
    },
  };

  it("reads them once for concurrent and repeated asks; any change in this process is seen at once", async () => {
    const repos = createRepositories(t.db, await testCipher());
    const kept = new KeptSettingsRepository(counting);
    try {
      const u = await makeUser(repos);
      await repos.settings.setMany(u.id, { locale: "fa" });
      reads = 0;
      const asks = await Promise.all([kept.getAll(u.id), kept.getAll(u.id), kept.getAll(u.id)]);
      expect(asks).to.deep.equal([{ locale: "fa" }, { locale: "fa" }, { locale: "fa" }]);
      expect(await kept.getAll(u.id)).to.deep.equal({ locale: "fa" });
      expect(reads).to.equal(1);
      // Written through another repository instance (a transaction's, say): the copy is dropped.
      await repos.settings.setMany(u.id, { numerology_system: "chaldean" });
      expect(await kept.getAll(u.id)).to.deep.equal({ locale: "fa", numerology_system: "chaldean" });
      await repos.settings.remove(u.id, "locale");
      expect(await kept.getAll(u.id)).to.deep.equal({ numerology_system: "chaldean" });
      expect(Object.isFrozen(await kept.getAll(u.id))).to.equal(true);
    } finally {
      kept.close();
    }
  });
});
