import { expect } from "chai";
import { invalidField } from "../invalid-field.test-helper";
import { computeChart } from "./chart";
import type { Chart, ChartInput } from "./chart-types";

/** The numbers alone, for comparing with a case worked out by hand. */
function numbersOf(c: Chart) {
  return {
    life_path: c.life_path.number,
    expression: c.expression.number,
    soul_urge: c.soul_urge.number,
    personality: c.personality.number,
    maturity: c.maturity.number,
    birthday: c.birthday.number,
    balance: c.balance.number,
    rational_thought: c.rational_thought.number,
    subconscious_self: c.subconscious_self.number,
    hidden_passion: c.hidden_passion.numbers,
    karmic_lessons: c.karmic_lessons.numbers,
    karmic_debts: c.karmic_debts.map((k) => `${k.number}:${k.part}`),
    cornerstone: `${c.cornerstone.letter}${c.cornerstone.number}`,
    capstone: `${c.capstone.letter}${c.capstone.number}`,
    first_vowel: c.first_vowel ? `${c.first_vowel.letter}${c.first_vowel.number}` : null,
    pinnacles: c.pinnacles.map((p) => p.number),
    challenges: c.challenges.map((p) => p.number),
    ages: c.pinnacles.map((p) => [p.from_age, p.to_age]),
    personal: [c.personal_year.number, c.personal_month.number, c.personal_day.number],
  };
}

const chart = (fullName: string, birth: string, at: string, extra: Partial<ChartInput> = {}) => {
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const [ay, am, ad] = at.split("-").map(Number) as [number, number, number];
  return computeChart({ fullName, birth: { year: by, month: bm, day: bd }, at: { year: ay, month: am, day: ad }, ...extra });
};

