import * as grpc from "@grpc/grpc-js";
import { expect } from "chai";
import { InvalidInputError } from "../../lib/errors";
import { silentLogger } from "../../lib/logger";
import { oracleMethods, type MethodKey, type RequestOf } from "../grpc/methods";
import { OracleServer } from "../grpc/server";
import { oracleServiceDefinition } from "../grpc/service-definition";
import { FIELD_METADATA } from "../grpc/status";
import { ReadingService } from "../readings/reading-service";
import { ALICE, AT, JAMES, MARY } from "../testing/fixtures";
import { OracleCallError, OracleClient } from "./oracle-client";

const REQUESTS: [MethodKey, RequestOf<MethodKey>][] = [
  ["time", { profile: ALICE, at: AT }],
  ["daily", { profile: JAMES, date: { year: 2026, month: 2, day: 9 } }],
  ["name", { name: "Mary-Jane", at: AT }],
  ["question", { question: "Should I move abroad?", profile: MARY, at: AT }],
  ["multi", { profiles: [ALICE, JAMES, MARY], at: AT }],
  ["timing", { at: AT }],
  ["stamp", { stamp: "LU-OX-OXWA 🌙TI-HOWU-RAWU" }],
];

async function callAll(client: OracleClient): Promise<{ modes: string[]; results: unknown[] }> {
  const modes: string[] = [];
  const results: unknown[] = [];
  for (const [key, req] of REQUESTS) {
    const served = await (client[key] as (r: unknown) => Promise<{ result: unknown; mode: string }>)(req);
    modes.push(served.mode);
    results.push(served.result);
  }
  return { modes, results };
}

/** A server for the Oracle's service whose handlers answer with a chosen status first. */
async function scriptedServer(answer: (rpc: string, attempt: number) => grpc.StatusObject | null, real: ReadingService): Promise<{ port: number; attempts: Map<string, number>; stop: () => void }> {
  const server = new grpc.Server();
  const attempts = new Map<string, number>();
  const methods = oracleMethods();
  const impl: grpc.UntypedServiceImplementation = {};
  for (const key of Object.keys(methods) as MethodKey[]) {
    const rpc = methods[key].rpc;
    impl[rpc] = (call: grpc.ServerUnaryCall<unknown, unknown>, cb: grpc.sendUnaryData<unknown>) => {
      const n = (attempts.get(rpc) ?? 0) + 1;
      attempts.set(rpc, n);
      const status = answer(rpc, n);
      if (status) return cb(status);
      (real[key] as (r: unknown) => Promise<unknown>).call(real, call.request).then((r) => cb(null, r), cb);
    };
  }
  server.addService(oracleServiceDefinition(), impl);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { port, attempts, stop: () => server.forceShutdown() };
}

const status = (code: grpc.status, details: string, metadata = new grpc.Metadata()): grpc.StatusObject => ({ code, details, metadata });

