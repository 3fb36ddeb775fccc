import { expect } from "chai";
import { generateReading } from "../..";
import type { ReadingInput } from "../../reading-input";

/** A whole reading told in Persian: every section, in Persian words and Persian digits. */
describe("engine text (fa): a whole reading", () => {
  const base: ReadingInput = {
    name: "سارا احمدی",
    birth_date: { year: 1990, month: 7, day: 15 },
    at: { year: 2026, month: 12, day: 2, hour: 9, minute: 31, second: 58 },
    timezone_offset_minutes: 210,
    mother_name: "مریم",
    gender: "female",
    latitude: 35.7,
    longitude: 51.4,
    heart_rate_bpm: 72,
    numerology_system: "abjad",
    locale: "fa",
  };
  // Codes of the FC60 system (ME-PI-RAER, BI-HO, J60...) are written in Latin letters in every language.
  const withoutCodes = (s: string) => s.replace(/\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*\b/g, "").replace(/[☀☾🌑🌒🌓🌔🌕🌖🌗🌘]/gu, "");

  for (const at of [base.at, { ...base.at, month: 3, day: 21, hour: 23 }, { ...base.at, year: 2031, month: 6, day: 5, hour: 4 }]) {
    it(`has every section in Persian (${at.year}-${at.month}-${at.day} ${at.hour}h)`, () => {
      const r = generateReading({ ...base, at }) as unknown as { translation: Record<string, string>; reading: Record<string, unknown> };
      const sections = Object.entries(r.translation).filter(([k]) => k !== "full_text");
      expect(sections.length).to.be.greaterThan(8);
      for (const [key, text] of sections) {
        expect(text, key).to.match(/[\u0600-\u06FF]/);
        const rest = withoutCodes(text);
        expect(rest, `${key}: ${rest}`).not.to.match(/[A-Za-z]{3,}/);
        expect(rest, `${key} keeps Latin digits: ${rest}`).not.to.match(/[0-9]/);
      }
    });
  }

  it("says the same numbers as the English reading, in its own words", () => {
    const fa = generateReading(base) as unknown as { numerology: unknown; translation: Record<string, string> };
    const en = generateReading({ ...base, locale: "en" }) as unknown as { numerology: unknown; translation: Record<string, string> };
    expect(fa.numerology).to.deep.equal(en.numerology);
    expect(fa.translation.core_identity).to.not.equal(en.translation.core_identity);
  });
});
