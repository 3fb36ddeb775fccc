import { execFile } from "node:child_process";
import { promisify } from "node:util";

/**
 * pg_dump for tests: the schema of a database as comparable text, or a whole plain-SQL dump.
 * pg_dump 15.14+ writes a random `\restrict` key into every dump; it is removed so two dumps
 * of the same schema compare equal.
 */

const run = promisify(execFile);

async function dump(url: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run("pg_dump", [...args, "--no-owner", "--no-privileges", url], { maxBuffer: 256 * 1024 * 1024 });
  return stdout
    .split("\n")
    .filter((line) => !/^\\(un)?restrict /.test(line))
    .join("\n");
}

export function schemaDump(url: string): Promise<string> {
  return dump(url, ["--schema-only"]);
}

export function fullDump(url: string): Promise<string> {
  return dump(url, []);
}
