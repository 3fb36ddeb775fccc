import { expect } from "chai";
import { useTestDatabase } from "../../lib/testing/test-database";
import { ownTextOf } from "../../oracle/engine/text";
import { readingsTextFor } from "../../oracle/readings/text";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { client, createProfile } from "./testing/feature-client";

/**
 * Persian all the way through the API: every reading type asked in Persian (by the request or
 * by the account's setting) answers with Persian prose. The engine's data labels (a planet's
 * domain, a moon phase's "best for", an animal's trait, a combination's theme) stay English by
 * design, like the planet and animal names: they are compared exactly and the prose is built
 * from Persian tables keyed by them. The time of day's band (`time_context`) is such a label too:
 * its name and energy key the Persian opening line, whatever the hour the test runs at.
 */
const DATA_LABELS = new Set(["domain", "_domain", "best_for", "energy", "trait", "action", "theme"]);
const LABEL_PATHS = /life_path\.message$|time_context\.context$/;

/** Three Latin words in a row: an English sentence or phrase, not a token, a name or a working. */
const LATIN_PROSE = /[A-Za-z]{3,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/;
const PERSIAN = /[\u0600-\u06ff]/;
const PERSIAN_DIGIT = /[۰-۹]/;

/** Every string in a value, with its path. */
function strings(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

/** The prose an answer holds: its strings, less the data labels and what the asker typed. */
function prose(answer: unknown, typed: readonly string[]): [string, string][] {
  return strings(answer).filter(([path, s]) => {
    const key = path.split(".").pop()!.replace(/\[\d+\]$/, "");
    return !DATA_LABELS.has(key) && !LABEL_PATHS.test(path) && !typed.includes(s);
  });
}

function expectPersian(what: string, answer: unknown, typed: readonly string[] = []): string[] {
  const fields = prose(answer, typed);
  const english = fields.filter(([, s]) => LATIN_PROSE.test(s));
  expect(english, `${what}: English prose in a Persian answer`).to.deep.equal([]);
  const persian = fields.filter(([, s]) => PERSIAN.test(s)).map(([, s]) => s);
  expect(persian, `${what}: no Persian prose at all`).not.to.be.empty;
  return persian;
}

describe("Persian prose through the API, for every reading type", function () {
  const t = useTestDatabase();
  const fa = readingsTextFor("fa");
  const engineFa = ownTextOf("fa");
  let api: TestApi;
  let alice: SignedInUser;
  let nasrin: string;
  let darius: string;

  before(async () => {
    api = await startTestApi(t.db);
    alice = await api.signIn("user");
    nasrin = await createProfile(api, alice, { name: "Nasrin Tehrani", birth_date: "1990-07-15" });
    darius = await createProfile(api, alice, { name: "Darius Farahani", birth_date: "1985-03-02" });
  });
  after(() => api.close());

  const post = async (path: string, body: Record<string, unknown>, status = 201) => {
    const res = await client(api, alice).post(path, body);
    expect(res.status, JSON.stringify(res.body)).to.equal(status);
    return res.body as { locale?: string; result: Record<string, unknown> } & Record<string, unknown>;
  };

  it("time, daily, name and question: every section, signal and insight in Persian, with Persian digits", async () => {
    const asked: [string, Record<string, unknown>, string[]][] = [
      ["time", { reading_type: "time", profile_id: nasrin, date: "2026-03-14", time: "14:30:00" }, []],
      ["daily", { reading_type: "daily", profile_id: nasrin, date: "2026-03-15" }, []],
      ["name", { reading_type: "name", profile_id: nasrin, name: "Darius Farahani", date: "2026-03-14" }, ["Darius Farahani"]],
      ["question", { reading_type: "question", profile_id: nasrin, question: "Will the orchard bear fruit this year?", date: "2026-03-14" }, ["Will the orchard bear fruit this year?"]],
    ];
    const heading = engineFa.translation?.headings?.coreIdentity;
    expect(heading).to.be.a("string");
    for (const [type, body, typed] of asked) {
      const made = await post("/api/oracle/readings", { ...body, locale: "fa", include_ai: false });
      expect(made.locale, type).to.equal("fa");
      const persian = expectPersian(type, made.result, typed);
      const reading = (made.result.reading ?? made.result) as { translation: Record<string, string>; reading: Record<string, string> };
      expect(reading.translation.full_text, type).to.include(heading);
      for (const section of ["header", "universal_address", "core_identity", "right_now", "advice", "footer"]) {
        expect(reading.translation[section], `${type} ${section}`).to.match(PERSIAN);
      }
      expect(reading.reading.planet_moon_insight, `${type} planet_moon_insight`).not.to.match(/[A-Za-z]{3,}/);
      expect(persian.some((s) => PERSIAN_DIGIT.test(s)), `${type}: Persian digits`).to.equal(true);
    }
  });

  it("daily: the day's focus is the Persian table's", async () => {
    const made = await post("/api/oracle/readings", { reading_type: "daily", profile_id: darius, date: "2026-04-02", locale: "fa" });
    const said = strings(made.result).map(([, s]) => s);
    expect(said.some((s) => Object.values(fa.daily.focus).includes(s)), JSON.stringify(made.result).slice(0, 400)).to.equal(true);
    expectPersian("daily", made.result);
  });

  it("multi: each person's reading and the compatibility in Persian", async () => {
    const made = await post("/api/oracle/readings", { reading_type: "multi", profile_ids: [nasrin, darius], date: "2026-03-14", locale: "fa" });
    const persian = expectPersian("multi", made.result);
    const descriptions = [...Object.values(fa.compatibility.pair), ...Object.values(fa.compatibility.group)];
    expect(persian.some((s) => descriptions.some((d) => s.includes(d)))).to.equal(true);
  });

  it("timing: every factor's note and every best hour's reasons in Persian, with Persian digits", async () => {
    const made = await post("/api/oracle/readings", { reading_type: "timing", date: "2026-03-14", time: "10:00", best_hours: 3, locale: "fa" });
    const persian = expectPersian("timing", made.result);
    const factors = made.result.factors as { name: string; value: string; note: string }[];
    const weekday = factors.find((f) => f.name === "weekday")!;
    expect(weekday.note).to.equal(fa.timing.weekday(weekday.value));
    expect(persian.some((s) => PERSIAN_DIGIT.test(s))).to.equal(true);
    const viaGet = await client(api, alice).get("/api/oracle/timing?date=2026-03-14&time=10:00&best_hours=2&locale=fa");
    expect(viaGet.status, JSON.stringify(viaGet.body)).to.equal(200);
    expectPersian("GET timing", viaGet.body);
  });

  it("stamp check: the reason a stamp is refused is Persian, by the request or by the account's setting", async () => {
    const made = await post("/api/oracle/readings", { reading_type: "stamp", stamp: "ZZ-OX-OXFI", locale: "fa" });
    expect(made.result).to.include({ valid: false, error: fa.stampProblem({ kind: "weekday", token: "ZZ" }) });
    expect(made.result.error).to.match(PERSIAN);
    const checked = await post("/api/oracle/validate-stamp", { stamp: "VE-OX-QQQQ", locale: "fa" }, 200);
    expect(checked).to.include({ valid: false, error: fa.stampProblem({ kind: "token", token: "QQQQ" }) });
    const day = await post("/api/oracle/validate-stamp", { stamp: "VE-OX-OXFI ☀QQ-RUWU-RAWU", locale: "fa" }, 200);
    expect(day.error).to.equal(fa.stampProblem({ kind: "hour" }));
    // English stays as it was for everyone else.
    const en = await post("/api/oracle/validate-stamp", { stamp: "ZZ-OX-OXFI" }, 200);
    expect(en.error).to.equal('unknown weekday token "ZZ"');
  });

  it("chart: every meaning and the working's words in Persian", async () => {
    const made = await post("/api/oracle/chart", { profile_id: nasrin, date: "2026-02-09", locale: "fa" });
    const persian = expectPersian("chart", made.result, ["Nasrin Tehrani", "Nasrin", "Tehrani"]);
    const lifePath = made.result.life_path as { meaning: string; working: string };
    expect(lifePath.meaning).to.match(PERSIAN);
    expect(lifePath.working).to.match(/^ماه /);
    expect(persian.length).to.be.greaterThan(20);
  });

  it("the account's language setting is enough: no locale in the request, Persian in the answer", async () => {
    const bob = await api.signIn("user");
    const profile = await createProfile(api, bob, { name: "Bob Rahimi", birth_date: "1979-12-01" });
    expect((await client(api, bob).put("/api/settings", { locale: "fa" })).status).to.equal(200);
    const time = await client(api, bob).post("/api/oracle/readings", { reading_type: "time", profile_id: profile, date: "2026-03-14", time: "09:00", include_ai: false });
    expect(time.body.locale).to.equal("fa");
    expectPersian("time by setting", time.body.result);
    const stamp = await client(api, bob).post("/api/oracle/validate-stamp", { stamp: "ZZ-OX-OXFI" });
    expect(stamp.body.error).to.equal(fa.stampProblem({ kind: "weekday", token: "ZZ" }));
    const chart = await client(api, bob).post("/api/oracle/chart", { profile_id: profile });
    expect(chart.status).to.equal(201);
    expectPersian("chart by setting", chart.body.result, ["Bob Rahimi", "Bob", "Rahimi"]);
  });
});
