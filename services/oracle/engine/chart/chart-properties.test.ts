import { expect } from "chai";
import fc from "fast-check";
import { isValidDate } from "../core/julian-date-engine";
import { expressionNumber, lifePath, personalityNumber, personalDay, personalMonth, personalYear, soulUrge } from "../personal/numerology-engine";
import { computeChart } from "./chart";
import { CHART_LOCALES, PART_NUMBERS, type Chart, type ChartNumber, type ChartPart } from "./chart-types";
import { reduce } from "./reduce";
import { chartTextFor } from "./text";

const date = fc
  .record({ year: fc.integer({ min: 1, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter((d) => isValidDate(d.year, d.month, d.day));

const word = (alphabet: string) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 9 });
const nameOf = (alphabet: string) => fc.array(word(alphabet), { minLength: 1, maxLength: 4 }).map((ws) => ws.join(" "));

const LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzéüñß";
const CYRILLIC = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЫЭЮЯабвгдежзийклмнопрстуфхцчшщыэюя";
const GREEK = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψω";
const PERSIAN = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی";
const HAN = "张王李赵刘陈杨黄周吴伟芳娜秀英敏静丽强磊军洋勇艳杰涛明超";
const HANGUL = "김이박최정강조윤장임민준서연지우하은";

function lastNumber(working: string): number {
  const cut = working.replace(/ \([^()]*\)$/, "");
  return Number(/(\d+)$/.exec(cut)![1]);
}

const coreOf = (c: Chart): [ChartPart, ChartNumber][] => [
  ["life_path", c.life_path],
  ["expression", c.expression],
  ["soul_urge", c.soul_urge],
  ["personality", c.personality],
  ["maturity", c.maturity],
  ["birthday", c.birthday],
  ["balance", c.balance],
  ["rational_thought", c.rational_thought],
  ["personal_year", c.personal_year],
  ["personal_month", c.personal_month],
  ["personal_day", c.personal_day],
];

function checkChart(c: Chart): void {
  for (const [part, n] of coreOf(c)) {
    // A name number with no letters (no vowels, say) is 0; every other ends in 1-9 or a master.
    const allowed = part === "soul_urge" || part === "personality" ? [0, ...PART_NUMBERS[part]] : PART_NUMBERS[part];
    expect(allowed, `${part} ${n.number}`).to.include(n.number);
    expect(n.master).to.equal(n.number === 11 || n.number === 22 || n.number === 33);
    expect(lastNumber(n.working), `${part}: ${n.working}`).to.equal(n.number);
    expect(n.meaning, part).to.not.equal("");
  }
  // The expression's letters are the soul urge's and the personality's together, before reduction.
  const raw = (n: ChartNumber) => Number(/= (\d+)/.exec(n.working)?.[1] ?? 0);
  expect(raw(c.expression)).to.equal(raw(c.soul_urge) + raw(c.personality));
  expect(raw(c.expression)).to.equal(c.letters.reduce((s, l) => s + l.value, 0));

  const top = c.system.name === "chaldean" ? 8 : 9;
  expect(c.subconscious_self.number).to.equal(top - c.karmic_lessons.numbers.length);
  expect(c.hidden_passion.numbers).to.not.be.empty;
  for (const n of c.hidden_passion.numbers) expect(c.karmic_lessons.numbers).to.not.include(n);
  for (const p of c.pinnacles) expect(PART_NUMBERS.pinnacle).to.include(p.number);
  for (const ch of c.challenges) expect(ch.number).to.be.within(0, 8);
  const first = 36 - (c.life_path.number > 9 ? reduce(c.life_path.number, false).value : c.life_path.number);
  expect(c.pinnacles[0]!.to_age).to.equal(first);
  for (let i = 1; i < 4; i++) expect(c.pinnacles[i]!.from_age).to.equal(c.pinnacles[i - 1]!.to_age);
  expect(c.challenges.map((x) => [x.from_age, x.to_age])).to.deep.equal(c.pinnacles.map((x) => [x.from_age, x.to_age]));
  for (const k of c.karmic_debts) expect([13, 14, 16, 19]).to.include(k.number);
}

describe("the complete chart: properties", () => {
  it("agrees with the readings' own numbers and keeps every invariant, for Latin names in every system", () => {
    fc.assert(
      fc.property(nameOf(LATIN), date, date, fc.constantFrom("pythagorean" as const, "chaldean" as const), (name, a, b, system) => {
        const [birth, at] = a.year * 400 + a.month * 32 + a.day <= b.year * 400 + b.month * 32 + b.day ? [a, b] : [b, a];
        const c = computeChart({ fullName: name, birth, at, system });
        checkChart(c);
        expect(c.expression.number).to.equal(expressionNumber(name, system));
        expect(c.soul_urge.number).to.equal(soulUrge(name, system));
        expect(c.personality.number).to.equal(personalityNumber(name, system));
        expect(c.life_path.number).to.equal(lifePath(birth.day, birth.month, birth.year));
        expect(c.personal_year.number).to.equal(personalYear(birth.month, birth.day, at.year));
        expect(c.personal_month.number).to.equal(personalMonth(birth.month, birth.day, at.year, at.month));
        expect(c.personal_day.number).to.equal(personalDay(birth.month, birth.day, at.year, at.month, at.day));
      }),
      { numRuns: 300 },
    );
  });

  it("reads names of other scripts to Latin letters and keeps the same invariants", () => {
    const at = { year: 2026, month: 2, day: 9 };
    for (const alphabet of [CYRILLIC, GREEK, HAN, HANGUL]) {
      fc.assert(
        fc.property(nameOf(alphabet), date.filter((d) => d.year < 2026), (name, birth) => {
          const c = computeChart({ fullName: name, birth, at });
          checkChart(c);
          expect(c.name.route).to.not.equal("as_written");
          expect(c.name.counted).to.match(/^[A-Za-z' -]+$/);
          expect(c.expression.number).to.equal(expressionNumber(c.name.counted, "pythagorean"));
        }),
        { numRuns: 60 },
      );
    }
  });

  it("counts Persian names in abjad as the readings do", () => {
    const at = { year: 2026, month: 2, day: 9 };
    fc.assert(
      fc.property(nameOf(PERSIAN), date.filter((d) => d.year < 2026), (name, birth) => {
        const c = computeChart({ fullName: name, birth, at });
        checkChart(c);
        expect(c.system.name).to.equal("abjad");
        expect(c.expression.number).to.equal(expressionNumber(name, "abjad"));
        expect(c.soul_urge.number).to.equal(soulUrge(name, "abjad"));
      }),
      { numRuns: 150 },
    );
  });
});

describe("the chart's meanings", () => {
  for (const locale of CHART_LOCALES) {
    it(`has a meaning for every number of every part, all different within a part (${locale})`, () => {
      const text = chartTextFor(locale);
      for (const [part, numbers] of Object.entries(PART_NUMBERS) as [ChartPart, readonly number[]][]) {
        const seen = new Set<string>();
        for (const n of numbers) {
          const m = text.meaning(part, n);
          expect(m, `${part} ${n}`).to.be.a("string").and.not.equal("");
          seen.add(m);
        }
        expect(seen.size, part).to.equal(numbers.length);
      }
      expect(text.meaning("challenge", 9)).to.equal("");
    });
  }

  it("says the Persian meanings in Persian and the English ones in English", () => {
    const fa = chartTextFor("fa");
    const en = chartTextFor("en");
    for (const [part, numbers] of Object.entries(PART_NUMBERS) as [ChartPart, readonly number[]][]) {
      for (const n of numbers) {
        expect(fa.meaning(part, n), `${part} ${n}`).to.match(/[\u0600-\u06ff]/);
        expect(en.meaning(part, n), `${part} ${n}`).to.not.match(/[\u0600-\u06ff]/);
      }
    }
  });
});
