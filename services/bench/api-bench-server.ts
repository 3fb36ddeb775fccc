/**
 * The server side of `nps bench api`, run as its own process so the load generator does not share
 * its event loop: a bare node:http hello-world, the answer replay (./answer-replay.ts) and the full API (createApp on a scratch database,
 * Redis when REDIS_URL is set, the Oracle in-process as `nps start` runs it) on free ports. It seeds a signed-in bench
 * account with a page of readings, prints one JSON line describing itself, and runs until killed.
 */
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { MINUTE } from "express-rate-limit";
import { postgresDatabase, type Database } from "../lib/db/database";
import { openDatabase } from "../lib/db/open-database";
import { silentLogger } from "../lib/logger";
import { trackForDrain } from "../lib/http-drain";
import { listen } from "../lib/side-http";
import { createTestDatabase } from "../lib/testing/test-database";
import { startTestApi } from "../api/testing/api-harness";
import { HISTORY_SEED_READINGS } from "./api-bench-scenarios";
import { answerReplayServer } from "./answer-replay";

export interface BenchServerInfo {
  readonly bareUrl: string;
  /** Bare node:http answering each scenario's own answer (./answer-replay.ts). */
  readonly replayUrl: string;
  readonly apiUrl: string;
  readonly token: string;
  /** "METHOD /openapi/path" of every route the API serves, so scenarios can tell whether theirs exists. */
  readonly routes: readonly string[];
  readonly database: string;
  readonly redis: string;
}

const UNLIMITED = { limit: 1_000_000_000, windowMs: MINUTE };

/** The pool size the API gets in production (services/lib/db/database.ts's default). */
const POOL_MAX = 10;

/** A scratch database: a fresh copy on the local PostgreSQL, or embedded PGlite in a temporary folder. */
async function scratchDatabase(): Promise<{ db: Database; label: string; drop: () => Promise<void> }> {
  try {
    const t = await createTestDatabase();
    const db = postgresDatabase(t.url, { max: POOL_MAX, applicationName: "nps-bench" });
    return { db, label: "postgresql", drop: async () => {
      await db.close();
      await t.drop();
    } };
  } catch {
    const dataDir = path.join(os.tmpdir(), `nps-bench-${randomBytes(4).toString("hex")}`);
    const db = await openDatabase({ database: { kind: "embedded", dataDir }, migrateOnStart: true }, silentLogger);
    return { db, label: "embedded", drop: () => db.close() };
  }
}

async function main(): Promise<void> {
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"status":"healthy"}');
  });
  const barePort = await listen(bare, 0, "127.0.0.1");
  const replay = answerReplayServer();
  const replayPort = await listen(replay, 0, "127.0.0.1");

  const scratch = await scratchDatabase();
  const redisUrl = process.env.REDIS_URL;
  const api = await startTestApi(scratch.db, {
    redisUrl: redisUrl ?? "memory",
    // The Oracle in this process, as `nps start` runs it (the containers reach it over gRPC).
    oracleTarget: null,
    limits: { general: UNLIMITED, ai: UNLIMITED, login: UNLIMITED },
    env: { LOG_LEVEL: "error" },
  });
  const server = http.createServer(api.api.handler);
  server.keepAliveTimeout = 65_000;
  // As main.ts builds it: every request passes the drain's bookkeeping.
  trackForDrain(server);
  const apiPort = await listen(server, 0, "127.0.0.1");
  const apiUrl = `http://127.0.0.1:${apiPort}`;

  const { user, password } = await api.createUser("user");
  const login = await fetch(`${apiUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: user.username, password }),
  });
  const { access_token: token } = (await login.json()) as { access_token: string };
  for (let i = 0; i < HISTORY_SEED_READINGS; i++) {
    await api.deps.repos.readings.create({ ownerId: user.id, readingType: "time", signValue: `bench ${i}`, result: { seed: i }, confidenceScore: 50 + (i % 40) });
  }

  const doc = (await (await fetch(`${apiUrl}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));

  const info: BenchServerInfo = { bareUrl: `http://127.0.0.1:${barePort}`, replayUrl: `http://127.0.0.1:${replayPort}`, apiUrl, token, routes, database: scratch.label, redis: redisUrl ? "redis" : "memory" };
  process.stdout.write(`${JSON.stringify(info)}\n`);

  const stop = async () => {
    server.close();
    bare.close();
    replay.close();
    await api.close();
    await scratch.drop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`api bench server failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
