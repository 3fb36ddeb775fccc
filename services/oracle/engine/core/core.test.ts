import { expect } from "chai";
import fc from "fast-check";
import { invalidField } from "../invalid-field.test-helper";
import { decodeBase60, digit60, encodeBase60, fromBase60, toBase60, token60 } from "./base60-codec";
import { correctlyRoundedCos } from "./correctly-rounded-cos";
import { decodeStamp, encode } from "./fc60-stamp-engine";
import { gregorianToJdn, isValidDate, jdnToGregorian } from "./julian-date-engine";
import { padInt, pyFloatMod, pyMod, pyStrip, roundHalfEven, roundTo } from "./py-math";


describe("engine core", () => {
  describe("bad input names the field", () => {
    it("an impossible date", () => {
      expect(invalidField(() => encode(2025, 2, 29, 10, 0, 0))).to.equal("current_date");
      expect(invalidField(() => encode(2024, 13, 1))).to.equal("current_date");
      expect(invalidField(() => gregorianToJdn(1900, 2, 29))).to.equal("date");
      expect(invalidField(() => gregorianToJdn(1900, 2, 29, "birth_date"))).to.equal("birth_date");
    });

    it("hour 24, minute 60, second -1", () => {
      expect(invalidField(() => encode(2024, 1, 1, 24, 0, 0))).to.equal("current_hour");
      expect(invalidField(() => encode(2024, 1, 1, 0, 60, 0))).to.equal("current_minute");
      expect(invalidField(() => encode(2024, 1, 1, 0, 0, -1))).to.equal("current_second");
    });

    it("a zone beyond -12..+14 hours or 59 minutes", () => {
      expect(invalidField(() => encode(2024, 1, 1, 0, 0, 0, 15, 0))).to.equal("tz_hours");
      expect(invalidField(() => encode(2024, 1, 1, 0, 0, 0, -13, 0))).to.equal("tz_hours");
      expect(invalidField(() => encode(2024, 1, 1, 0, 0, 0, 1, 60))).to.equal("tz_minutes");
    });

    it("a bad stamp token", () => {
      expect(invalidField(() => decodeStamp("VE-OX-ZZZZ"))).to.equal("stamp");
      expect(invalidField(() => digit60("RAW"))).to.equal("token");
      expect(invalidField(() => token60(60))).to.equal("n");
    });
  });

  describe("a timezone offset has one sign", () => {
    it("(-3, 30) and (-3, -30) are both UTC-03:30 in iso, tz60 and u60", () => {
      const a = encode(2026, 2, 6, 1, 15, 0, -3, 30);
      const b = encode(2026, 2, 6, 1, 15, 0, -3, -30);
      for (const s of [a, b]) {
        expect(s.iso).to.equal("2026-02-06T01:15:00-03:30");
        expect(s.tz60).to.equal("-RAMT-HOWU");
      }
      expect(a.u60).to.equal(b.u60);
      // 01:15 at UTC-03:30 is 04:45 UTC.
      expect(decodeBase60(a.u60) % 86400).to.equal(4 * 3600 + 45 * 60);
    });

    it("(0, -30) is UTC-00:30 and (3, -30) is UTC+03:30", () => {
      const minus = encode(2026, 2, 6, 0, 0, 0, 0, -30);
      expect(minus.iso).to.equal("2026-02-06T00:00:00-00:30");
      expect(minus.tz60).to.equal("-RAWU-HOWU");
      expect(decodeBase60(minus.u60) % 86400).to.equal(30 * 60);
      const plus = encode(2026, 2, 6, 12, 0, 0, 3, -30);
      expect(plus.iso).to.equal("2026-02-06T12:00:00+03:30");
      expect(decodeBase60(plus.u60) % 86400).to.equal(8 * 3600 + 30 * 60);
    });
  });

  it("formats years outside 1000-9999 like the reference (sign counted in the width)", () => {
    expect(encode(5, 3, 1, 0, 0, 0, 0, 0, false).iso).to.equal("0005-03-01");
    expect(encode(-5, 3, 1, 0, 0, 0, 0, 0, false).iso).to.equal("-005-03-01");
    expect(encode(-5, 3, 1).y60).to.equal("NEG-OXWU");
    expect(padInt(-12345, 4)).to.equal("-12345");
  });

  it("round-trips every JDN and base-60 integer", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), (jdn) => {
        const [y, m, d] = jdnToGregorian(jdn);
        expect(isValidDate(y, m, d)).to.equal(true);
        expect(gregorianToJdn(y, m, d)).to.equal(jdn);
      }),
    );
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(decodeBase60(encodeBase60(n))).to.equal(n);
        expect(fromBase60(toBase60(Math.abs(n)))).to.equal(Math.abs(n));
      }),
    );
  });

  describe("Python arithmetic", () => {
    it("floors integer modulo toward minus infinity", () => {
      expect(pyMod(-1, 7)).to.equal(6);
      expect(pyMod(7, -3)).to.equal(-2);
      expect(Object.is(pyMod(-7, 7), 0)).to.equal(true);
    });

    it("gives float modulo the divisor's sign", () => {
      expect(pyFloatMod(-1.5, 29.5)).to.equal(28);
      expect(pyFloatMod(1.5, -29.5)).to.equal(-28);
    });

    it("rounds half to even, on exact decimal ties only", () => {
      expect([0.5, 1.5, 2.5, -0.5, -1.5].map(roundHalfEven)).to.deep.equal([0, 2, 2, 0, -2]);
      expect(roundTo(0.125, 2)).to.equal(0.12);
      expect(roundTo(0.375, 2)).to.equal(0.38);
      // 2.675 is stored just below the tie, so it rounds down.
      expect(roundTo(2.675, 2)).to.equal(2.67);
      expect(roundTo(80.55, 1)).to.equal(80.5);
      expect(roundTo(19.0503893339065, 2)).to.equal(19.05);
      expect(Object.is(roundTo(-0.04, 1), -0)).to.equal(true);
    });

    it("strips Python whitespace", () => {
      expect(pyStrip("\u001c male\u0085")).to.equal("male");
      expect(pyStrip("\ufeffmale")).to.equal("\ufeffmale");
    });

    it("computes a correctly rounded cosine", () => {
      expect(correctlyRoundedCos(0)).to.equal(1);
      expect(correctlyRoundedCos(Math.PI)).to.equal(-1);
      // Values where Math.cos is one ulp off on this platform's V8.
      expect(correctlyRoundedCos(5.403095652421694)).to.equal(0.637082041230384);
      expect(correctlyRoundedCos(4.211570103968731)).to.equal(-0.48014400944543095);
      expect(correctlyRoundedCos(-4898.619485211566)).to.equal(-0.6398154148811396);
      expect(Number.isNaN(correctlyRoundedCos(Infinity))).to.equal(true);
    });
  });
});
