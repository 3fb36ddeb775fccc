import { expect } from "chai";
import { PointerSet, firstDifference, formatPointer, splitPointer } from "./compare";

const none = new PointerSet([]);

describe("refcheck comparison", () => {
  it("accepts equal structures whatever their key order", () => {
    expect(firstDifference({ b: [1, "x", null], a: true }, { a: true, b: [1, "x", null] }, none)).to.equal(null);
  });

  it("compares numbers by value, so 30 equals 30.0", () => {
    expect(firstDifference({ lat: 30 }, JSON.parse('{"lat": 30.0}'), none)).to.equal(null);
  });

  it("reports the first differing pointer with both values", () => {
    const d = firstDifference({ a: { b: [1, 2, 3] } }, { a: { b: [1, 5, 3] } }, none);
    expect(d).to.deep.include({ pointer: "/a/b/1", got: 2, expected: 5 });
  });

  it("reports a float that differs in the last bit", () => {
    expect(firstDifference(0.1 + 0.2, 0.3, none)).to.deep.include({ pointer: "" });
  });

  it("reports missing and unexpected keys and array lengths", () => {
    expect(firstDifference({}, { a: 1 }, none)).to.deep.include({ pointer: "/a", detail: "missing" });
    expect(firstDifference({ a: 1, z: 2 }, { a: 1 }, none)).to.deep.include({ pointer: "/z", detail: "unexpected key" });
    expect(firstDifference([1], [1, 2], none)?.detail).to.equal("length 1, expected 2");
  });

  it("does not confuse null, false, 0 and an empty string", () => {
    expect(firstDifference(null, 0, none)).to.not.equal(null);
    expect(firstDifference(false, 0, none)).to.not.equal(null);
    expect(firstDifference("", null, none)).to.not.equal(null);
  });

  it("skips prose at text paths, with * matching any key or index, but keeps its kind", () => {
    const prose = new PointerSet(["/translation/*", "/signals/*/message", ""]);
    expect(prose.matches(["translation", "header"])).to.equal(true);
    expect(prose.matches(["signals", "3", "message"])).to.equal(true);
    expect(prose.matches(["signals", "3", "type"])).to.equal(false);
    expect(prose.matches([])).to.equal(true);
    const expected = { translation: { header: "old words" }, signals: [{ type: "t", message: "m" }] };
    expect(firstDifference({ translation: { header: "new words" }, signals: [{ type: "t", message: "n" }] }, expected, prose)).to.equal(null);
    expect(firstDifference({ translation: { header: 3 }, signals: [{ type: "t", message: "n" }] }, expected, prose)).to.not.equal(null);
    expect(firstDifference({ translation: { header: "x" }, signals: [{ type: "u", message: "n" }] }, expected, prose)?.pointer).to.equal("/signals/0/type");
  });

  it("escapes and unescapes pointer tokens per RFC 6901", () => {
    expect(splitPointer("/a~1b/c~0d")).to.deep.equal(["a/b", "c~d"]);
    expect(formatPointer(["a/b", "c~d"])).to.equal("/a~1b/c~0d");
  });
});
