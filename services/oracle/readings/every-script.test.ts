import { expect } from "chai";
import { InvalidInputError } from "../../lib/errors";
import { expressionNumber, soulUrge } from "../engine";
import { ALICE, AT } from "../testing/fixtures";
import { ReadingService } from "./reading-service";
import type { FullReading, MomentReading } from "./types";

function asFull(r: FullReading | MomentReading): FullReading {
  expect(r).to.have.property("person");
  return r as FullReading;
}

/**
 * The name, question and time readings count a name in any script: the Latin systems through its
 * transliteration (shown with the route), Persian and Arabic in abjad as written.
 */
describe("readings in every script", () => {
  const service = new ReadingService({});

  // Each script, the Latin form its transliteration library gives, and the route.
  const NAMES: ReadonlyArray<readonly [string, string, string, string]> = [
    ["Иван Петров", "Ivan Petrov", "cyrillic", "any-ascii"],
    ["Νίκος Παππάς", "Nikos Pappas", "greek", "any-ascii"],
    ["דוד כהן", "dvd khhn", "hebrew", "any-ascii"],
    ["राम शर्मा", "ram srma", "devanagari", "any-ascii"],
    ["张伟", "Zhang Wei", "han", "pinyin-pro"],
    ["さくら", "sakura", "kana", "any-ascii"],
    ["김민준", "GimMinJun", "hangul", "any-ascii"],
    ["สมชาย", "smchay", "thai", "any-ascii"],
    ["Արամ", "Aram", "armenian", "any-ascii"],
    ["ნინო", "nino", "georgian", "any-ascii"],
  ];

  for (const [given, counted, script, route] of NAMES) {
    it(`a name in ${script} script is counted by its Latin form, shown with the route (${given} -> ${counted})`, async () => {
      const r = await service.name({ name: given, at: AT });
      expect(r.name).to.equal(given);
      expect(r.name_read).to.deep.equal({ given, counted, script, route });
      expect(r.numerology_system).to.equal("pythagorean");
      expect(r.expression).to.equal(expressionNumber(counted)).and.to.be.greaterThan(0);
      expect(r.letters.map((l) => l.letter).join("")).to.equal(counted.toUpperCase().replace(/[^A-Z]/g, ""));
    });
  }

  it("worked by hand: Иван Петров is Ivan Petrov, I9+V4+A1+N5 + P7+E5+T2+R9+O6+V4 = 52, 5+2 = 7; vowels 9+1+5+6 = 21, 2+1 = 3", async () => {
    const r = await service.name({ name: "Иван Петров", at: AT, numerology_system: "pythagorean" });
    expect(r.expression).to.equal(7);
    expect(r.soul_urge).to.equal(3);
    expect(soulUrge("Иван Петров")).to.equal(0); // the letters as written are worth nothing: the route is what counts them
  });

  it("a Latin name reads as before: as written", async () => {
    const r = await service.name({ name: "Alice Johnson", at: AT });
    expect(r.name_read).to.deep.equal({ given: "Alice Johnson", counted: "Alice Johnson", script: "latin", route: "as_written" });
    expect(r.expression).to.equal(8); // A1+L3+I9+C3+E5 + J1+O6+H8+N5+S1+O6+N5 = 53, 5+3 = 8
  });

  it("Persian and Arabic script keep abjad, as written", async () => {
    const r = await service.name({ name: "علی رضایی", at: AT });
    expect(r.numerology_system).to.equal("abjad");
    expect(r.name_read).to.deep.equal({ given: "علی رضایی", counted: "علی رضایی", script: "persian", route: "as_written" });
    expect(r.expression).to.be.greaterThan(0);
  });

  it("a name no route can read is refused, naming the letters, never counted as 0", async () => {
    const err = await service.name({ name: "Ƨam Ƽoe", at: AT }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(InvalidInputError);
    expect((err as InvalidInputError).field).to.equal("name");
    expect((err as InvalidInputError).reason).to.contain('"Ƨ", "Ƽ"');
    const none = await service.name({ name: "…", at: AT }).catch((e: unknown) => e);
    expect((none as InvalidInputError).field).to.equal("name");
  });

  it("a question in Cyrillic: Когда? is Kogda, K2+O6+G7+D4+A1 = 20, 2+0 = 2", async () => {
    const r = await service.question({ question: "Когда?", at: AT });
    expect(r.question_read).to.deep.equal({ given: "Когда?", counted: "Kogda?", script: "cyrillic", route: "any-ascii" });
    expect(r.raw_letter_sum).to.equal(20);
    expect(r.question_number).to.equal(2);
  });

  it("the time reading of a profile with a Chinese name counts its pinyin and shows the name as given", async () => {
    const chinese = asFull((await service.time({ profile: { ...ALICE, name: "张伟", mother_name: "Иванова" }, at: AT })).reading);
    const latin = asFull((await service.time({ profile: { ...ALICE, name: "Zhang Wei", mother_name: "Ivanova" }, at: AT })).reading);
    expect(chinese.person.name).to.equal("张伟");
    expect(chinese.person.name_read).to.deep.equal({ given: "张伟", counted: "Zhang Wei", script: "han", route: "pinyin-pro" });
    expect(chinese.numerology).to.deep.equal(latin.numerology);
    expect(latin.person).to.not.have.property("name_read");
    const err = await service.time({ profile: { ...ALICE, name: "Ƨam" }, at: AT }).catch((e: unknown) => e);
    expect((err as InvalidInputError).field).to.equal("profile.name");
    expect((err as InvalidInputError).reason).to.contain('"Ƨ"');
  });
});
