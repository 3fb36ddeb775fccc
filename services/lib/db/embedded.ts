import fs from "node:fs";
import path from "node:path";
import type { Logger } from "../logger";
import { ensurePrivateDir } from "../private-dir";
import { StartupError } from "../startup-error";
import { isProcessAlive } from "../processes";

/**
 * The embedded default: PGlite (PostgreSQL compiled to WebAssembly) keeping its files in a
 * directory, served through pglite-socket so that the very same pg Pool code runs on it. Used
 * only when neither DATABASE_URL nor POSTGRES_HOST is set.
 *
 * PGlite checks no password, so it listens on no TCP port at all: a unix socket in a folder
 * beside the data (`run/`, 0700; the socket 0600) is reachable by this account alone.
 *
 * PGlite is one session behind every socket connection; ./database.ts lists the rules that
 * follow from that. A lock file beside the data directory keeps a second process (which would
 * corrupt the files) from opening the same directory.
 */

export interface EmbeddedServer {
  /** postgresql:///postgres?host=<socket folder>&user=postgres */
  readonly url: string;
  /** The socket file itself. */
  readonly socketPath: string;
  close(): Promise<void>;
}

export class EmbeddedDatabaseBusyError extends Error {
  override readonly name = "EmbeddedDatabaseBusyError";
  constructor(dataDir: string, pid: number) {
    super(`the embedded database in ${dataDir} is in use by process ${pid} (another nps start?); stop that process, or set NPS_DATA_DIR to another folder (or DATABASE_URL to a PostgreSQL server)`);
  }
}

/** Enough for the pool, a migrator and the odd tool; PGlite runs one query at a time regardless. */
const MAX_SOCKET_CONNECTIONS = 32;
/** libpq and node-postgres look for `<folder>/.s.PGSQL.<port>`; the port is only a name here. */
const SOCKET_NAME = ".s.PGSQL.5432";
/** Linux keeps at most 107 bytes of a socket's path. */
const MAX_SOCKET_PATH = 107;

/** Where the embedded server of a data directory listens. */
export function socketFolderOf(dataDir: string): string {
  return path.join(path.dirname(dataDir), "run");
}

export { isProcessAlive } from "../processes";

function takeLock(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  ensurePrivateDir(path.dirname(lockFile));
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number.parseInt(fs.readFileSync(lockFile, "utf8"), 10);
      if (Number.isInteger(holder) && isProcessAlive(holder)) throw new EmbeddedDatabaseBusyError(dataDir, holder);
      fs.rmSync(lockFile, { force: true }); // left behind by a process that died
    }
  }
}

export async function startEmbeddedServer(dataDir: string, logger?: Logger): Promise<EmbeddedServer> {
  const release = takeLock(dataDir);
  try {
    const started = Date.now();
    const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
    const [{ PGlite }, { citext }, { pg_trgm }, { PGLiteSocketServer }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("@electric-sql/pglite/contrib/citext"),
      import("@electric-sql/pglite/contrib/pg_trgm"),
      import("@electric-sql/pglite-socket"),
    ]);
    const folder = socketFolderOf(dataDir);
    const socketPath = path.join(folder, SOCKET_NAME);
    if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) {
      throw new StartupError(`the embedded database's socket path ${socketPath} is longer than ${MAX_SOCKET_PATH} bytes; set NPS_DATA_DIR to a shorter path`);
    }
    ensurePrivateDir(folder);
    // Left by a process that died (the lock above says none is alive).
    fs.rmSync(socketPath, { force: true });
    const db = await PGlite.create({ dataDir, extensions: { citext, pg_trgm } });
    const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: MAX_SOCKET_CONNECTIONS });
    try {
      await server.start();
      fs.chmodSync(socketPath, 0o600);
    } catch (err) {
      await server.stop().catch(() => undefined);
      await db.close();
      throw err;
    }
    logger?.info({ dataDir, fresh, ms: Date.now() - started }, fresh ? "created the embedded database" : "opened the embedded database");
    let closing: Promise<void> | undefined;
    return {
      url: `postgresql:///postgres?host=${encodeURIComponent(folder)}&user=postgres`,
      socketPath,
      close() {
        closing ??= (async () => {
          try {
            await server.stop();
            await db.close();
          } finally {
            release();
          }
        })();
        return closing;
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
