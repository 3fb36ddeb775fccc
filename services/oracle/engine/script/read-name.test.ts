import { expect } from "chai";
import { invalidField } from "../invalid-field.test-helper";
import { readName } from "./read-name";

describe("reading a name in any script", () => {
  // Each script's name, what it becomes, and the road taken.
  const cases: [string, string, string, string][] = [
    ["Alice Johnson", "latin", "Alice Johnson", "as_written"],
    ["José Müller", "latin", "José Müller", "as_written"],
    ["Søren Kierkegaard", "latin", "Soren Kierkegaard", "any-ascii"],
    ["Иван Петров", "cyrillic", "Ivan Petrov", "any-ascii"],
    ["Олександр", "cyrillic", "Oleksandr", "any-ascii"],
    ["Γιώργος", "greek", "Giorgos", "any-ascii"],
    ["דוד כהן", "hebrew", "dvd khhn", "any-ascii"],
    ["राहुल", "devanagari", "rahul", "any-ascii"],
    ["张伟", "han", "Zhang Wei", "pinyin-pro"],
    ["单田芳", "han", "Shan Tianfang", "pinyin-pro"],
    ["さくら", "kana", "sakura", "any-ascii"],
    ["アンナ", "kana", "anna", "any-ascii"],
    ["김민준", "hangul", "GimMinJun", "any-ascii"],
    ["สมชาย", "thai", "smchay", "any-ascii"],
    ["Արամ", "armenian", "Aram", "any-ascii"],
    ["გიორგი", "georgian", "giorgi", "any-ascii"],
  ];
  for (const [name, script, counted, route] of cases) {
    it(`${script}: ${name} -> ${counted}`, () => {
      expect(readName(name)).to.deep.equal({ given: name, script, choice: "auto", system: "pythagorean", counted, route });
    });
  }

  it("keeps Persian and Arabic script for abjad under auto", () => {
    expect(readName("علی رضایی")).to.deep.include({ script: "persian", system: "abjad", counted: "علی رضایی", route: "as_written" });
    expect(readName("محمد")).to.deep.include({ script: "arabic", system: "abjad" });
  });

  it("reads a chosen system as chosen", () => {
    expect(readName("Иван", "CHALDEAN")).to.deep.include({ choice: "chaldean", system: "chaldean", counted: "Ivan" });
  });

  it("names the letters no road can place, and refuses a name with nothing to count", () => {
    expect(() => readName("Ƨam Ʉ Ƽoe", "pythagorean")).to.throw(/"Ƨ", "Ƽ"/);
    expect(() => readName("John", "abjad")).to.throw(/"J", "o", "h", "n"/);
    expect(invalidField(() => readName("😀 12", "auto"))).to.equal("full_name");
    expect(invalidField(() => readName("", "auto", "name"))).to.equal("name");
    expect(invalidField(() => readName("Ali", "runes"))).to.equal("numerology_system");
  });
});