describe("the complete chart, against cases worked by hand", () => {
  /*
   * Alice Johnson, born 1990-07-15, read on 2026-02-09, Pythagorean (A=1 ... I=9, J=1 ...).
   * Letters: A1 L3 I9 C3 E5 | J1 O6 H8 N5 S1 O6 N5.
   *   expression  = 21 + 32 = 53 -> 5+3 = 8
   *   soul urge   = vowels A1 I9 E5 O6 O6 = 27 -> 9
   *   personality = consonants L3 C3 J1 H8 N5 S1 N5 = 26 -> 8      (27 + 26 = 53)
   *   life path   = month 7 + day 15 -> 6 + year 1990 -> 19 -> 10 -> 1 = 14 -> 5, karmic debt 14
   *   maturity    = 5 + 8 = 13 -> 4; birthday 15 -> 6; balance A1 + J1 = 2
   *   rational thought = first name 21 -> 3, + birthday 6 = 9
   *   letter numbers present: 1 (A J S), 3 (L C), 5 (E N N), 6 (O O), 8 (H), 9 (I)
   *   karmic lessons 2, 4, 7; subconscious self 9 - 3 = 6; hidden passion 1 and 5 (three each)
   *   cornerstone A1, capstone E5, first vowel A1
   *   pinnacles: 7+6 = 13 -> 4; 6+1 = 7; 4+7 = 11 (master); 7+1 = 8
   *   challenges: |7-6| = 1; |6-1| = 5; |1-5| = 4; |7-1| = 6
   *   ages: 36 - 5 = 31, then 40, 49
   *   personal year 2026: 7 + 6 + (2+0+2+6 = 10 -> 1) = 14 -> 5; month 5 + 2 = 7; day 7 + 9 = 16 -> 7
   */
  it("Alice Johnson, 1990-07-15, Pythagorean", () => {
    const c = chart("Alice Johnson", "1990-07-15", "2026-02-09");
    expect(numbersOf(c)).to.deep.equal({
      life_path: 5,
      expression: 8,
      soul_urge: 9,
      personality: 8,
      maturity: 4,
      birthday: 6,
      balance: 2,
      rational_thought: 9,
      subconscious_self: 6,
      hidden_passion: [1, 5],
      karmic_lessons: [2, 4, 7],
      karmic_debts: ["14:life_path"],
      cornerstone: "A1",
      capstone: "E5",
      first_vowel: "A1",
      pinnacles: [4, 7, 11, 8],
      challenges: [1, 5, 4, 6],
      ages: [[0, 31], [31, 40], [40, 49], [49, null]],
      personal: [5, 7, 7],
    });
    expect(c.life_path.working).to.equal("month 7 + day 15 (1+5 = 6) + year 1990 (1+9+9+0 = 19, 1+9 = 10, 1+0 = 1): 7+6+1 = 14, 1+4 = 5");
    expect(c.expression.working).to.equal("A(1)+L(3)+I(9)+C(3)+E(5) + J(1)+O(6)+H(8)+N(5)+S(1)+O(6)+N(5) = 53, 5+3 = 8");
    expect(c.soul_urge.working).to.equal("A(1)+I(9)+E(5) + O(6)+O(6) = 27, 2+7 = 9");
    expect(c.pinnacles[2]!.working).to.equal("pinnacle 1 (4) + pinnacle 2 (7): 4+7 = 11 (master number, kept)");
    expect(c.pinnacles[2]!.master).to.equal(true);
    expect(c.challenges[0]!.working).to.equal("|month 7 − day 15 (1+5 = 6)| = |7−6| = 1");
    expect(c.pinnacles.map((p) => [p.from_year, p.to_year])).to.deep.equal([[1990, 2021], [2021, 2030], [2030, 2039], [2039, null]]);
    expect(c.system).to.deep.include({ name: "pythagorean", choice: "auto" });
    expect(c.system.reason).to.include("Latin");
    expect(c.name).to.deep.equal({ given: "Alice Johnson", counted: "Alice Johnson", script: "latin", route: "as_written" });
  });

  /*
   * Mary Ann Lee, born 1985-11-29, read on 2025-06-14. Y counts as a vowel.
   * Letters: M4 A1 R9 Y7 | A1 N5 N5 | L3 E5 E5; words 21, 11, 13.
   *   expression  = 45 -> 9
   *   soul urge   = A1 Y7 A1 E5 E5 = 19 -> 10 -> 1, karmic debt 19
   *   personality = M4 R9 N5 N5 L3 = 26 -> 8                          (19 + 26 = 45)
   *   life path   = month 11 (kept) + day 29 -> 11 (kept) + year 1985 -> 23 -> 5 = 27 -> 9
   *   birthday 29 -> 11 (master); maturity 9 + 9 = 18 -> 9; balance M4 + A1 + L3 = 8
   *   rational thought = first name 21 -> 3, + birthday 11 = 14 -> 5
   *   present: 1 (A A), 3 (L), 4 (M), 5 (N N E E), 7 (Y), 9 (R); lessons 2, 6, 8; subconscious 6
   *   hidden passion 5 (four times); cornerstone M4, capstone Y7, first vowel A1
   *   pinnacles (month 11 -> 2, day 29 -> 2, year -> 5): 2+2 = 4; 2+5 = 7; 4+7 = 11; 2+5 = 7
   *   challenges: 0; 3; |0-3| = 3; 3.  ages: 36 - 9 = 27, then 36, 45
   *   personal year 2025: 11 + 11 + (2+0+2+5 = 9) = 31 -> 4; month 4 + 6 = 10 -> 1; day 1 + 14 = 15 -> 6
   */
  it("Mary Ann Lee, 1985-11-29: master numbers kept, karmic debt 19, challenge 0", () => {
    const c = chart("Mary Ann Lee", "1985-11-29", "2025-06-14");
    expect(numbersOf(c)).to.deep.equal({
      life_path: 9,
      expression: 9,
      soul_urge: 1,
      personality: 8,
      maturity: 9,
      birthday: 11,
      balance: 8,
      rational_thought: 5,
      subconscious_self: 6,
      hidden_passion: [5],
      karmic_lessons: [2, 6, 8],
      karmic_debts: ["19:soul_urge"],
      cornerstone: "M4",
      capstone: "Y7",
      first_vowel: "A1",
      pinnacles: [4, 7, 11, 7],
      challenges: [0, 3, 3, 3],
      ages: [[0, 27], [27, 36], [36, 45], [45, null]],
      personal: [4, 1, 6],
    });
    expect(c.birthday.master).to.equal(true);
    expect(c.birthday.working).to.equal("day 29: 2+9 = 11 (master number, kept)");
    expect(c.life_path.working).to.equal("month 11 + day 29 (2+9 = 11) + year 1985 (1+9+8+5 = 23, 2+3 = 5): 11+11+5 = 27, 2+7 = 9");
    expect(c.karmic_debts[0]!.meaning).to.be.a("string").and.not.equal("");
    expect(c.challenges[0]!.meaning).to.include("choice");
  });

  /*
   * Alice Johnson in Chaldean (A1 B2 C3 D4 E5 F8 G3 H5 I1 J1 K2 L3 M4 N5 O7 P8 Q1 R2 S3 T4 U6 V6 W6 X5 Y1 Z7).
   *   A1 L3 I1 C3 E5 = 13 | J1 O7 H5 N5 S3 O7 N5 = 33; expression 46 -> 10 -> 1
   *   vowels A1 I1 E5 O7 O7 = 21 -> 3; consonants L3 C3 J1 H5 N5 S3 N5 = 25 -> 7
   *   no letter is worth 9: lessons among 1-8; present 1, 3, 5, 7 -> lessons 2, 4, 6, 8, subconscious 8 - 4 = 4
   *   hidden passion 5 (E H N N); balance A1 + J1 = 2; first name 13 -> 4, rational thought 4 + 6 = 10 -> 1
   */
  it("Alice Johnson in Chaldean: lessons among 1-8", () => {
    const c = chart("Alice Johnson", "1990-07-15", "2026-02-09", { system: "chaldean" });
    const n = numbersOf(c);
    expect([n.expression, n.soul_urge, n.personality, n.balance, n.rational_thought]).to.deep.equal([1, 3, 7, 2, 1]);
    expect(n.karmic_lessons).to.deep.equal([2, 4, 6, 8]);
    expect(n.subconscious_self).to.equal(4);
    expect(n.hidden_passion).to.deep.equal([5]);
    expect(c.subconscious_self.working).to.equal("8 − 4 (missing) = 4");
    expect(c.system).to.deep.include({ name: "chaldean", choice: "chaldean" });
  });

  /*
   * علی رضایی (Ali Rezaei) in Abjad: ع70 ل30 ی10 = 110 | ر200 ض800 ا1 ی10 ی10 = 1021.
   *   expression 1131 -> 1+1+3+1 = 6
   *   long vowels ی10 ا1 ی10 ی10 = 31 -> 4; the others ع70 ل30 ر200 ض800 = 1100 -> 2   (31 + 1100 = 1131)
   *   letter numbers (digital roots): 7, 3, 1 | 2, 8, 1, 1, 1 -> present 1 (x4), 2, 3, 7, 8; lessons 4, 5, 6, 9
   *   cornerstone ع 70 -> 7, capstone ی 10 -> 1, first vowel ی 10 -> 1; balance ع70 + ر200 = 270 -> 9
   */
  it("a Persian name in Abjad (auto)", () => {
    const c = chart("علی رضایی", "1985-03-21", "2026-02-09");
    expect(c.system).to.deep.include({ name: "abjad", choice: "auto" });
    expect(c.name).to.deep.include({ script: "persian", route: "as_written", counted: "علی رضایی" });
    const n = numbersOf(c);
    expect([n.expression, n.soul_urge, n.personality, n.balance]).to.deep.equal([6, 4, 2, 9]);
    expect(n.karmic_lessons).to.deep.equal([4, 5, 6, 9]);
    expect(n.hidden_passion).to.deep.equal([1]);
    expect([n.cornerstone, n.capstone, n.first_vowel]).to.deep.equal(["ع7", "ی1", "ی1"]);
    expect(c.cornerstone.working).to.equal("ع = 70, 7+0 = 7");
    expect(c.expression.working).to.equal("ع(70)+ل(30)+ی(10) + ر(200)+ض(800)+ا(1)+ی(10)+ی(10) = 1131, 1+1+3+1 = 6");
  });

  /*
   * Иван Петров -> Ivan Petrov (any-ascii): I9 V4 A1 N5 = 19 | P7 E5 T2 R9 O6 V4 = 33; expression 52 -> 7
   *   vowels I9 A1 E5 O6 = 21 -> 3; consonants V4 N5 P7 T2 R9 V4 = 31 -> 4; balance I9 + P7 = 16 -> 7
   *   first name 19 -> 10 -> 1
   */
  it("a Cyrillic name through any-ascii", () => {
    const c = chart("Иван Петров", "1990-07-15", "2026-02-09");
    expect(c.name).to.deep.equal({ given: "Иван Петров", counted: "Ivan Petrov", script: "cyrillic", route: "any-ascii" });
    expect([c.expression.number, c.soul_urge.number, c.personality.number, c.balance.number]).to.deep.equal([7, 3, 4, 7]);
    expect(c.balance.working).to.equal("initials I(9)+P(7) = 16, 1+6 = 7");
    expect(c.system.reason).to.include("Cyrillic").and.include("any-ascii");
  });

  /*
   * 张伟 -> Zhang Wei (pinyin-pro): Z8 H8 A1 N5 G7 = 29 | W5 E5 I9 = 19; expression 48 -> 12 -> 3
   *   vowels A1 E5 I9 = 15 -> 6; consonants Z8 H8 N5 G7 W5 = 33, a master number kept
   */
  it("a Chinese name through pinyin-pro, with a master personality", () => {
    const c = chart("张伟", "1990-07-15", "2026-02-09");
    expect(c.name).to.deep.include({ counted: "Zhang Wei", script: "han", route: "pinyin-pro" });
    expect([c.expression.number, c.soul_urge.number, c.personality.number]).to.deep.equal([3, 6, 33]);
    expect(c.personality.master).to.equal(true);
    expect(c.personality.working).to.equal("Z(8)+H(8)+N(5)+G(7) + W(5) = 33 (master number, kept)");
  });

  it("gives its meanings in Persian on request", () => {
    const c = chart("Alice Johnson", "1990-07-15", "2026-02-09", { locale: "fa" });
    expect(c.locale).to.equal("fa");
    expect(c.life_path.meaning).to.match(/[\u0600-\u06ff]/);
    expect(c.life_path.working).to.include("ماه 7");
    expect(c.system.reason).to.include("لاتین");
  });
});

