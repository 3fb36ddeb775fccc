import fs from "node:fs";
import type { Sidecar } from "../backup-files";
import { sidecarPathOf } from "../sidecar-io";

/** A dump's sidecar as it is on disk, unchecked: what a test compares a command's output with. */
export const sidecarOnDisk = (dumpFile: string): Sidecar => JSON.parse(fs.readFileSync(sidecarPathOf(dumpFile), "utf8")) as Sidecar;
