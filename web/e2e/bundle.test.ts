import { expect } from "chai";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** The first load's JavaScript (what index.html pulls in before any page is visited) stays under 300 KB gzip. */
const BUDGET_BYTES = 300 * 1024;
const DIST = path.resolve(__dirname, "../dist");

describe("the web page's first load", () => {
  before(() => {
    execFileSync(process.execPath, [path.resolve(__dirname, "../build-if-stale.mjs"), "--strict"], { stdio: "inherit" });
  });

  it(`loads under ${BUDGET_BYTES / 1024} KB of JavaScript (gzip), and the other pages later`, () => {
    const html = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
    const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(first.length).to.be.greaterThan(0);
    const gzip = first.reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length, 0);
    expect(gzip).to.be.below(BUDGET_BYTES);
    // The pages beyond the first come as their own chunks.
    const chunks = fs.readdirSync(path.join(DIST, "assets")).filter((f) => f.endsWith(".js"));
    for (const page of ["History", "Profiles", "ReadingPage", "Admin", "SharedReading"]) expect(chunks.some((c) => c.startsWith(`${page}-`)), page).to.equal(true);
  });
});
