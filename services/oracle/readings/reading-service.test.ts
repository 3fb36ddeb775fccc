import { expect } from "chai";
import { InvalidInputError } from "../../lib/errors";
import { digitalRoot, fullYearInfo, generateReading, hourGanzhi, MASTER_NUMBERS, yearGanzhi } from "../engine";
import type { Interpreter } from "../ai/interpreter";
import { ALI, ALICE, AT, DAY_ONLY, JAMES, MARY } from "../testing/fixtures";
import { withOneConfidence } from "./engine-call";
import { EN } from "./text/en";
import { ReadingService, type ReadingObserver } from "./reading-service";
import type { FullReading, MomentReading, ReadingType } from "./types";

/** The reading of a result asked with a profile: a person's, never the moment alone. */
function asFull(r: FullReading | MomentReading): FullReading {
  expect(r).to.have.property("person");
  return r as FullReading;
}

describe("reading service", () => {
  const seen: ReadingType[] = [];
  const observer: ReadingObserver = { reading: (type, seconds) => (seen.push(type), expect(seconds).to.be.at.least(0)) };
  const service = new ReadingService({ observer });

  describe("time", () => {
    it("is the engine's reading of the profile at the moment, without an interpretation unless asked", async () => {
      const { reading, interpretation } = await service.time({ profile: ALICE, at: AT });
      const engine = generateReading({
        name: "Alice Johnson",
        birth_date: ALICE.birth_date,
        at: AT,
        timezone_offset_minutes: -300,
        mother_name: "Barbara Johnson",
        gender: "female",
        latitude: 40.7,
        longitude: -74,
        heart_rate_bpm: 68,
        numerology_system: "pythagorean",
      });
      expect(reading).to.deep.equal(withOneConfidence(engine));
      expect(interpretation).to.equal(null);
      expect(reading.synthesis).to.equal(reading.translation.full_text);
    });

    it("shows one confidence value everywhere: the score, the signal layer's, the header and the footer", async () => {
      const { reading } = await service.time({ profile: ALICE, at: AT });
      const score = reading.confidence.score;
      expect(reading.reading.confidence).to.equal(score);
      const shown = [...reading.translation.full_text.matchAll(/Confidence:? (\d+)%/g)].map((m) => Number(m[1]));
      expect(shown).to.have.length.of.at.least(2);
      expect(new Set(shown)).to.deep.equal(new Set([score]));
    });

    it("counts the Persian name when the profile is read in abjad", async () => {
      const { reading } = await service.time({ profile: ALI, at: AT });
      expect(reading.person.name).to.equal("علی رضایی");
      expect(reading.numerology.expression).to.be.greaterThan(0);
      const latin = await service.time({ profile: { ...ALI, numerology_system: "auto" }, at: AT });
      expect(latin.reading.person.name).to.equal("Ali Rezaei");
    });

    it("asked for an interpretation without a model, keeps the engine's text", async () => {
      const { reading, interpretation } = await service.time({ profile: JAMES, at: DAY_ONLY, include_ai: true });
      expect(interpretation).to.deep.equal({ ai_generated: false, model: "", cached: false, sections: reading.translation });
    });

    it("refuses bad input naming the field", async () => {
      const err = await service.time({ profile: { ...ALICE, heart_rate_bpm: 10 }, at: AT }).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(InvalidInputError);
      expect((err as InvalidInputError).field).to.equal("profile.heart_rate_bpm");
    });
  });

  describe("daily", () => {
    it("reads the day at noon and adds the day's insights", async () => {
      const d = await service.daily({ profile: MARY, date: { year: 2026, month: 2, day: 9 } });
      expect(d.date).to.equal("2026-02-09");
      expect(d.reading.fc60_stamp.iso).to.match(/^2026-02-09T12:00:00/);
      const { numerology, ganzhi, moon, current } = d.reading;
      expect(d.insights.suggested_activities).to.deep.equal(EN.daily.activities[numerology.personal_day as 1]);
      expect(d.insights.focus_area).to.equal(EN.daily.focus[numerology.personal_month as 1]);
      expect(d.insights.element_of_day).to.equal(ganzhi.day.element);
      expect(d.insights.energy_forecast).to.include(moon.phase_name).and.include(current.planet);
      const branch = yearGanzhi(1899)[1];
      expect(d.insights.lucky_hours).to.have.length(2);
      for (let h = 0; h < 24; h++) expect(d.insights.lucky_hours.includes(h)).to.equal(hourGanzhi(h, ganzhi.day.stem_index)[1] === branch);
    });
  });

  describe("name", () => {
    it("gives the name's numbers letter by letter in the chosen system", async () => {
      const n = await service.name({ name: "Zoë Saldaña", at: AT });
      expect(n.numerology_system).to.equal("pythagorean");
      expect(n.detected_script).to.equal("latin");
      expect(n.letters.map((l) => l.letter).join("")).to.equal("ZOESALDANA");
      const sum = n.letters.reduce((s, l) => s + l.value, 0);
      expect(n.expression).to.equal(digitalRoot(sum));
      expect(n.letters[0]).to.deep.equal({ letter: "Z", value: 8, element: "Metal" });
      const asked = await service.name({ name: "Zoë Saldaña", at: AT, profile: ALICE });
      expect(asked.expression).to.equal(n.expression);
      expect(asFull(asked.reading).person.name).to.equal("Zoë Saldaña");
      expect(asked.life_path).to.equal(asFull(asked.reading).numerology.life_path.number);
    });

    it("without a profile invents no birth date: no life path, the moment alone, and says so", async () => {
      const n = await service.name({ name: "Zoë Saldaña", at: AT });
      expect(n.life_path).to.equal(null);
      expect(n.reading).not.to.have.any.keys(["person", "birth", "numerology", "heartbeat", "location"]);
      expect((n.reading as MomentReading).left_out).to.include.members(["birth", "life_path", "personal_year", "heartbeat"]).and.not.include("expression");
      const identity = n.reading.translation.core_identity;
      expect(identity.startsWith(EN.moment.leftOut(true))).to.equal(true);
      expect(identity).to.contain(`Expression ${n.expression}`);
      const text = n.reading.translation.full_text;
      expect(text).to.contain(identity);
      // Beyond the note saying what is left out, nothing speaks of a life path, a personal year or a birth.
      expect(text.replace(EN.moment.leftOut(true), "")).not.to.match(/Life Path|Personal Year|2000-01-01|heartbeat|beats a minute|born/i);
      expect(n.reading.fc60_stamp.fc60).to.equal(generateReading({ name: "x", birth_date: { year: 1990, month: 1, day: 1 }, at: AT }).fc60_stamp.fc60);
      expect(n.reading.patterns.detected.every((p) => p.type === "animal_repetition")).to.equal(true);
      expect(n.reading.reading.confidence).to.equal(n.reading.confidence.score);
    });

    it("reads Persian script in abjad under auto, inside the asker's reading", async () => {
      const n = await service.name({ name: "زهرا کریمی", at: AT, profile: ALICE });
      expect(n.numerology_system).to.equal("abjad");
      expect(n.detected_script).to.equal("persian");
      expect(n.letters.map((l) => l.value)).to.deep.equal([7, 5, 200, 1, 20, 200, 10, 40, 10]);
      expect(n.letters.map((l) => l.element).slice(0, 4)).to.deep.equal(["Earth", "Wood", "Wood", "Fire"]);
      const arabic = await service.name({ name: "زهرا", at: AT });
      expect([arabic.detected_script, arabic.numerology_system]).to.deep.equal(["arabic", "abjad"]);
      expect(asFull(n.reading).person.birthdate).to.equal("1990-07-15");
    });

    it("uses the chosen system over the script", async () => {
      const n = await service.name({ name: "Alice", numerology_system: "chaldean", at: AT });
      expect(n.numerology_system).to.equal("chaldean");
      expect(n.letters.map((l) => l.value)).to.deep.equal([1, 3, 1, 3, 5]);
    });
  });

  describe("question", () => {
    it("gives the question's number, script, system and detected category", async () => {
      const q = await service.question({ question: "Will my new job bring money?", at: AT });
      expect(q.numerology_system).to.equal("pythagorean");
      expect(q.detected_script).to.equal("latin");
      expect(q.question_number).to.equal(digitalRoot(q.raw_letter_sum));
      expect(q.is_master_number).to.equal(MASTER_NUMBERS.has(q.question_number));
      expect(q.category_detected).to.equal(true);
      expect(["career", "finance"]).to.include(q.category);
      // No asker: no one's name or birth date, not an invented "Anonymous" born 2000-01-01.
      expect(q.reading).not.to.have.any.keys(["person", "birth", "numerology", "heartbeat"]);
      expect((q.reading as MomentReading).left_out).to.include.members(["life_path", "expression"]);
      expect(q.reading.translation.full_text).to.contain(EN.moment.leftOut(false)).and.not.contain("Anonymous");
    });

    it("keeps a chosen category and reads the asker's profile", async () => {
      const q = await service.question({ question: "آیا ازدواج خواهم کرد؟", category: "family", profile: JAMES, at: AT });
      expect(q.category).to.equal("family");
      expect(q.category_detected).to.equal(false);
      expect(q.numerology_system).to.equal("abjad");
      expect(q.detected_script).to.equal("persian");
      expect(asFull(q.reading).person.name).to.equal("James Chen");
    });

    it("keeps master numbers whole", async () => {
      // K=2 + I=9 = 11
      const q = await service.question({ question: "KI", numerology_system: "pythagorean", at: AT });
      expect([q.raw_letter_sum, q.question_number, q.is_master_number]).to.deep.equal([11, 11, true]);
    });

    it("reads any moment without an asker, before 2000 too", async () => {
      const q = await service.question({ question: "Then?", at: { year: 1995, month: 6, day: 1 } });
      expect(q.reading.current.date).to.equal("1995-06-01");
      expect(JSON.stringify(q.reading)).not.to.contain("birthdate");
    });
  });

  describe("multi", () => {
    it("reads every profile and scores every pair; no group for two", async () => {
      const m = await service.multi({ profiles: [ALICE, JAMES], at: DAY_ONLY });
      expect(m.readings).to.have.length(2);
      expect(m.pairs).to.have.length(1);
      expect(m.group).to.equal(null);
      expect(m.interpretation).to.equal(null);
      const [pair] = m.pairs;
      expect([pair!.a_name, pair!.b_name]).to.deep.equal(["Alice Johnson", "James Chen"]);
      const horse = fullYearInfo(1990);
      const dragon = fullYearInfo(1988);
      expect([horse.animal_name, dragon.animal_name]).to.deep.equal(["Horse", "Dragon"]);
      expect(pair!.dimensions.element).to.be.oneOf([0.3, 0.5, 0.7, 0.9]);
    });

    it("adds a group analysis from three profiles up", async () => {
      const m = await service.multi({ profiles: [ALICE, JAMES, MARY, ALI], at: AT });
      expect(m.pairs).to.have.length(6);
      expect(m.group).to.not.equal(null);
      const g = m.group!;
      expect(Object.values(g.element_balance).reduce((a, b) => a + b, 0)).to.equal(4);
      expect(Object.values(g.animal_distribution).reduce((a, b) => a + b, 0)).to.equal(4);
      expect(g.element_balance[fullYearInfo(1985).element]).to.be.at.least(1);
      expect(g.harmony_percentage).to.equal(Math.floor(g.harmony_score * 100 + 1e-9));
    });

    it("names the profile of a bad field by its index", async () => {
      const err = await service.multi({ profiles: [ALICE, { ...JAMES, birth_date: { year: 2030, month: 1, day: 1 } }], at: AT }).catch((e: unknown) => e);
      expect((err as InvalidInputError).field).to.equal("profiles[1].birth_date");
    });
  });

  describe("stamp", () => {
    it("decodes a valid stamp", async () => {
      const s = await service.stamp({ stamp: " VE-OX-OXFI ☀OX-RUWU-RAWU " });
      expect(s.valid).to.equal(true);
      expect(s.error).to.equal("");
      expect(s.stamp).to.equal("VE-OX-OXFI ☀OX-RUWU-RAWU");
      expect(s.decoded).to.deep.include({ weekday_token: "VE", weekday_name: "Friday", month: 2, month_token: "OX", month_animal: "Ox" });
      expect(s.decoded!.day).to.deep.equal({ token: "OXFI", value: 6, animal_name: "Ox", element_name: "Fire" });
      expect(s.decoded!.time).to.deep.include({ half: "AM", hour: 1, hour_animal: "OX" });
      expect(s.decoded!.time!.minute.value).to.equal(15);
      expect(s.decoded!.time!.second.value).to.equal(0);
    });

    it("decodes a date-only stamp and the afternoon half", async () => {
      expect((await service.stamp({ stamp: "LU-OX-OXWA" })).decoded!.time).to.equal(null);
      const pm = await service.stamp({ stamp: "LU-OX-OXWA 🌙TI-HOWU-RAWU" });
      expect(pm.decoded!.time).to.deep.include({ half: "PM", hour: 14 });
    });

    for (const [stamp, why] of [
      ["XX-OX-OXFI", /weekday/],
      ["VE-ZZ-OXFI", /month/],
      ["VE-OX-QQQQ", /./],
      ["VE-OX-RAWU", /day 0/],
      ["VE-OX-OX", /./],
      ["VE-OX-OXFI OX-RUWU-RAWU", /☀/],
      ["VE-OX-OXFI ☀OX-RUWU", /HOUR-MINUTE-SECOND/],
      ["VE-OX-OXFI ☀OX-RUWU-RAWU extra", /at most one time part/],
      ["VE-OX", /WEEKDAY-MONTH-DAY/],
    ] as const) {
      it(`finds "${stamp}" not valid, saying why`, async () => {
        const s = await service.stamp({ stamp });
        expect(s.valid).to.equal(false);
        expect(s.decoded).to.equal(null);
        expect(s.error).to.match(why);
      });
    }
  });

  it("passes the call's abort signal and the engine's text to the interpreter", async () => {
    let got: { signal?: AbortSignal; prompt: string; fallbackHeader: string } | undefined;
    const interpreter: Interpreter = {
      configured: true,
      interpret: async (req) => {
        got = { signal: req.signal, prompt: req.prompt(), fallbackHeader: req.fallback.header };
        return { ai_generated: true, model: "m", cached: false, sections: { ...req.fallback, message: "from the model" } };
      },
    };
    const ai = new ReadingService({ interpreter });
    const controller = new AbortController();
    const q = await ai.question({ question: "Love?", at: AT, include_ai: true, inquiry_context: { mood: "hopeful" } }, { signal: controller.signal });
    expect(q.interpretation!.sections.message).to.equal("from the model");
    expect(got!.signal).to.equal(controller.signal);
    expect(got!.prompt).to.include("QUESTION: Love?").and.include("mood: hopeful").and.include("CATEGORY: love");
    expect(got!.fallbackHeader).to.equal(q.reading.translation.header);
    const m = await ai.multi({ profiles: [ALICE, JAMES, MARY], at: AT, include_ai: true });
    expect(got!.prompt).to.include("READING TYPE: multi").and.include("MEMBER 3");
    expect(got!.fallbackHeader).to.equal("");
    expect(m.interpretation!.ai_generated).to.equal(true);
  });

  it("tells the observer about every reading type it computes", async () => {
    seen.length = 0;
    await service.timing({ at: AT });
    await service.stamp({ stamp: "LU-OX-OXWA" });
    await service.time({ profile: JAMES, at: AT });
    expect(seen).to.deep.equal(["timing", "stamp", "time"]);
  });
});
