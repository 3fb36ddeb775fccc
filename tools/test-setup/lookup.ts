import * as fs from "node:fs";
import * as path from "node:path";

/** Where commands are looked for: PATH, then the sbin folders a non-login root shell may lack. */
export function searchPath(envPath: string | undefined): string[] {
  const dirs = (envPath ?? "").split(path.delimiter).filter(Boolean);
  return [...new Set([...dirs, "/usr/local/sbin", "/usr/sbin", "/sbin"])];
}

export function findCommand(command: string, dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    const file = path.join(dir, command);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}
