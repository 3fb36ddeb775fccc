#!/usr/bin/env node
"use strict";
// The `nps` front door. Container images carry compiled JavaScript under dist/;
// a checkout runs the TypeScript sources through tsx, with both its CJS hook (for
// `require`) and its ESM hook (for the lazy `import()` each command uses).
const path = require("node:path");
const fs = require("node:fs");

async function load() {
  const compiled = path.join(__dirname, "..", "dist", "services", "cli.js");
  if (fs.existsSync(compiled)) return require(compiled);
  require("tsx/cjs/api").register();
  // The ESM build of tsx's API: its CJS build resolves its own loader path wrongly.
  (await import("tsx/esm/api")).register();
  return require(path.join(__dirname, "..", "services", "cli.ts"));
}

load()
  .then((cli) => cli.main(process.argv))
  .then(
    (code) => {
      if (typeof code === "number") process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`nps: ${err && err.stack ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    },
  );
