import fs from "node:fs";

/**
 * A directory only its owner can enter (0700), made when missing. NPS keeps what no other local
 * user may read there: the embedded database, its socket, the generated secrets.
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is filtered by the umask and ignored for a directory that already existed.
  fs.chmodSync(dir, 0o700);
}
