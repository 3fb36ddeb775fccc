import { expect } from "chai";
import { ownTextOf } from "../../oracle/engine";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { client, createProfile } from "./testing/feature-client";

/**
 * A stored reading keeps what it was computed from, not its prose, and shows the very answer it
 * gave when it was made; its locale reaches the engine, English standing in where the locale has
 * no words of its own. The mother's name stays sealed in the row.
 */
describe("stored readings", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let alice: SignedInUser;
  let profile: string;

  before(async () => {
    api = await startTestApi(t.db);
    alice = await api.signIn("user");
    profile = await createProfile(api, alice, { name: "Nasrin Tehrani", mother_name: "Shahla Sealedname" });
  });
  after(() => api.close());

  const BODIES: Record<string, unknown>[] = [
    { reading_type: "time", date: "2026-03-14", time: "14:30:00", include_ai: false },
    { reading_type: "time", date: "2026-03-14", time: "14:30:00", locale: "fa" },
    { reading_type: "daily", date: "2026-03-15" },
    { reading_type: "name", name: "Darius Farahani", date: "2026-03-14", time: "09:00" },
    { reading_type: "question", question: "Will the orchard bear fruit this year?", date: "2026-03-14", time: "09:00", locale: "fa" },
    { reading_type: "timing", date: "2026-03-14", time: "10:00", best_hours: 3 },
    { reading_type: "stamp", stamp: "VE-OX-OXFI ☀OX-RUWU-RAWU" },
  ];

  it("are shown exactly as they were answered, from a row a few hundred bytes long", async () => {
    for (const body of BODIES) {
      const withProfile = ["time", "daily", "name", "question"].includes(body.reading_type as string) ? { ...body, profile_id: profile } : body;
      const made = await client(api, alice).post("/api/oracle/readings", withProfile);
      expect(made.status, JSON.stringify(made.body)).to.equal(201);
      const { oracle_mode: _mode, ...created } = made.body;
      const shown = await client(api, alice).get(`/api/oracle/readings/${made.body.id}`);
      expect(shown.body, String(body.reading_type)).to.deep.equal(created);

      const { rows } = await t.db.query<{ result: { format?: number }; bytes: number; plain: boolean }>(
        "SELECT result, octet_length(result::text) AS bytes, result::text LIKE '%Sealedname%' AS plain FROM oracle_readings WHERE id = $1",
        [made.body.id],
      );
      expect(rows[0]!.result.format, String(body.reading_type)).to.equal(2);
      expect(rows[0]!.bytes, String(body.reading_type)).to.be.below(2_000);
      expect(rows[0]!.plain).to.equal(false);
    }
  });

  it("tell a summary's preview again from the numbers", async () => {
    const made = await client(api, alice).post("/api/oracle/readings", { reading_type: "time", profile_id: profile, date: "2026-04-01", time: "08:00" });
    const page = await client(api, alice).get("/api/oracle/readings?limit=1");
    expect(page.body.readings[0].id).to.equal(made.body.id);
    expect(made.body.ai_interpretation.ai_generated).to.equal(false);
    expect(page.body.readings[0].preview).to.be.a("string").and.satisfy((p: string) => made.body.ai_interpretation.sections.full_text.startsWith(p.replace(/…$/, "")));
  });

  it("are told in the reading's locale, Persian where the engine has Persian words", async () => {
    const fa = await client(api, alice).post("/api/oracle/readings", { reading_type: "time", profile_id: profile, date: "2026-03-14", time: "14:30:00", locale: "fa", include_ai: false });
    const en = await client(api, alice).post("/api/oracle/readings", { reading_type: "time", profile_id: profile, date: "2026-03-14", time: "14:30:00", include_ai: false });
    const heading = ownTextOf("fa").translation?.headings?.coreIdentity;
    expect(heading).to.be.a("string");
    expect(fa.body.locale).to.equal("fa");
    expect(fa.body.result.reading.translation.full_text).to.include(heading);
    expect(en.body.result.reading.translation.full_text).not.to.include(heading);
    // The numbers do not depend on the language.
    expect(fa.body.result.reading.numerology).to.deep.equal(en.body.result.reading.numerology);
  });
});