describe("the complete chart: parts worked out once", () => {
  it("gives the same chart again, and no caller can change what the next one gets", () => {
    const first = chart("Alice Johnson", "1990-07-15", "2026-02-09");
    expect(() => {
      (first.expression as { working: string }).working = "changed";
    }).to.throw(TypeError);
    expect(() => first.letters.push({ letter: "Z", value: 8, vowel: false, word: 0 })).to.throw(TypeError);
    const again = chart("Alice Johnson", "1990-07-15", "2026-02-09");
    expect(again).to.deep.equal(first);
    expect(again.expression.working).to.include("= 53, 5+3 = 8");
    // The same name in another language is worked out apart.
    expect(chart("Alice Johnson", "1990-07-15", "2026-02-09", { locale: "fa" }).life_path.working).to.include("ماه");
  });
});

describe("the complete chart: bad input", () => {
  const ok: ChartInput = { fullName: "Alice Johnson", birth: { year: 1990, month: 7, day: 15 }, at: { year: 2026, month: 2, day: 9 } };

  it("names the field of every bad value", () => {
    expect(invalidField(() => computeChart({ ...ok, fullName: 7 as unknown as string }))).to.equal("full_name");
    expect(invalidField(() => computeChart({ ...ok, fullName: "  12 ?!" }))).to.equal("full_name");
    expect(invalidField(() => computeChart({ ...ok, birth: { year: 1990, month: 2, day: 30 } }))).to.equal("birth_date");
    expect(invalidField(() => computeChart({ ...ok, birth: { year: 1990.5, month: 2, day: 3 } }))).to.equal("birth_date");
    expect(invalidField(() => computeChart({ ...ok, at: null as unknown as ChartInput["at"] }))).to.equal("at");
    expect(invalidField(() => computeChart({ ...ok, birth: { year: 2030, month: 1, day: 1 } }))).to.equal("birth_date");
    expect(invalidField(() => computeChart({ ...ok, system: "tarot" as "auto" }))).to.equal("numerology_system");
    expect(invalidField(() => computeChart({ ...ok, locale: "de" as "en" }))).to.equal("locale");
  });

  it("names the letters it cannot place instead of counting them as nothing", () => {
    expect(() => computeChart({ ...ok, fullName: "John Smith", system: "abjad" })).to.throw(/"J", "o", "h", "n", "S", "m", "i", "t"/);
    expect(() => computeChart({ ...ok, fullName: "علی", system: "pythagorean" })).to.throw(/"ع".*abjad/);
  });
});
