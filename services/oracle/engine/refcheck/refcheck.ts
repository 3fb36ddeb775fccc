/** The work of `nps refcheck`: load, run, print one line per failure and the totals. */
import { CliError } from "../../../cli-error";
import { buildRegistry } from "./all-registrations";
import { CaseFileError, loadCaseFile } from "./case-file";
import { runCaseFile } from "./run-cases";

/** Returns the exit code: 0 when every case passed, 1 otherwise. */
export function refcheckFile(file: string, print: (line: string) => void): number {
  let cases;
  try {
    cases = loadCaseFile(file);
  } catch (err) {
    if (err instanceof CaseFileError) throw new CliError(err.message, 2);
    throw err;
  }
  const report = runCaseFile(cases, buildRegistry());
  for (const o of report.outcomes) if (!o.passed) print(`${o.id}: ${o.reason}`);
  print(`${report.passed} passed, ${report.failed} failed`);
  return report.failed === 0 ? 0 : 1;
}
