import { expect } from "chai";
import { isEncrypted } from "../../lib/crypto/field-cipher";
import { useTestDatabase } from "../../lib/testing/test-database";
import { FakeAnthropic } from "../../oracle/testing/fake-anthropic";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { client, createProfile } from "./testing/feature-client";

/**
 * What reaches the database: mother names, questions and the AI's text are ciphertext in their
 * columns, and no plaintext copy of them hides in a reading's stored input or result.
 */
describe("oracle data at rest", function () {
  const t = useTestDatabase();
  const fake = new FakeAnthropic();
  let api: TestApi;
  let alice: SignedInUser;

  const MOTHER = "Barbara Quillfeather";
  const SECOND_MOTHER = "Zahra Moonwhistle";
  const QUESTION = "Should I open the saffron bakery on Juniper Street?";
  const CONTEXT = "my cousin Ignatius insists";
  const AI_LINE = "The quiet kingfisher waits beside the reeds";

  before(async () => {
    const baseUrl = await fake.start();
    fake.behaviour = { ...fake.behaviour, text: `## message\n${AI_LINE}.\n## advice\nAsk ${MOTHER} before the spring.` };
    api = await startTestApi(t.db, { env: { ANTHROPIC_API_KEY: "test-key", ANTHROPIC_BASE_URL: baseUrl, NPS_AI_MODEL: "claude-test-model" } });
    alice = await api.signIn("user");
  });
  after(async () => {
    await api.close();
    await fake.stop();
  });

  /** Every stored text of every reading and profile, as the database holds it. */
  async function rawRows(): Promise<string> {
    const readings = await api.deps.db.query<{ row: string }>("SELECT row_to_json(r)::text AS row FROM oracle_readings r");
    const profiles = await api.deps.db.query<{ row: string }>("SELECT row_to_json(p)::text AS row FROM oracle_users p");
    return [...readings.rows, ...profiles.rows].map((r) => r.row).join("\n");
  }

  it("keeps mother names, questions, inquiry context and AI text out of plaintext, and answers with them decrypted", async () => {
    const first = await createProfile(api, alice, { mother_name: MOTHER, mother_name_persian: "باربارا کویل" });
    const second = await createProfile(api, alice, { name: "Ali Rezaei", birth_date: "1985-03-21", mother_name: SECOND_MOTHER });

    const question = await client(api, alice).post("/api/oracle/readings", {
      reading_type: "question",
      question: QUESTION,
      profile_id: first,
      inquiry_context: { situation: CONTEXT },
    });
    expect(question.status).to.equal(201);
    expect(question.body.question).to.equal(QUESTION);
    expect(question.body.ai_interpretation).to.include({ ai_generated: true, model: "claude-test-model" });
    expect(question.body.ai_interpretation.sections.message).to.contain(AI_LINE);
    expect(question.body.input.inquiry_context).to.deep.equal({ situation: CONTEXT });
    expect(fake.received.length).to.be.greaterThan(0);

    const multi = await client(api, alice).post("/api/oracle/readings", { reading_type: "multi", profile_ids: [first, second] });
    expect(multi.status).to.equal(201);
    const daily = await client(api, alice).post(`/api/oracle/profiles/${first}/daily`, { date: "2026-04-04" });
    expect(daily.status).to.equal(201);
    const time = await client(api, alice).post("/api/oracle/readings", { reading_type: "time", profile_id: second });
    expect(time.status).to.equal(201);

    const { rows } = await api.deps.db.query<{ question: string | null; ai_interpretation: string | null; result: string }>(
      "SELECT question, ai_interpretation, result::text AS result FROM oracle_readings WHERE id = $1",
      [question.body.id],
    );
    expect(isEncrypted(rows[0]!.question!)).to.equal(true);
    expect(isEncrypted(rows[0]!.ai_interpretation!)).to.equal(true);
    expect(rows[0]!.result).to.contain('"ai_interpretation": "nps1:');

    const profiles = await api.deps.db.query<{ mother_name: string; mother_name_persian: string | null }>(
      "SELECT mother_name, mother_name_persian FROM oracle_users WHERE id = ANY($1::uuid[])",
      [[first, second]],
    );
    for (const p of profiles.rows) expect(isEncrypted(p.mother_name)).to.equal(true);
    expect(isEncrypted(profiles.rows.find((p) => p.mother_name_persian !== null)!.mother_name_persian!)).to.equal(true);

    const everything = await rawRows();
    for (const secret of [MOTHER, "Quillfeather", SECOND_MOTHER, "Moonwhistle", "باربارا", QUESTION, "saffron bakery", CONTEXT, "Ignatius", AI_LINE, "kingfisher"]) {
      expect(everything, secret).not.to.contain(secret);
    }
    // The same rows read back through the API, decrypted.
    const again = await client(api, alice).get(`/api/oracle/readings/${question.body.id}`);
    expect(again.body.question).to.equal(QUESTION);
    expect(again.body.ai_interpretation.sections.advice).to.contain(MOTHER);
  });
});