describe("oracle client", () => {
  const direct = new ReadingService();

  it("answers over gRPC while the server is up, then in direct mode, identically, once it is stopped mid-run", async () => {
    const server = new OracleServer({ readings: new ReadingService(), logger: silentLogger });
    const port = await server.listen("127.0.0.1", 0);
    const client = new OracleClient({ target: `127.0.0.1:${port}`, direct, retryDelayMs: 10 });
    try {
      const before = await callAll(client);
      expect(before.modes).to.deep.equal(REQUESTS.map(() => "grpc"));
      expect(client.mode).to.equal("grpc");
      expect(await client.probe()).to.equal("grpc");

      await server.drain(1_000);
      const after = await callAll(client);
      expect(after.modes).to.deep.equal(REQUESTS.map(() => "direct_mode"));
      expect(after.results).to.deep.equal(before.results);
      expect(client.mode).to.equal("direct_mode");
      expect(await client.probe(300)).to.equal("direct_mode");
    } finally {
      client.close();
      server.forceStop();
    }
  });

  it("goes back to gRPC when the server is reachable again", async () => {
    const first = new OracleServer({ readings: new ReadingService(), logger: silentLogger });
    const port = await first.listen("127.0.0.1", 0);
    const client = new OracleClient({ target: `127.0.0.1:${port}`, direct, retryDelayMs: 10 });
    try {
      expect((await client.timing({ at: AT })).mode).to.equal("grpc");
      first.forceStop();
      expect((await client.timing({ at: AT })).mode).to.equal("direct_mode");
      const second = new OracleServer({ readings: new ReadingService(), logger: silentLogger });
      await second.listen("127.0.0.1", port);
      try {
        let mode = "direct_mode";
        // The channel reconnects with backoff; the client keeps answering in direct mode meanwhile.
        for (let i = 0; i < 200 && mode !== "grpc"; i++) {
          mode = (await client.timing({ at: AT })).mode;
          if (mode !== "grpc") await new Promise((r) => setTimeout(r, 50));
        }
        expect(mode).to.equal("grpc");
        expect(client.mode).to.equal("grpc");
      } finally {
        second.forceStop();
      }
    } finally {
      client.close();
    }
  });

  it("retries UNAVAILABLE with backoff before giving up on the server", async () => {
    const scripted = await scriptedServer((_, n) => (n <= 2 ? status(grpc.status.UNAVAILABLE, "busy") : null), direct);
    const client = new OracleClient({ target: `127.0.0.1:${scripted.port}`, direct, retries: 2, retryDelayMs: 10 });
    try {
      const served = await client.stamp({ stamp: "LU-OX-OXWA" });
      expect(served.mode).to.equal("grpc");
      expect(scripted.attempts.get("CheckStamp")).to.equal(3);
    } finally {
      client.close();
      scripted.stop();
    }
  });

  it("falls back to direct mode when UNAVAILABLE outlasts the retries", async () => {
    const scripted = await scriptedServer(() => status(grpc.status.UNAVAILABLE, "down"), direct);
    const client = new OracleClient({ target: `127.0.0.1:${scripted.port}`, direct, retries: 1, retryDelayMs: 10 });
    try {
      const served = await client.name({ name: "Ed Orr", at: AT });
      expect(served.mode).to.equal("direct_mode");
      expect(served.result).to.deep.equal(await direct.name({ name: "Ed Orr", at: AT }));
      expect(scripted.attempts.get("GetNameReading")).to.equal(2);
    } finally {
      client.close();
      scripted.stop();
    }
  });

  it("without a fallback, reports an unreachable server as an error", async () => {
    const server = new OracleServer({ readings: direct, logger: silentLogger });
    const port = await server.listen("127.0.0.1", 0);
    server.forceStop();
    const client = new OracleClient({ target: `127.0.0.1:${port}`, retries: 1, retryDelayMs: 10 });
    try {
      const err = await client.timing({ at: AT }).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(OracleCallError);
      expect((err as OracleCallError).code).to.equal(grpc.status.UNAVAILABLE);
    } finally {
      client.close();
    }
  });

  it("turns the server's INVALID_ARGUMENT into the InvalidInputError it names, never a fallback", async () => {
    const metadata = new grpc.Metadata();
    metadata.set(FIELD_METADATA, "profile.name");
    const scripted = await scriptedServer(() => status(grpc.status.INVALID_ARGUMENT, "profile.name: must not be blank", metadata), direct);
    const client = new OracleClient({ target: `127.0.0.1:${scripted.port}`, direct });
    try {
      const err = await client.time({ profile: JAMES, at: AT }).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(InvalidInputError);
      expect((err as InvalidInputError).field).to.equal("profile.name");
      expect((err as InvalidInputError).reason).to.equal("must not be blank");
    } finally {
      client.close();
      scripted.stop();
    }
  });

  it("refuses bad input before calling, exactly as direct mode does", async () => {
    const scripted = await scriptedServer(() => null, direct);
    const client = new OracleClient({ target: `127.0.0.1:${scripted.port}`, direct });
    try {
      const bad = { profiles: [ALICE], at: AT };
      const over = (await client.multi(bad).catch((e: unknown) => e)) as InvalidInputError;
      const local = (await direct.multi(bad).catch((e: unknown) => e)) as InvalidInputError;
      expect(over).to.be.instanceOf(InvalidInputError);
      expect(over.message).to.equal(local.message);
      expect(scripted.attempts.size).to.equal(0);
    } finally {
      client.close();
      scripted.stop();
    }
  });
});
