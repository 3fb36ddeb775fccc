import { expect } from "chai";
import { InvalidInputError } from "../../lib/errors";
import { BAD_FIELDS, VALID, withValue, type Kind } from "../testing/bad-inputs";
import { AT, JAMES } from "../testing/fixtures";
import { fieldPath, validate } from "./validation";

describe("request validation", () => {
  for (const kind of Object.keys(VALID) as Kind[]) {
    it(`accepts a valid ${kind} request`, () => {
      expect(() => validate[kind](VALID[kind])).not.to.throw();
    });
  }

  for (const [kind, path, value, field] of BAD_FIELDS) {
    it(`${kind}: ${path.join(".")} = ${JSON.stringify(value)?.slice(0, 40)} names ${field}`, () => {
      const bad = withValue(VALID[kind], path, value);
      let error: unknown;
      try {
        validate[kind](bad);
      } catch (err) {
        error = err;
      }
      expect(error).to.be.instanceOf(InvalidInputError);
      expect((error as InvalidInputError).field).to.equal(field);
      expect((error as InvalidInputError).reason).to.be.a("string").and.not.equal("");
    });
  }

  it("refuses a request that is not an object", () => {
    expect(() => validate.time(null)).to.throw(InvalidInputError, /^request: required/);
    expect(() => validate.stamp("VE-OX")).to.throw(InvalidInputError, /^request: must be/);
  });

  it("reads system, gender and category names in any letter case", () => {
    const req = validate.question({ question: "Love?", numerology_system: "Chaldean", category: "LOVE", at: AT, profile: { ...JAMES, gender: "Male" } });
    expect([req.numerology_system, req.category, req.profile?.gender]).to.deep.equal(["chaldean", "love", "male"]);
  });

  it("drops absent time fields of a moment", () => {
    expect(validate.timing({ at: { year: 2026, month: 2, day: 9, hour: null } }).at).to.deep.equal({ year: 2026, month: 2, day: 9 });
  });

  it("writes paths with indexes", () => {
    expect(fieldPath(["profiles", 2, "birth_date"])).to.equal("profiles[2].birth_date");
    expect(fieldPath([])).to.equal("request");
  });
});
