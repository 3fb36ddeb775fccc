import { expect } from "chai";
import dotenv from "dotenv";
import jwt from "jsonwebtoken";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../lib/cache/test-redis-server";
import { loadConfig } from "../lib/config/load-config";
import { ENCRYPT_EXISTING_MARKER, LOCAL_SECRETS_FILE } from "../lib/config/local-secrets";
import { FieldCipher } from "../lib/crypto/field-cipher";
import { openDatabase } from "../lib/db/open-database";
import { createRepositories } from "../lib/db/repositories";
import { silentLogger } from "../lib/logger";
import { makeProfile, makeUser } from "../lib/testing/fixtures";
import { baseEnv, exitWithin, spawnNps, type SpawnedNps } from "../lib/testing/nps-process";

async function call(port: number, method: string, route: string, token?: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${port}${route}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("the embedded default's first start (nps start --only api, no servers, no .env)", function () {
  this.timeout(240_000);
  let cwd: string;
  let port: number;
  let api: SpawnedNps | undefined;
  const dataDir = () => path.join(cwd, ".nps");

  const start = async (): Promise<SpawnedNps> => {
    api = spawnNps(["start", "--only", "api"], baseEnv({ API_PORT: String(port), ORACLE_GRPC_HOST: "127.0.0.1", ORACLE_GRPC_PORT: String(await freePort()) }), { cwd });
    await api.waitForLog((l) => l.msg === "api serving", 180_000);
    return api;
  };
  const stop = async (): Promise<void> => {
    api!.child.kill("SIGTERM");
    expect(await exitWithin(api!, 60_000)).to.equal(0);
    api = undefined;
  };

  before(async () => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), "nps-first-"));
    port = await freePort();
    // What an earlier release left: a database whose mother names were stored as plaintext (no key).
    const config = loadConfig({}, { cwd, service: "backup" });
    const db = await openDatabase(config, silentLogger);
    const repos = createRepositories(db, new FieldCipher([], false));
    await makeProfile(repos, await makeUser(repos), { name: "Old Row", mother_name: "Stored In Plaintext" });
    await db.close();
  });
  after(() => {
    api?.child.kill("SIGKILL");
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  it("generates its own keys (owner-only), never the published one, encrypts the old rows, and keeps the keys across restarts", async () => {
    const first = await start();
    const file = path.join(dataDir(), LOCAL_SECRETS_FILE);
    expect(fs.statSync(file).mode & 0o777).to.equal(0o600);
    expect(fs.statSync(dataDir()).mode & 0o777).to.equal(0o700);
    const secrets = dotenv.parse(fs.readFileSync(file));
    expect(secrets.API_SECRET_KEY).to.match(/^[0-9a-f]{64}$/);
    expect(secrets.NPS_ENCRYPTION_KEY).to.match(/^[0-9a-f]{64}$/);
    expect(secrets.NPS_ENCRYPTION_SALT).to.match(/^[0-9a-f]{32}$/);
    expect(first.logs.some((l) => l.msg === "encrypted the rows stored before the encryption key existed" && l.rows === 1)).to.equal(true);
    expect(fs.existsSync(path.join(dataDir(), ENCRYPT_EXISTING_MARKER))).to.equal(false);
    expect(first.logs.some((l) => String(l.msg).includes("stored as plaintext"))).to.equal(false);

    // The first administrator's password, shown once on stderr.
    const password = /password: (\S+)/.exec(first.stderr())?.[1];
    expect(password, first.stderr()).to.be.a("string");
    const login = await call(port, "POST", "/api/auth/login", undefined, { username: "admin", password });
    expect(login.status).to.equal(200);
    const token = login.body.access_token as string;
    expect(() => jwt.verify(token, secrets.API_SECRET_KEY!)).not.to.throw();
    expect(() => jwt.verify(token, "changeme-generate-a-real-key")).to.throw(/invalid signature/);
    const created = await call(port, "POST", "/api/oracle/profiles", token, { name: "New Row", birth_date: "1990-07-15", mother_name: "Written After The Key" });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    await stop();

    // Every mother name, old and new, is ciphertext at rest.
    const config = loadConfig({}, { cwd, service: "backup" });
    const db = await openDatabase(config, silentLogger);
    try {
      const { rows } = await db.query<{ name: string; mother_name: string }>("SELECT name, mother_name FROM oracle_users ORDER BY name");
      expect(rows.map((r) => r.name)).to.deep.equal(["New Row", "Old Row"]);
      for (const r of rows) expect(r.mother_name).to.match(/^nps1:/);
    } finally {
      await db.close();
    }

    // The same keys the next time: the token from before still signs in, the names still read.
    await start();
    expect(dotenv.parse(fs.readFileSync(file))).to.deep.equal(secrets);
    const me = await call(port, "GET", "/api/auth/me", token);
    expect(me.status, JSON.stringify(me.body)).to.equal(200);
    const profile = await call(port, "GET", `/api/oracle/profiles/${created.body.id as string}`, token);
    expect(profile.body.mother_name).to.equal("Written After The Key");
    await stop();
  });
});
