import { expect } from "chai";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./lib/cache/test-redis-server";
import { createTestDatabase, type TestDatabase } from "./lib/testing/test-database";
import { accepts, baseEnv, exitWithin, holdPort, spawnNps, testSigningKey } from "./lib/testing/nps-process";

/** The local addresses (hex, as /proc/net/tcp writes them) of the sockets listening on a port. */
function listenersOn(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const out: string[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      // 0A: LISTEN
      if (local?.endsWith(`:${hexPort}`) && state === "0A") out.push(local.split(":")[0]!);
    }
  }
  return out;
}

/** The one `nps:` line a failed start prints, and no stack trace. */
function oneLine(stderr: string): string {
  const lines = stderr.split("\n").filter((l) => l.startsWith("nps: "));
  expect(lines, stderr).to.have.length(1);
  expect(stderr, "no stack trace").not.to.match(/^\s+at /m);
  return lines[0]!;
}

describe("nps start: a start that cannot finish", function () {
  this.timeout(120_000);
  let t: TestDatabase;
  let ports: { api: number; grpc: number; metrics: number };
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.drop());
  beforeEach(async () => {
    ports = { api: await freePort(), grpc: await freePort(), metrics: await freePort() };
  });

  const env = (extra: Record<string, string> = {}) =>
    baseEnv({
      DATABASE_URL: t.url,
      API_SECRET_KEY: testSigningKey(),
      API_PORT: String(ports.api),
      ORACLE_GRPC_PORT: String(ports.grpc),
      ORACLE_METRICS_PORT: String(ports.metrics),
      NPS_ADMIN_PASSWORD: "first admin password",
      ...extra,
    });

  it("a busy Oracle metrics port: one line naming ORACLE_METRICS_PORT, nothing left running, exit 1", async () => {
    const busy = await holdPort();
    try {
      const nps = spawnNps(["start"], env({ ORACLE_METRICS_PORT: String(busy.port) }));
      expect(await exitWithin(nps, 60_000)).to.equal(1);
      const line = oneLine(nps.stderr());
      expect(line).to.contain("Oracle metrics").and.to.contain(`127.0.0.1:${busy.port}`).and.to.contain("ORACLE_METRICS_PORT");
      expect(await accepts(ports.grpc)).to.equal(false);
      expect(await accepts(ports.api)).to.equal(false);
    } finally {
      await busy.release();
    }
  });

  it("a busy gRPC port: names ORACLE_GRPC_PORT, and the metrics port that had opened is closed again", async () => {
    const busy = await holdPort();
    try {
      const nps = spawnNps(["start", "--only", "oracle"], env({ ORACLE_GRPC_PORT: String(busy.port) }));
      expect(await exitWithin(nps, 60_000)).to.equal(1);
      expect(oneLine(nps.stderr())).to.contain("ORACLE_GRPC_PORT");
      expect(nps.logs.map((l) => l.msg)).to.include.members(["start failed; stopping what had started", "stopped"]);
    } finally {
      await busy.release();
    }
  });

  it("a busy API port after the Oracle has started: names API_PORT, stops the Oracle, exit 1", async () => {
    const busy = await holdPort();
    try {
      const nps = spawnNps(["start"], env({ API_PORT: String(busy.port) }));
      expect(await exitWithin(nps, 90_000)).to.equal(1);
      expect(oneLine(nps.stderr())).to.contain(`127.0.0.1:${busy.port}`).and.to.contain("API_PORT");
      expect(nps.logs.some((l) => l.msg === "oracle serving")).to.equal(true);
      expect(await accepts(ports.grpc)).to.equal(false);
      expect(await accepts(ports.metrics)).to.equal(false);
    } finally {
      await busy.release();
    }
  });

  it("listens on 127.0.0.1 only, unless NPS_BIND_HOST says otherwise", async () => {
    for (const [bind, expected] of [[undefined, "0100007F"], ["0.0.0.0", "00000000"]] as const) {
      const e = env(bind ? { NPS_BIND_HOST: bind } : {});
      const nps = spawnNps(["start", "--only", "oracle"], e);
      try {
        await nps.waitForLog((l) => l.msg === "oracle serving");
        expect(listenersOn(ports.grpc), `gRPC with NPS_BIND_HOST=${bind}`).to.deep.equal([expected]);
        expect(listenersOn(ports.metrics), `metrics with NPS_BIND_HOST=${bind}`).to.deep.equal([expected]);
      } finally {
        nps.child.kill("SIGTERM");
        await nps.exited;
      }
      ports = { api: await freePort(), grpc: await freePort(), metrics: await freePort() };
    }
  });

  it("the API listens on 127.0.0.1 only, unless API_HOST says otherwise", async () => {
    for (const [host, expected] of [[undefined, "0100007F"], ["0.0.0.0", "00000000"]] as const) {
      const nps = spawnNps(["start", "--only", "api"], env(host ? { API_HOST: host } : {}));
      try {
        await nps.waitForLog((l) => l.msg === "api serving");
        expect(listenersOn(ports.api), `API with API_HOST=${host}`).to.deep.equal([expected]);
      } finally {
        nps.child.kill("SIGTERM");
        await nps.exited;
      }
      ports = { api: await freePort(), grpc: await freePort(), metrics: await freePort() };
    }
  });

  it("a data directory another nps start holds: names NPS_DATA_DIR, exit 1", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-held-"));
    try {
      // The lock of a live process (this one): what a running `nps start` leaves beside its data.
      fs.writeFileSync(path.join(dir, "pgdata.lock"), String(process.pid));
      const e = env({ NPS_DATA_DIR: dir });
      delete e.DATABASE_URL;
      const nps = spawnNps(["start"], e);
      expect(await exitWithin(nps, 60_000)).to.equal(1);
      const line = oneLine(nps.stderr());
      expect(line).to.contain(`process ${process.pid}`).and.to.contain("NPS_DATA_DIR");
      expect(await accepts(ports.grpc)).to.equal(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
