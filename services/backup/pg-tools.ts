import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { CliError } from "../cli-error";

/**
 * pg_dump and psql of the PostgreSQL major version the server runs. Debian keeps each installed
 * version under /usr/lib/postgresql/<major>/bin (postgresql-client-15 in the app image), and the
 * PATH's wrapper picks the newest; we look in the version's own directory first, then on PATH,
 * and refuse a tool of another major version: a newer pg_dump writes dumps an older server cannot
 * read back, an older one refuses to dump a newer server.
 */

const run = promisify(execFile);

export type PgToolName = "pg_dump" | "psql";

export interface PgTools {
  readonly pgDump: string;
  readonly psql: string;
  readonly major: number;
}

export class MissingToolError extends CliError {
  constructor(message: string) {
    super(message, 1);
  }
}

export interface FindOptions {
  /** Directories tried before PATH; default: Debian's /usr/lib/postgresql/<major>/bin. */
  readonly dirs?: readonly string[];
  /** The PATH to search (default process.env.PATH). */
  readonly pathEnv?: string;
}

function candidates(tool: PgToolName, major: number, o: FindOptions): string[] {
  const dirs = o.dirs ?? [`/usr/lib/postgresql/${major}/bin`];
  const onPath = (o.pathEnv ?? process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  return [...dirs, ...onPath].map((d) => path.join(d, tool));
}

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** "pg_dump (PostgreSQL) 15.20 (Debian ...)" -> 15. */
export function majorOf(versionOutput: string): number | undefined {
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(versionOutput);
  return m ? Number(m[1]) : undefined;
}

async function findTool(tool: PgToolName, major: number, o: FindOptions): Promise<string> {
  const tried = candidates(tool, major, o);
  const seen: string[] = [];
  for (const file of tried) {
    if (!executable(file)) continue;
    const { stdout } = await run(file, ["--version"]).catch(() => ({ stdout: "" }));
    const found = majorOf(stdout);
    if (found === major) return file;
    seen.push(`${file} is ${found ?? "of an unknown version"}`);
  }
  const why = seen.length ? `; found only ${seen.join(", ")}` : "";
  throw new MissingToolError(
    `${tool} for PostgreSQL ${major} not found (looked in ${[...new Set(tried.map(path.dirname))].join(", ")})${why}: install postgresql-client-${major}`,
  );
}

export async function findPgTools(serverMajor: number, options: FindOptions = {}): Promise<PgTools> {
  const [pgDump, psql] = await Promise.all([findTool("pg_dump", serverMajor, options), findTool("psql", serverMajor, options)]);
  return { pgDump, psql, major: serverMajor };
}

/**
 * How the tools connect: the URL without its password on the command line (visible in `ps`),
 * the password in PGPASSWORD; libpq reads PGSSLMODE from the environment as it is.
 */
export function toolConnection(url: string, applicationName: string): { dbArg: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: applicationName, PGCONNECT_TIMEOUT: "10" };
  if (password) env.PGPASSWORD = password;
  else delete env.PGPASSWORD;
  return { dbArg: u.toString(), env };
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}
