import { expect } from "chai";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { client, createProfile } from "./testing/feature-client";

describe("oracle chart routes", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let alice: SignedInUser;
  let bob: SignedInUser;
  let aliceProfile: string;

  before(async () => {
    api = await startTestApi(t.db);
    [alice, bob] = await Promise.all([api.signIn("user"), api.signIn("user")]);
    aliceProfile = await createProfile(api, alice, { name: "Alice Johnson", birth_date: "1990-07-15", timezone_offset_minutes: 210 });
  });
  after(() => api.close());

  /** The row keeps what the chart is computed from, and shown again it is the chart answered. */
  async function expectStoredAsRecipe(created: { id: string; result: unknown }) {
    const { rows } = await t.db.query<{ result: { format?: number }; bytes: number }>("SELECT result, pg_column_size(result) AS bytes FROM oracle_readings WHERE id = $1", [created.id]);
    expect(rows[0]!.result.format).to.equal(2);
    expect(rows[0]!.bytes).to.be.below(1024);
    const again = await client(api, alice).get(`/api/oracle/readings/${created.id}`);
    expect(again.status).to.equal(200);
    expect(again.body.result).to.deep.equal(created.result);
  }

  it("a chart of a name and birth date: stored as reading_type chart, in history, with its working", async () => {
    const res = await client(api, alice).post("/api/oracle/chart", { name: "Иван Петров", birth_date: "1990-07-15", date: "2026-02-09" });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.include({ reading_type: "chart", profile_id: null, sign_value: "Иван Петров", numerology_system: "pythagorean", oracle_mode: "direct_mode" });
    expect(res.body.result.name).to.deep.include({ counted: "Ivan Petrov", route: "any-ascii" });
    expect(res.body.result.expression.working).to.equal("I(9)+V(4)+A(1)+N(5) + P(7)+E(5)+T(2)+R(9)+O(6)+V(4) = 52, 5+2 = 7");
    expect(res.body.input).to.include({ at: "2026-02-09" });
    await expectStoredAsRecipe(res.body);
    const history = await client(api, alice).get("/api/oracle/readings?reading_type=chart");
    expect(history.status).to.equal(200);
    expect(history.body.readings.map((r: { id: string }) => r.id)).to.include(res.body.id);
    const found = await client(api, alice).get(`/api/oracle/readings?search=${encodeURIComponent("Иван")}`);
    expect(found.body.readings.map((r: { id: string }) => r.id)).to.include(res.body.id);
  });

  it("a chart of a profile, in Persian, with the day on the profile's clock", async () => {
    const res = await client(api, alice).post("/api/oracle/chart", { profile_id: aliceProfile, locale: "fa" });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.include({ profile_id: aliceProfile, locale: "fa" });
    expect(res.body.result.life_path.number).to.equal(5);
    expect(res.body.result.life_path.meaning).to.match(/[\u0600-\u06ff]/);
    await expectStoredAsRecipe(res.body);
  });

  it("refuses bad input with the field named, and another owner's profile with 404", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "Bob" }, "birth_date"],
      [{ birth_date: "1990-01-01" }, "name"],
      [{ profile_id: aliceProfile, name: "Bob" }, "name"],
      [{ name: "Bob", birth_date: "1990-02-30" }, "birth_date"],
      [{ name: "Bob", birth_date: "1990-01-01", locale: "de" }, "locale"],
      [{ name: "Bob", birth_date: "1990-01-01", numerology_system: "abjad" }, "name"],
      [{ name: "!!!", birth_date: "1990-01-01" }, "name"],
      [{ name: "Bob", birth_date: "2030-01-01", date: "2026-01-01" }, "date"],
    ];
    for (const [body, field] of cases) {
      const res = await client(api, alice).post("/api/oracle/chart", body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.body.error.fields ?? {}, `${JSON.stringify(body)}: ${JSON.stringify(res.body)}`).to.have.property(field);
    }
    expect((await client(api, bob).post("/api/oracle/chart", { profile_id: aliceProfile })).status).to.equal(404);
  });

  it("compatibility of a profile and a name: scores and reasons, nothing stored", async () => {
    const before = await client(api, alice).get("/api/oracle/readings");
    const res = await client(api, alice).post("/api/oracle/chart/compatibility", {
      a: { profile_id: aliceProfile },
      b: { name: "Mary Ann Lee", birth_date: "1985-11-29" },
      date: "2026-02-09",
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.numbers.map((n: { a: number; b: number }) => [n.a, n.b])).to.deep.equal([[5, 9], [8, 9], [9, 1]]);
    expect(res.body.score).to.be.within(0, 100);
    expect(res.body.signals).to.have.length(5);
    const after = await client(api, alice).get("/api/oracle/readings");
    expect(after.body.total).to.equal(before.body.total);
  });
});
