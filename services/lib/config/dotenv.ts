import fs from "node:fs";
import path from "node:path";
import dotenv from "dotenv";

/**
 * Reads `.env` from the working directory when there is one. Variables already in the
 * environment win, so a container's or CI's settings are never overridden by a stray file.
 */
export function loadDotEnv(cwd = process.cwd()): string | undefined {
  const file = path.join(cwd, ".env");
  if (!fs.existsSync(file)) return undefined;
  dotenv.config({ path: file, quiet: true, override: false });
  return file;
}
