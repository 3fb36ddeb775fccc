import fs from "node:fs";
import path from "node:path";
import { CliError } from "../cli-error";
import { sidecarNameOf, SidecarSchema, DUMP_SUFFIX, type Sidecar } from "./backup-files";

/** Reading and writing `.meta.json` sidecars; written to a temporary name and renamed, so a reader never sees half of one. */

export async function writeSidecar(file: string, sidecar: Sidecar): Promise<void> {
  const tmp = `${file}.tmp`;
  await fs.promises.writeFile(tmp, `${JSON.stringify(sidecar, null, 2)}\n`, { flag: "w" });
  await fs.promises.rename(tmp, file);
}

export function sidecarPathOf(dumpFile: string): string {
  return path.join(path.dirname(dumpFile), sidecarNameOf(path.basename(dumpFile)));
}

/** The sidecar of a dump, checked; a CliError saying what is wrong when it is missing or not ours. */
export async function readSidecar(dumpFile: string): Promise<Sidecar> {
  if (!dumpFile.endsWith(DUMP_SUFFIX)) throw new CliError(`${dumpFile}: not a backup (expected a ${DUMP_SUFFIX} file)`, 2);
  const file = sidecarPathOf(dumpFile);
  let text: string;
  try {
    text = await fs.promises.readFile(file, "utf8");
  } catch {
    throw new CliError(`${path.basename(dumpFile)} has no ${path.basename(file)} beside it: not an NPS backup, or its sidecar was lost`, 1);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(`${path.basename(file)} is not JSON: refusing the backup`, 1);
  }
  const parsed = SidecarSchema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".") || "sidecar").join(", ");
    throw new CliError(`${path.basename(file)} is not an NPS backup sidecar (bad ${fields})`, 1);
  }
  if (parsed.data.filename !== path.basename(dumpFile)) {
    throw new CliError(`${path.basename(file)} describes ${parsed.data.filename}, not ${path.basename(dumpFile)}`, 1);
  }
  return parsed.data;
}
