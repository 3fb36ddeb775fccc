import * as fs from "node:fs";
import * as path from "node:path";
import { isProcessAlive } from "../../services/lib/db/embedded";

/**
 * One real-engine test at a time on a machine: the dev stack's containers, networks and volumes
 * have fixed names, and a run stops the engine it started. Two checkouts testing at once would
 * remove each other's containers, so each takes this lock (a file holding its pid, created
 * exclusively) for the whole suite and waits while another live process holds it; a lock left by
 * a killed run is taken over.
 */
export interface EngineLock {
  release(): void;
}

export async function lockEngine(file: string, options: { timeoutMs?: number; onWait?: (holder: number) => void } = {}): Promise<EngineLock> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + (options.timeoutMs ?? 60 * 60_000);
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return { release: () => releaseIfOurs(file) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const holder = Number(fs.readFileSync(file, "utf8").trim());
    if (!Number.isInteger(holder) || holder <= 0 || !isProcessAlive(holder)) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`the real-engine test lock ${file} is still held by process ${holder}`);
    if (!told) options.onWait?.(holder);
    told = true;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function releaseIfOurs(file: string): void {
  try {
    if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.rmSync(file, { force: true });
  } catch {
    // Already gone.
  }
}
