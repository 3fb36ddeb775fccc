import { expect } from "chai";
import path from "node:path";
import ts from "typescript";

/**
 * A field added to the contract must be handled by the API, the storage and (when a reading reads
 * it) the Oracle, or the project does not compile. This compiles the modules that handle profile
 * fields against a copy of services/contract/profile.ts with one more field, and expects each of
 * them to fail, naming the field; the same modules against the real contract compile cleanly.
 */

const ROOT = path.resolve(__dirname, "../..");
const CONTRACT = path.join(ROOT, "services/contract/profile.ts");

/** Where each part handles profile fields: a table keyed by the contract's fields. */
const API = "services/api/oracle/profile-schemas.ts";
const STORAGE = "services/lib/db/repositories/oracle-profiles.ts";
const ORACLE_VALIDATOR = "services/oracle/readings/validation.ts";
const ORACLE_WIRE = "services/oracle/grpc/methods.ts";
const HANDLERS = [API, STORAGE, ORACLE_VALIDATOR, ORACLE_WIRE];

function compilerOptions(): ts.CompilerOptions {
  const file = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  return { ...ts.parseJsonConfigFileContent(file.config, ts.sys, ROOT).options, noEmit: true };
}

/** The contract's source with more fields: each read by the Oracle or not. */
function withFields(source: string, added: Readonly<Record<string, boolean>>): string {
  const fields = "export interface ProfileFields {\n";
  const table = "export const PROFILE_FIELDS = {\n";
  expect(source).to.include(fields).and.include(table);
  const names = Object.keys(added);
  return source
    .replace(fields, `${fields}${names.map((f) => `  ${f}: string | null;\n`).join("")}`)
    .replace(table, `${table}${names.map((f) => `  ${f}: { oracle: ${added[f]}, secret: false },\n`).join("")}`);
}

/** The errors of each file (relative to the root) when the handlers are compiled against `contract`. */
function compile(contract: string): Map<string, string> {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) =>
    path.resolve(fileName) === CONTRACT ? ts.createSourceFile(fileName, contract, language) : read(fileName, language, onError, shouldCreate);
  const program = ts.createProgram({ rootNames: HANDLERS.map((f) => path.join(ROOT, f)), options, host });
  const files = new Map<string, string>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file ? path.relative(ROOT, d.file.fileName) : "(global)";
    files.set(file, `${files.get(file) ?? ""}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}\n`);
  }
  return files;
}

describe("adding a profile field to the contract", function () {
  // The compiler loads zod's and grpc-js's typings: seconds, not milliseconds. The unchanged
  // contract compiling cleanly is `npm test`'s own tsc run.
  this.timeout(240_000);

  it("does not compile until the API and the storage handle it, and the Oracle too when readings use it", () => {
    const errors = compile(withFields(ts.sys.readFile(CONTRACT)!, { birth_place: true, nickname: false }));
    expect([...errors.keys()].sort()).to.deep.equal([...HANDLERS].sort());
    for (const file of [API, STORAGE]) expect(errors.get(file), file).to.include("birth_place").and.include("nickname");
    for (const file of [ORACLE_VALIDATOR, ORACLE_WIRE]) {
      expect(errors.get(file), file).to.include("birth_place");
      expect(errors.get(file), file).not.to.include("nickname");
    }
  });
});
