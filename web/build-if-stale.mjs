#!/usr/bin/env node
// Builds the web page (vite build into web/dist) when its sources changed since the last build,
// so `npm start` and the browser tests always serve the current page and a warm start costs only
// a hash of the sources. The hash of what went into a build is kept in web/dist/.source-hash.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const INPUTS = ["src", "index.html", "vite.config.ts", "package.json", "tsconfig.json"];
const stamp = path.join(here, "dist", ".source-hash");

function* files(p) {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isDirectory()) for (const name of fs.readdirSync(p).sort()) yield* files(path.join(p, name));
  else yield p;
}

export function sourceHash() {
  const h = createHash("sha256");
  for (const input of INPUTS) {
    for (const f of files(path.join(here, input))) {
      if (/\.test\.tsx?$/.test(f)) continue;
      h.update(path.relative(here, f)).update("\0").update(fs.readFileSync(f)).update("\0");
    }
  }
  return h.digest("hex");
}

const hash = sourceHash();
const built = fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8").trim() : "";
if (built === hash && fs.existsSync(path.join(here, "dist", "index.html"))) {
  process.exit(0);
}
const started = Date.now();
process.stderr.write("nps: building the web page (web/dist)...\n");
const vite = path.join(here, "..", "node_modules", "vite", "bin", "vite.js");
const run = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], { cwd: here, stdio: "inherit" });
if (run.status !== 0) {
  process.stderr.write("nps: the web page did not build; the API still starts and says so at /\n");
  process.exit(process.argv.includes("--strict") ? 1 : 0);
}
fs.writeFileSync(stamp, `${hash}\n`);
process.stderr.write(`nps: web page built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
