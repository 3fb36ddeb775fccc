import fs from "node:fs";
import path from "node:path";
import type { Logger } from "../logger";

/**
 * The embedded default: PGlite (PostgreSQL compiled to WebAssembly) keeping its files in a
 * directory, served on 127.0.0.1 through pglite-socket so that the very same pg Pool code runs
 * on it. Used only when neither DATABASE_URL nor POSTGRES_HOST is set.
 *
 * PGlite is one session behind every socket connection; ./database.ts lists the rules that
 * follow from that. A lock file beside the data directory keeps a second process (which would
 * corrupt the files) from opening the same directory.
 */

export interface EmbeddedServer {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  close(): Promise<void>;
}

export class EmbeddedDatabaseBusyError extends Error {
  override readonly name = "EmbeddedDatabaseBusyError";
  constructor(dataDir: string, pid: number) {
    super(`the embedded database in ${dataDir} is in use by process ${pid}; stop it first, or set DATABASE_URL to use a PostgreSQL server`);
  }
}

/** Enough for the pool, a migrator and the odd tool; PGlite runs one query at a time regardless. */
const MAX_SOCKET_CONNECTIONS = 32;

/** true while a process with this id runs on this machine (lock files record one). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function takeLock(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
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
    const db = await PGlite.create({ dataDir, extensions: { citext, pg_trgm } });
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: MAX_SOCKET_CONNECTIONS });
    try {
      await server.start();
    } catch (err) {
      await db.close();
      throw err;
    }
    logger?.info({ dataDir, fresh, ms: Date.now() - started }, fresh ? "created the embedded database" : "opened the embedded database");
    let closing: Promise<void> | undefined;
    return {
      url: `postgresql://postgres@${server.getServerConn()}/postgres`,
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
