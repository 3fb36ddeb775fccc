import { expect } from "chai";
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { FullReading } from "../engine";

const NPS = path.join(__dirname, "..", "..", "..", "bin", "nps.js");

function nps(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [NPS, "reading", ...args], { encoding: "utf8", env: { ...process.env, TZ: "UTC" }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("nps reading (spawned)", function () {
  this.timeout(120_000);

  it("prints the nine sections and the key numbers for a Latin name", () => {
    const r = nps("--name", "Alice Johnson", "--birth", "1990-07-15", "--at", "2026-02-09T14:30", "--tz", "-05:00", "--mother", "Barbara Johnson", "--gender", "female", "--lat", "40.7", "--lon", "-74", "--bpm", "68");
    expect(r.stderr).to.equal("");
    expect(r.status).to.equal(0);
    for (const heading of ["YOUR ADDRESS IN TIME", "WHO YOU ARE", "WHERE YOU COME FROM", "RIGHT NOW", "PATTERNS", "THE MESSAGE", "ADVICE FOR TODAY", "A WORD OF CAUTION", "KEY NUMBERS"]) {
      expect(r.stdout).to.include(heading);
    }
    expect(r.stdout).to.include("Alice Johnson").and.include("LU-OX-OXWA").and.include("pythagorean");
  });

  it("reads Persian and Arabic names with abjad under the default system", () => {
    for (const name of ["علی رضایی", "فاطمة الزهراء"]) {
      const r = nps("--name", name, "--birth", "1985-03-21", "--at", "2026-03-21T08:15", "--tz", "+03:30", "--json");
      expect(r.status, r.stderr).to.equal(0);
      const reading = JSON.parse(r.stdout) as FullReading;
      expect(reading.person.name).to.equal(name);
      expect(reading.numerology.expression).to.be.greaterThan(0);
      expect(reading.fc60_stamp.iso).to.equal("2026-03-21T08:15:00+03:30");
      const text = nps("--name", name, "--birth", "1985-03-21", "--at", "2026-03-21T08:15", "--tz", "+03:30");
      expect(text.stdout).to.include(name).and.include("abjad");
    }
  });

  it("reads the current moment when --at is absent", () => {
    const before = new Date();
    const r = nps("--name", "Test User", "--birth", "2000-01-01", "--json");
    expect(r.status, r.stderr).to.equal(0);
    const reading = JSON.parse(r.stdout) as FullReading;
    const today = [before.getUTCFullYear(), before.getUTCMonth() + 1, before.getUTCDate()].map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
    const after = new Date();
    const tomorrow = [after.getUTCFullYear(), after.getUTCMonth() + 1, after.getUTCDate()].map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
    expect([today, tomorrow]).to.include(reading.current.date);
    expect(reading.fc60_stamp.tz60).to.equal("Z");
  });

  it("answers bad input with a message naming the option and exit status 2", () => {
    const cases: Array<[string[], string]> = [
      [["--name", "A", "--birth", "1990-02-30"], "--birth"],
      [["--name", "A", "--birth", "1990-01-01", "--at", "2026-01-01T24:00"], "--at"],
      [["--name", "A", "--birth", "1990-01-01", "--lat", "91", "--lon", "0"], "--lat"],
      [["--name", "A", "--birth", "2030-01-01", "--at", "2026-01-01"], "--birth"],
      [["--name", "A", "--birth", "1990-01-01", "--system", "klingon"], "--system"],
    ];
    for (const [args, option] of cases) {
      const r = nps(...args);
      expect(r.status, args.join(" ")).to.equal(2);
      expect(r.stderr).to.match(new RegExp(`^nps: ${option}: `));
      expect(r.stdout).to.equal("");
    }
  });
});
