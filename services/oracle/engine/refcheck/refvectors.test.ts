import fs from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { buildRegistry } from "./all-registrations";
import { loadCaseFile } from "./case-file";
import { runCaseFile } from "./run-cases";

const DIR = path.join(__dirname, "..", "refvectors");
const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();

describe("engine reference cases", () => {
  it("finds the reference files", () => {
    expect(files).to.include("sample.json");
  });

  const registry = buildRegistry();
  for (const file of files) {
    describe(file, () => {
      const report = runCaseFile(loadCaseFile(path.join(DIR, file)), registry);
      const categories = [...new Set(report.outcomes.map((o) => o.category))].sort();
      for (const category of categories) {
        const outcomes = report.outcomes.filter((o) => o.category === category);
        it(`${category}: all ${outcomes.length} cases agree`, () => {
          const failures = outcomes.filter((o) => !o.passed).map((o) => `${o.id}: ${o.reason}`);
          expect(failures, `${failures.length} failing:\n${failures.slice(0, 40).join("\n")}`).to.deep.equal([]);
        });
      }
    });
  }
});
