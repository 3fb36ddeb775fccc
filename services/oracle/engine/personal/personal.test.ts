import { expect } from "chai";
import { InvalidInputError } from "../../../lib/errors";
import { getAbjadValue, nameToAbjadSum } from "./abjad-table";
import { heartbeatProfile } from "./heartbeat-engine";
import { foldAccents } from "./letter-tables";
import {
  completeProfile,
  expressionNumber,
  genderPolarity,
  letterBreakdown,
  letterValue,
  personalityNumber,
  soulUrge,
} from "./numerology-engine";
import { detectScript, parseSystemChoice, resolveSystem } from "./numerology-system";

const numbers = (name: string, system = "pythagorean") => [
  expressionNumber(name, system),
  soulUrge(name, system),
  personalityNumber(name, system),
];

describe("engine personal tier", () => {
  describe("accent folding", () => {
    it("counts José, Jose + U+0301 and Jose alike", () => {
      for (const system of ["pythagorean", "chaldean"]) {
        expect(numbers("José", system)).to.deep.equal(numbers("Jose", system));
        expect(numbers("Jose\u0301", system)).to.deep.equal(numbers("Jose", system));
      }
      expect(numbers("Nguyễn Văn An")).to.deep.equal(numbers("Nguyen Van An"));
    });

    it("keeps letters without a decomposition, then upper-cases in full", () => {
      expect(foldAccents("øłđæþ")).to.equal("øłđæþ");
      // ß upper-cases to SS; the Kelvin sign folds to K; ı upper-cases to I.
      expect(expressionNumber("Strauß")).to.equal(expressionNumber("Strauss"));
      expect(expressionNumber("\u212Aate")).to.equal(expressionNumber("Kate"));
      expect(soulUrge("ı")).to.equal(9);
      expect(expressionNumber("ø")).to.equal(0);
    });

    it("shows the folded letters in a breakdown", () => {
      expect(letterBreakdown("Zoë", "pythagorean")).to.deep.equal([
        { letter: "Z", value: 8 },
        { letter: "O", value: 6 },
        { letter: "E", value: 5 },
      ]);
      expect(letterValue("ß", "pythagorean")).to.equal(2);
      expect(letterValue("é", "chaldean")).to.equal(5);
    });
  });

  describe("Abjad", () => {
    it("counts the derived letters as the letters they are written on", () => {
      expect(getAbjadValue("\u0629")).to.equal(5); // ة as ه
      expect(getAbjadValue("\u0649")).to.equal(10); // ى as ي
      expect(getAbjadValue("\u0626")).to.equal(10); // ئ as ي
      expect(getAbjadValue("\u0624")).to.equal(6); // ؤ as و
      expect(getAbjadValue("\u0621")).to.equal(1); // ء as ا
      expect(getAbjadValue("\u064e")).to.equal(0); // fatha
      expect(nameToAbjadSum("\u0641\u0627\u0637\u0645\u0629")).to.equal(80 + 1 + 9 + 40 + 5);
    });

    it("reads ى ئ ؤ ء as vowel letters and ة as a consonant", () => {
      // فاطمة: vowels ا (1); the rest 80 + 9 + 40 + 5 = 134 -> 8.
      expect(numbers("\u0641\u0627\u0637\u0645\u0629", "abjad")).to.deep.equal([9, 1, 8]);
      // مؤمن: ؤ (6) is the only vowel.
      expect(soulUrge("\u0645\u0624\u0645\u0646", "abjad")).to.equal(6);
      expect(soulUrge("\u0645\u0648\u0645\u0646", "abjad")).to.equal(6);
      expect(soulUrge("\u0645\u0627\u0621", "abjad")).to.equal(2);
    });

    it("counts no Latin letters", () => {
      expect(numbers("Ali", "abjad")).to.deep.equal([0, 0, 0]);
    });
  });

  describe("system names", () => {
    it("are case-insensitive", () => {
      expect(expressionNumber("Alice Johnson", "CHALDEAN")).to.equal(expressionNumber("Alice Johnson", "chaldean"));
      expect(parseSystemChoice("Abjad")).to.equal("abjad");
    });

    it("reject an unknown name, naming numerology_system", () => {
      for (const bad of ["pythagoras", "", null]) {
        let caught: unknown;
        try {
          expressionNumber("Alice", bad as string);
        } catch (err) {
          caught = err;
        }
        expect(caught).to.be.instanceOf(InvalidInputError);
        expect((caught as InvalidInputError).field).to.equal("numerology_system");
      }
    });

    it("resolve auto by the name's script", () => {
      expect(resolveSystem("auto", "علی رضایی")).to.equal("abjad");
      expect(resolveSystem("auto", "محمد")).to.equal("abjad");
      expect(resolveSystem("AUTO", "Alice Johnson")).to.equal("pythagorean");
      expect(resolveSystem("chaldean", "علی")).to.equal("chaldean");
      expect(detectScript("پرویز")).to.equal("persian");
      expect(detectScript("محمد")).to.equal("arabic");
      expect(detectScript("Renée")).to.equal("latin");
      expect(detectScript("123 !")).to.equal("unknown");
    });

    it("let a profile read the mother's name with the system auto chose for the person", () => {
      const p = completeProfile("علی رضایی", 21, 3, 1985, 2026, 2, 9, "Maryam", "auto");
      expect(p.expression).to.equal(expressionNumber("علی رضایی", "abjad"));
      expect(p.mother_influence).to.equal(0);
    });
  });

  it("keeps master numbers", () => {
    expect(expressionNumber("Ed Roe")).to.equal(11);
    expect(numbers("James Chen")).to.deep.equal([33, 11, 22]);
  });

  it("maps gender to polarity ignoring case and surrounding space", () => {
    expect(genderPolarity(" Female ")).to.deep.equal({ gender: " Female ", polarity: -1, label: "Yin" });
    expect(genderPolarity("M")).to.deep.include({ polarity: 1, label: "Yang" });
    expect(genderPolarity("other")).to.deep.include({ polarity: 0, label: "Neutral" });
  });

  it("rejects a fractional measured heart rate, naming actual_bpm", () => {
    expect(() => heartbeatProfile(30, 72.5)).to.throw(InvalidInputError, /actual_bpm/);
    expect(heartbeatProfile(30, 72)).to.deep.include({ bpm: 72, bpm_source: "actual" });
    expect(heartbeatProfile(90).total_lifetime_beats).to.be.greaterThan(heartbeatProfile(80).total_lifetime_beats);
  });
});
