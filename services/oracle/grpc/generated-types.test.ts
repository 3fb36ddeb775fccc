import { expect } from "chai";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pkg from "../../../package.json";

/**
 * The wire types under generated/ are proto-loader-gen-types' output for proto/oracle.proto, with
 * the options of `npm run proto:types`. Regenerated here into a scratch folder, they must be the
 * committed files, byte for byte: a proto change without `npm run proto:types` fails.
 */

const ROOT = path.resolve(__dirname, "../../..");
const COMMITTED = path.join(__dirname, "generated");

function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), fs.readFileSync(full, "utf8"));
    }
  };
  walk(dir);
  return out;
}

describe("generated wire types", () => {
  it("are what `npm run proto:types` writes from proto/oracle.proto today", () => {
    const [bin, ...args] = pkg.scripts["proto:types"].split(" ");
    expect(bin).to.equal("proto-loader-gen-types");
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "nps-proto-types-"));
    try {
      const out = args.indexOf("-O");
      expect(args[out + 1]).to.equal(path.relative(ROOT, COMMITTED));
      args[out + 1] = scratch;
      const generator = require.resolve("@grpc/proto-loader/build/bin/proto-loader-gen-types.js");
      execFileSync(process.execPath, [generator, ...args], { cwd: ROOT, stdio: "pipe" });
      const fresh = filesUnder(scratch);
      const committed = filesUnder(COMMITTED);
      expect([...committed.keys()].sort()).to.deep.equal([...fresh.keys()].sort());
      for (const [file, text] of fresh) expect(committed.get(file), file).to.equal(text);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});
