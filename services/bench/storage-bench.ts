/**
 * `nps bench storage`: bytes on disk per stored reading. Readings are made through the API as a
 * user makes them (POST /api/oracle/readings, encryption on) on a scratch database of the local
 * PostgreSQL, and each kind is measured as the growth of pg_total_relation_size (table, TOAST and
 * every index) of the reading tables over a known count, after VACUUM so free space is not counted.
 */
import { createTestDatabase } from "../lib/testing/test-database";
import { startTestApi } from "../api/testing/api-harness";
import { BENCH_PROFILE } from "./api-bench-scenarios";
import { progressReporter } from "./measure";

export interface StorageBenchOptions {
  readonly json: boolean;
  readonly quick: boolean;
}

export interface StorageKind {
  readonly name: string;
  readonly description: string;
  readonly readings: number;
  readonly bytes_per_reading: number;
}

export interface StorageBenchResult {
  readonly kinds: StorageKind[];
  /** The goal: at most this many bytes per stored reading, encrypted parts included. */
  readonly goal_bytes: number;
}

export const GOAL_BYTES = 4096;

const TABLES = ["oracle_readings", "oracle_reading_users", "oracle_daily_readings"];


/** The kinds measured: the benchmark's reading, and the same with the engine's interpretation (include_ai's default). */
const KINDS = [
  { name: "time_reading", description: "POST /readings, time, include_ai false (the API benchmark's reading)", body: (profileId: string, date: string, time: string) => ({ reading_type: "time", profile_id: profileId, include_ai: false, date, time }) },
  { name: "time_reading_told", description: "the same with include_ai true and no model: the engine's text as the interpretation", body: (profileId: string, date: string, time: string) => ({ reading_type: "time", profile_id: profileId, date, time }) },
  { name: "question_reading_told", description: "a question (stored encrypted), include_ai true and no model", body: (profileId: string, date: string, time: string) => ({ reading_type: "question", profile_id: profileId, date, time, question: "Will the new project I am starting this spring bring me the freedom I want?" }) },
  { name: "chart", description: "POST /chart of the profile: the complete chart with its working and meanings", path: "/api/oracle/chart", body: (profileId: string, date: string) => ({ profile_id: profileId, date }) },
] as const;

export async function runStorageBench(opts: StorageBenchOptions, out: (s: string) => void = (s) => process.stdout.write(s)): Promise<StorageBenchResult> {
  const progress = progressReporter();
  const count = opts.quick ? 200 : 1000;
  const t = await createTestDatabase();
  const api = await startTestApi(t.db, { redisUrl: "memory" });
  const kinds: StorageKind[] = [];
  try {
    const { default: request } = await import("supertest");
    const user = await api.signIn("user");
    const auth = { authorization: `Bearer ${user.token}` };
    const profile = await request(api.api.app).post("/api/oracle/profiles").set(auth).send(BENCH_PROFILE);
    if (profile.status !== 201) throw new Error(`profile: ${profile.status} ${JSON.stringify(profile.body)}`);
    const size = async () => {
      await t.db.query(`VACUUM ${TABLES.join(", ")}`);
      const { rows } = await t.db.query<{ bytes: string }>(`SELECT sum(pg_total_relation_size(t::regclass))::text AS bytes FROM unnest($1::text[]) AS t`, [TABLES]);
      return Number(rows[0]!.bytes);
    };
    for (const kind of KINDS) {
      const before = await size();
      for (let i = 0; i < count; i++) {
        if (i % 50 === 0) progress(`${kind.name}: ${i}/${count}`);
        // A different moment each time, as real readings have.
        const at = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000 * 7).toISOString();
        const res = await request(api.api.app)
          .post("path" in kind ? kind.path : "/api/oracle/readings")
          .set(auth)
          .send(kind.body(profile.body.id as string, at.slice(0, 10), at.slice(11, 19)));
        if (res.status !== 201) throw new Error(`${kind.name}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      kinds.push({ name: kind.name, description: kind.description, readings: count, bytes_per_reading: Math.round((await size()) - before) / count });
    }
  } finally {
    progress("");
    await api.close();
    await t.drop();
  }
  const result: StorageBenchResult = { kinds, goal_bytes: GOAL_BYTES };
  if (opts.json) out(`${JSON.stringify(result)}\n`);
  else out(`${kinds.map((k) => `${k.name.padEnd(24)} ${String(Math.round(k.bytes_per_reading)).padStart(7)} bytes per reading over ${k.readings} (${k.description})`).join("\n")}\n`);
  return result;
}
