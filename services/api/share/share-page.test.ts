import { expect } from "chai";
import { useTestDatabase } from "../../lib/testing/test-database";
import { client, createProfile, createReading } from "../oracle/testing/feature-client";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";

describe("a share link's page (/share/<token>), and what a link without the profile shows", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let alice: SignedInUser;
  let profileName: string;
  const readings: Record<string, string> = {};

  before(async () => {
    api = await startTestApi(t.db);
    alice = await api.signIn("user");
    profileName = `Rosalind Quenby ${Date.now().toString(36)}`;
    const profile = await createProfile(api, alice, { name: profileName, birth_date: "1987-03-09", mother_name: "Henrietta Larkspur" });
    const partner = await createProfile(api, alice, { name: "Tobias Wrenfield", birth_date: "1979-11-23" });
    readings.time = (await createReading(api, alice, { reading_type: "time", profile_id: profile, include_ai: true })).id;
    readings.name = (await createReading(api, alice, { reading_type: "name", name: profileName, profile_id: profile, include_ai: true })).id;
    readings.question = (await createReading(api, alice, { reading_type: "question", question: "Will the orchard bear fruit this spring?", profile_id: profile, include_ai: true })).id;
    readings.multi = (await createReading(api, alice, { reading_type: "multi", profile_ids: [profile, partner], include_ai: true })).id;
  });
  after(() => api.close());

  const share = async (readingId: string, parts: string[]) => {
    const made = await client(api, alice).post("/api/share", { reading_id: readingId, parts });
    expect(made.status, JSON.stringify(made.body)).to.equal(201);
    return made.body as { url: string; api_url: string; token: string };
  };

  it("the url a link returns opens a readable page of what was shared; expired 410, unknown 404, malformed 400", async () => {
    const link = await share(readings.question!, ["result", "interpretation", "question", "profile"]);
    const res = await client(api).get(link.url);
    expect(res.status).to.equal(200);
    expect(res.headers["content-type"]).to.match(/^text\/html; charset=utf-8/);
    expect(res.headers["cache-control"]).to.equal("no-store");
    expect(res.headers["x-robots-tag"]).to.equal("noindex");
    expect(res.text).to.contain("<h1>A shared question reading</h1>").and.contain("Will the orchard bear fruit this spring?").and.contain(profileName);
    const api_ = await client(api).get(link.api_url);
    // The page showed the told text, and counted as a view.
    expect(res.text).to.contain(escape(api_.body.reading.ai_interpretation.sections.full_text.split("\n")[0]));
    expect(api_.body.view_count).to.equal(2);
    expect(res.text).not.to.contain("<script");

    const expired = await share(readings.time!, ["result"]);
    await api.deps.db.query("UPDATE oracle_share_links SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE reading_id = $1", [readings.time]);
    const old = await client(api).get(expired.url);
    expect(old.status).to.equal(410);
    expect(old.text).to.contain("This share link has expired.");
    expect((await client(api).get(`/share/${"A".repeat(43)}`)).status).to.equal(404);
    expect((await client(api).get("/share/not-a-token")).status).to.equal(400);
  });

  it("with the profile left out, nothing names the person or carries birth numbers, prose included", async () => {
    const personal = [...profileName.split(" "), "Tobias", "Wrenfield", "1987", "1987-03-09", "1979", "Life Path", "Personal Year", "Soul Urge", "Henrietta"];
    for (const [type, id] of Object.entries(readings)) {
      const parts = type === "question" ? ["result", "interpretation", "question"] : ["result", "interpretation"];
      const link = await share(id, parts);
      const view = (await client(api).get(link.api_url)).body.reading;
      const page = (await client(api).get(link.url)).text;
      const json = JSON.stringify(view);
      for (const word of personal) {
        expect(json.toLowerCase(), `${type} view: ${word}`).not.to.contain(word.toLowerCase());
        expect(page.toLowerCase(), `${type} page: ${word}`).not.to.contain(word.toLowerCase());
      }
      for (const key of ['"person"', '"birth"', '"numerology"', '"heartbeat"', '"location"', '"a_name"', '"personal_overlay"', '"core_identity"']) {
        expect(json, `${type}: ${key}`).not.to.contain(key);
      }
      // What the reading says about the moment stays: the stamp, and the engine's words on it.
      expect(json, type).to.contain('"fc60_stamp"');
      if (type === "multi") expect(view.ai_interpretation.sections.message).to.match(/^Person 1 and Person 2: \d+%/);
      else expect(view.ai_interpretation.sections.right_now, type).to.match(/\w/);
      expect(view.profiles).to.equal(undefined);
    }
    // Sharing the profile too brings the person back.
    const full = (await client(api).get((await share(readings.time!, ["result", "interpretation", "profile"])).api_url)).body.reading;
    expect(JSON.stringify(full)).to.contain(profileName).and.contain('"life_path"');
  });
});

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
