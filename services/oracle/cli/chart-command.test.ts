import { expect } from "chai";
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Chart } from "../engine";
import type { ChartCompatibility } from "../readings/chart-reading";
import { CliError } from "../../cli-error";
import { runChart, type ChartOptions } from "./chart-run";

const NPS = path.join(__dirname, "..", "..", "..", "bin", "nps.js");

function nps(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [NPS, "chart", ...args], { encoding: "utf8", env: { ...process.env, TZ: "UTC" }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("nps chart (spawned)", function () {
  this.timeout(120_000);

  it("prints a complete chart with its working for a Latin, a Cyrillic, a Persian and a Chinese name", () => {
    const cases = [
      ["Alice Johnson", "A(1)+L(3)+I(9)+C(3)+E(5) + J(1)+O(6)+H(8)+N(5)+S(1)+O(6)+N(5) = 53, 5+3 = 8"],
      ["Иван Петров", "counted as: Ivan Petrov (cyrillic script, any-ascii)"],
      ["علی رضایی", "ع(70)+ل(30)+ی(10) + ر(200)+ض(800)+ا(1)+ی(10)+ی(10) = 1131, 1+1+3+1 = 6"],
      ["张伟", "counted as: Zhang Wei (han script, pinyin-pro)"],
    ] as const;
    for (const [name, working] of cases) {
      const r = nps("--name", name, "--birth", "1990-07-15", "--at", "2026-02-09");
      expect(r.stderr, name).to.equal("");
      expect(r.status, name).to.equal(0);
      for (const heading of ["CORE NUMBERS", "MORE OF THE NAME", "PINNACLES AND CHALLENGES", "CYCLES ON 2026-02-09", "Karmic lessons", "Hidden passion", "Cornerstone", "Maturity"]) {
        expect(r.stdout, `${name}: ${heading}`).to.include(heading);
      }
      expect(r.stdout).to.include("7+6+1 = 14, 1+4 = 5").and.include(working);
    }
  });

  it("prints the chart as JSON, in Persian on request", () => {
    const r = nps("--name", "Alice Johnson", "--birth", "1990-07-15", "--at", "2026-02-09", "--locale", "fa", "--json");
    expect(r.status, r.stderr).to.equal(0);
    const chart = JSON.parse(r.stdout) as Chart;
    expect(chart.life_path.number).to.equal(5);
    expect(chart.locale).to.equal("fa");
    expect(chart.pinnacles).to.have.length(4);
  });

  it("scores two people's compatibility with its reasons", () => {
    const r = nps("--name", "Alice Johnson", "--birth", "1990-07-15", "--with-name", "Mary Ann Lee", "--with-birth", "1985-11-29", "--at", "2026-02-09", "--json");
    expect(r.status, r.stderr).to.equal(0);
    const c = JSON.parse(r.stdout) as ChartCompatibility;
    expect(c.numbers.map((n) => [n.dimension, n.a, n.b])).to.deep.equal([["life_path", 5, 9], ["expression", 8, 9], ["soul_urge", 9, 1]]);
    expect(c.score).to.be.within(0, 100);
    for (const d of [...c.numbers, ...c.signals]) expect(d.reason).to.be.a("string").and.not.equal("");
  });

  it("names the option of every bad value (exit 2), in-process", () => {
    const bad: [ChartOptions, RegExp][] = [
      [{ birth: "1990-07-15" }, /--name: a name is required/],
      [{ name: "Bob" }, /--birth: a birth date/],
      [{ name: "Bob", birth: "1990-02-30" }, /--birth: 1990-02-30 is not a day of the calendar/],
      [{ name: "Bob", birth: "1990-02-03", system: "abjad" }, /--name: abjad cannot place the letters "B", "o", "b"/],
      [{ name: "Bob", birth: "1990-02-03", system: "tarot" }, /--system: must be one of/],
      [{ name: "Bob", birth: "1990-02-03", locale: "de" }, /--locale: must be one of en, fa/],
      [{ name: "Bob", birth: "1990-02-03", withName: "Ann" }, /--with-birth: give --with-name and --with-birth together/],
      [{ name: "Bob", birth: "1990-02-03", withName: "!!", withBirth: "1990-01-01" }, /--with-name: has no letters to count/],
      [{ name: "Bob", birth: "1990-02-03", withName: "Ann", withBirth: "19900101" }, /--with-birth: '19900101' is not a date/],
      [{ name: "Bob", birth: "2030-01-01", at: "2026-01-01" }, /--birth: is after the chart's date/],
    ];
    for (const [opts, message] of bad) {
      let printed = "";
      const run = () => runChart(opts, (s) => (printed += s), new Date(2026, 1, 9));
      expect(run, JSON.stringify(opts)).to.throw(CliError, message);
      expect(printed).to.equal("");
    }
    let printed = "";
    runChart({ name: "Bob", birth: "1990-02-03" }, (s) => (printed += s), new Date(2026, 1, 9));
    expect(printed).to.include("CYCLES ON 2026-02-09");
  });
});
