import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { CliError } from "../../../cli-error";
import { parseNaiveDateTime, convertArgument } from "./datetime-arg";
import { refcheckFile } from "./refcheck";
import { Registry, bindArguments, tsName } from "./registry";

function writeCases(cases: unknown[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "refcheck-"));
  const file = path.join(dir, "cases.json");
  fs.writeFileSync(file, JSON.stringify({ cases }));
  return file;
}

function run(file: string): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = refcheckFile(file, (l) => lines.push(l));
  return { code, lines };
}

const jdnCase = (id: string, expected: number) => ({
  id, category: "core", module: "core.julian_date_engine", engine: "JulianDateEngine", method: "gregorian_to_jdn",
  args: [2000, 1, 1], kwargs: {}, expected,
});

describe("nps refcheck", () => {
  it("passes agreeing cases and exits 0", () => {
    const { code, lines } = run(writeCases([jdnCase("a", 2451545)]));
    expect(lines).to.deep.equal(["1 passed, 0 failed"]);
    expect(code).to.equal(0);
  });

  it("prints one line per failing case with the pointer, got and expected, and exits 1", () => {
    const { code, lines } = run(writeCases([jdnCase("good", 2451545), jdnCase("bad", 7)]));
    expect(lines).to.deep.equal(["bad: (root): got 2451545, expected 7", "1 passed, 1 failed"]);
    expect(code).to.equal(1);
  });

  it("fails a case whose method is not registered", () => {
    const unknown = { ...jdnCase("nope", 1), method: "no_such_method" };
    const { code, lines } = run(writeCases([unknown]));
    expect(lines[0]).to.match(/^nope: no engine function registered/);
    expect(code).to.equal(1);
  });

  it("passes a raising case only when the engine throws", () => {
    const raising = { ...jdnCase("r", 0), args: [2025, 2, 29], expected: undefined, raises: { type: "ValueError", message: "Invalid date" } };
    delete (raising as { expected?: unknown }).expected;
    const notRaising = { ...raising, id: "r2", args: [2024, 2, 29] };
    const { lines } = run(writeCases([raising, notRaising]));
    expect(lines).to.deep.equal(["r2: returned 2460370, expected ValueError: Invalid date", "1 passed, 1 failed"]);
  });

  it("binds keyword arguments by parameter name", () => {
    const c = {
      id: "kw", category: "core", module: "core.checksum_validator", engine: "ChecksumValidator", method: "calculate_chk",
      args: [2026, 2, 6, 1, 15, 0], kwargs: { jdn: 2461078 }, expected: "TIMT",
    };
    expect(run(writeCases([c])).lines).to.deep.equal(["1 passed, 0 failed"]);
  });

  it("rejects a malformed file with a message naming the place", () => {
    const file = writeCases([{ id: "x", category: "core", module: "m", engine: null, method: "f", args: [] }]);
    expect(() => run(file)).to.throw(CliError, /cases\.0.*exactly one of `expected` and `raises`/);
    const notJson = path.join(path.dirname(file), "broken.json");
    fs.writeFileSync(notJson, "{");
    expect(() => run(notJson)).to.throw(CliError, /not JSON/);
  });

  it("converts $datetime markers at any depth", () => {
    expect(parseNaiveDateTime("2026-02-09T14:30:05")).to.deep.equal({ year: 2026, month: 2, day: 9, hour: 14, minute: 30, second: 5 });
    expect(convertArgument([{ at: { $datetime: "1999-12-31T00:00:00" } }])).to.deep.equal([
      { at: { year: 1999, month: 12, day: 31, hour: 0, minute: 0, second: 0 } },
    ]);
    expect(() => parseNaiveDateTime("2026-02-09")).to.throw(/YYYY-MM-DDTHH:MM:SS/);
  });

  it("names TS functions by the naming rule and refuses a registration that breaks it", () => {
    expect(tsName("_gender_polarity")).to.equal("genderPolarity");
    expect(tsName("token60")).to.equal("token60");
    expect(tsName("calculate_chk_date_only")).to.equal("calculateChkDateOnly");
    const exportsOf = { fooBar: () => 1 };
    expect(() => new Registry([{ module: "m", engine: "E", exports: exportsOf, methods: { foo_baz: [] } }])).to.throw(/fooBaz/);
    const reg = new Registry([{ module: "m", engine: "E", exports: exportsOf, methods: { foo_bar: ["a", "b", "c"] } }]);
    const binding = reg.lookup("m", "E", "foo_bar")!;
    expect(bindArguments(binding, [1], { c: 3 })).to.deep.equal([1, undefined, 3]);
    expect(() => bindArguments(binding, [1], { d: 3 })).to.throw(/no parameter 'd'/);
    expect(() => bindArguments(binding, [1], { a: 3 })).to.throw(/both by position and by keyword/);
  });
});
