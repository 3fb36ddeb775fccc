import { Writable } from "node:stream";
import { expect } from "chai";
import pino from "pino";
import { ensureFirstAdmin } from "./first-admin";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";

describe("first administrator in production (real PostgreSQL)", function () {
  this.timeout(60_000);
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t.drop());
  const cost = { memoryCost: 1024, timeCost: 1 };

  const capture = () => {
    const lines: string[] = [];
    const logger = pino({ level: "debug" }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    return { logger, lines };
  };

  it("takes the password it is handed (NPS_ADMIN_PASSWORD from Secrets Manager) and never shows or logs it", async () => {
    const { logger, lines } = capture();
    const shown: string[] = [];
    const password = "handed-over-by-secrets-manager";
    const out = await ensureFirstAdmin({ db: t.db, config: { production: true, admin: { username: "admin", password } }, logger, announce: (s) => shown.push(s), cost });
    expect(out).to.deep.equal({ created: true, username: "admin" });
    expect(shown).to.deep.equal([]);
    expect(lines.join("")).to.include("created the first administrator").and.not.include(password);
  });

  it("never generates and prints one in production: creates none and says how to set it", async () => {
    const { logger, lines } = capture();
    const shown: string[] = [];
    const out = await ensureFirstAdmin({ db: t.db, config: { production: true, admin: { username: "admin", password: "" } }, logger, announce: (s) => shown.push(s), cost });
    expect(out).to.deep.equal({ created: false, username: "admin" });
    expect(shown).to.deep.equal([]);
    expect(lines.join("")).to.include("NPS_ADMIN_PASSWORD").and.include("nps admin create");
    expect((await t.db.query("SELECT count(*)::int AS n FROM users")).rows[0].n).to.equal(0);
  });
});
