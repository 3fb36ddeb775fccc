import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { CliError } from "../cli-error";
import { parseHeaderLine, type Sidecar } from "./backup-files";
import { knownSchema } from "./database-facts";
import { readSidecar } from "./sidecar-io";

/**
 * The checks a backup passes before anything touches a database: its sidecar is ours and names
 * it, its size and sha256 are the sidecar's (a truncated or damaged file fails here), its first
 * line is our header and agrees with the sidecar (a foreign dump given a sidecar fails here), and
 * its schema is one this build knows (a newer one fails here). Each failure says why.
 */

export async function sha256File(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  await pipeline(fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), async function* (chunks: AsyncIterable<Buffer>) {
    for await (const c of chunks) {
      hash.update(c);
      size += c.length;
    }
    yield* [];
  });
  return { sha256: hash.digest("hex"), size };
}

/** The first line of the gunzipped dump (reads only as far as it needs). */
export async function firstLine(file: string): Promise<string> {
  const gunzip = fs.createReadStream(file, { start: 0, end: 64 * 1024 }).pipe(zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  let text = "";
  try {
    for await (const chunk of gunzip) {
      text += (chunk as Buffer).toString("utf8");
      const nl = text.indexOf("\n");
      if (nl >= 0) return text.slice(0, nl);
      if (text.length > 16 * 1024) break;
    }
  } catch {
    return "";
  } finally {
    gunzip.destroy();
  }
  return text.split("\n")[0] ?? "";
}

export async function checkBackup(file: string): Promise<Sidecar> {
  const name = path.basename(file);
  if (!fs.existsSync(file)) throw new CliError(`${file}: no such backup`, 2);
  const sidecar = await readSidecar(file);
  const { sha256, size } = await sha256File(file);
  if (size !== sidecar.size_bytes) {
    throw new CliError(`${name} is ${size} bytes, its sidecar says ${sidecar.size_bytes}: the file is truncated or damaged; refusing it`, 1);
  }
  if (sha256 !== sidecar.sha256) throw new CliError(`${name}: sha256 ${sha256} does not match its sidecar's ${sidecar.sha256}: the file is damaged; refusing it`, 1);
  const header = parseHeaderLine(await firstLine(file));
  if (!header) throw new CliError(`${name} does not start with an NPS backup header: a foreign dump; refusing it`, 1);
  const disagree = (["type", "timestamp", "schema_version", "database"] as const).filter((k) => header[k] !== sidecar[k]);
  if (disagree.length) throw new CliError(`${name}: its header and its sidecar disagree on ${disagree.join(", ")}; refusing it`, 1);
  const schema = knownSchema(sidecar.schema_version);
  if (!schema.ok) throw new CliError(`${name}: ${schema.reason}`, 1);
  return sidecar;
}
