import { execFileSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { expect } from "chai";
import fc from "fast-check";
import { service as healthService } from "grpc-health-check";
import { FileDescriptorProto } from "protobufjs/ext/descriptor";
import { InvalidInputError } from "../../lib/errors";
import { silentLogger } from "../../lib/logger";
import { METRICS } from "../../lib/metric-names";
import { createRegistry } from "../../lib/metrics";
import { closeServer, createSideHttpServer, listen } from "../../lib/side-http";
import { createInterpreter } from "../ai/interpreter";
import { OracleCallError, OracleClient } from "../client/oracle-client";
import { OracleMetrics } from "../metrics";
import { ReadingService, type OracleReadings } from "../readings/reading-service";
import { aiSettings, FakeAnthropic } from "../testing/fake-anthropic";
import { EVERY_RPC } from "../testing/every-rpc";
import { ALICE, AT, JAMES } from "../testing/fixtures";
import { parsePrometheusText, samplesOf } from "../testing/prometheus-text";
import { RawOracleStub } from "../testing/raw-stub";
import { oracleMethods, type MethodKey, type RequestOf } from "./methods";
import { HEALTH_SERVICE, ORACLE_SERVICE } from "./proto";
import { OracleServer } from "./server";
import { FIELD_METADATA } from "./status";

const M = METRICS.oracle;

const PROFILE = { name: "Alice", birth_date: { year: 1990, month: 7, day: 15 } };
const MOMENT = { year: 2026, month: 2, day: 9, hour: 14 };

/** [RPC, message as sent on the wire, the field the server must name]. */
const WIRE_BAD_INPUT: [string, object, string][] = [
  ["GetReading", { at: MOMENT }, "profile"],
  ["GetReading", { profile: { ...PROFILE, name: "" }, at: MOMENT }, "profile.name"],
  ["GetReading", { profile: { ...PROFILE, name: "x".repeat(201) }, at: MOMENT }, "profile.name"],
  ["GetReading", { profile: { ...PROFILE, name_persian: "ی".repeat(201) }, at: MOMENT }, "profile.name_persian"],
  ["GetReading", { profile: { name: "Alice" }, at: MOMENT }, "profile.birth_date"],
  ["GetReading", { profile: { ...PROFILE, birth_date: { month: 7, day: 15 } }, at: MOMENT }, "profile.birth_date.year"],
  ["GetReading", { profile: { ...PROFILE, birth_date: { year: 1990, month: 13, day: 15 } }, at: MOMENT }, "profile.birth_date.month"],
  ["GetReading", { profile: { ...PROFILE, birth_date: { year: 1990, month: 7, day: 32 } }, at: MOMENT }, "profile.birth_date.day"],
  ["GetReading", { profile: { ...PROFILE, birth_date: { year: 1990, month: 2, day: 30 } }, at: MOMENT }, "profile.birth_date"],
  ["GetReading", { profile: { ...PROFILE, birth_date: { year: 2030, month: 1, day: 1 } }, at: MOMENT }, "profile.birth_date"],
  ["GetReading", { profile: { ...PROFILE, mother_name: "m".repeat(201) }, at: MOMENT }, "profile.mother_name"],
  ["GetReading", { profile: { ...PROFILE, gender: 7 }, at: MOMENT }, "profile.gender"],
  ["GetReading", { profile: { ...PROFILE, latitude: 91, longitude: 0 }, at: MOMENT }, "profile.latitude"],
  ["GetReading", { profile: { ...PROFILE, latitude: Number.NaN, longitude: 0 }, at: MOMENT }, "profile.latitude"],
  ["GetReading", { profile: { ...PROFILE, latitude: 10 }, at: MOMENT }, "profile.longitude"],
  ["GetReading", { profile: { ...PROFILE, latitude: 10, longitude: 181 }, at: MOMENT }, "profile.longitude"],
  ["GetReading", { profile: { ...PROFILE, heart_rate_bpm: 10 }, at: MOMENT }, "profile.heart_rate_bpm"],
  ["GetReading", { profile: { ...PROFILE, timezone_offset_minutes: 900 }, at: MOMENT }, "profile.timezone_offset_minutes"],
  ["GetReading", { profile: { ...PROFILE, timezone_offset_minutes: -721 }, at: MOMENT }, "profile.timezone_offset_minutes"],
  ["GetReading", { profile: { ...PROFILE, numerology_system: 9 }, at: MOMENT }, "profile.numerology_system"],
  ["GetReading", { profile: PROFILE }, "at"],
  ["GetReading", { profile: PROFILE, at: { year: 2026, month: 13, day: 1 } }, "at.month"],
  ["GetReading", { profile: PROFILE, at: { year: 2026, month: 2, day: 9, hour: 24 } }, "at.hour"],
  ["GetReading", { profile: PROFILE, at: { year: 2026, month: 2, day: 9, hour: 1, minute: 60 } }, "at.minute"],
  ["GetReading", { profile: PROFILE, at: { year: 2026, month: 2, day: 9, hour: 1, minute: 1, second: -1 } }, "at.second"],
  ["GetReading", { profile: PROFILE, at: MOMENT, include_ai: true, inquiry_context: { mood: "m".repeat(501) } }, "inquiry_context.mood"],
  ["GetReading", { profile: PROFILE, at: MOMENT, locale: "de" }, "locale"],
  ["GetDailyReading", { profile: PROFILE }, "date"],
  ["GetDailyReading", { profile: PROFILE, date: { year: 2026, month: 2, day: 0 } }, "date.day"],
  ["GetNameReading", { at: MOMENT }, "name"],
  ["GetNameReading", { name: "Zoe", numerology_system: 9, at: MOMENT }, "numerology_system"],
  ["GetNameReading", { name: "Zoe", profile: { ...PROFILE, birth_date: { year: 1990, month: 0, day: 1 } }, at: MOMENT }, "profile.birth_date.month"],
  ["GetNameReading", { name: "Zoe" }, "at"],
  ["GetQuestionReading", { question: "", at: MOMENT }, "question"],
  ["GetQuestionReading", { question: "?".repeat(501), at: MOMENT }, "question"],
  ["GetQuestionReading", { question: "Love?", category: 99, at: MOMENT }, "category"],
  ["GetQuestionReading", { question: "Love?", numerology_system: 12, at: MOMENT }, "numerology_system"],
  ["GetQuestionReading", { question: "Love?", at: { year: 0, month: 1, day: 1 } }, "at.year"],
  ["GetMultiReading", { profiles: [], at: MOMENT }, "profiles"],
  ["GetMultiReading", { profiles: [PROFILE], at: MOMENT }, "profiles"],
  ["GetMultiReading", { profiles: [PROFILE, PROFILE, PROFILE, PROFILE, PROFILE, PROFILE], at: MOMENT }, "profiles"],
  ["GetMultiReading", { profiles: [PROFILE, { ...PROFILE, birth_date: { year: 1990, month: 7, day: 0 } }], at: MOMENT }, "profiles[1].birth_date.day"],
  ["GetMultiReading", { profiles: [PROFILE, PROFILE] }, "at"],
  ["GetTimingAlignment", {}, "at"],
  ["GetTimingAlignment", { at: MOMENT, best_hours: 25 }, "best_hours"],
  ["GetTimingAlignment", { at: MOMENT, best_hours: -1 }, "best_hours"],
  ["CheckStamp", {}, "stamp"],
  ["CheckStamp", { stamp: "S".repeat(101) }, "stamp"],
];

function scrape(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/metrics" }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString("utf8")));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

describe("oracle gRPC server (in-process, real sockets)", () => {
  let metrics: OracleMetrics;
  let direct: ReadingService;
  let server: OracleServer;
  let target: string;
  let client: OracleClient;
  let raw: RawOracleStub;
  let side: http.Server;
  let metricsPort: number;

  before(async () => {
    metrics = new OracleMetrics(createRegistry("oracle"));
    direct = new ReadingService();
    server = new OracleServer({ readings: new ReadingService({ observer: metrics }), metrics, logger: silentLogger });
    target = `127.0.0.1:${await server.listen("127.0.0.1", 0)}`;
    // No fallback: every answer in these tests must come over the wire.
    client = new OracleClient({ target });
    raw = new RawOracleStub(target);
    side = createSideHttpServer({ registry: metrics.registry, service: "oracle", version: "test" });
    metricsPort = await listen(side, 0, "127.0.0.1");
  });

  after(async () => {
    client.close();
    raw.close();
    server.forceStop();
    await closeServer(side);
  });

  describe("every RPC", () => {
    for (const key of Object.keys(EVERY_RPC) as MethodKey[]) {
      it(`${oracleMethods()[key].rpc} answers exactly what the service computes in-process`, async () => {
        for (const req of EVERY_RPC[key] as RequestOf<typeof key>[]) {
          const call = client[key] as (r: typeof req) => Promise<{ result: unknown; mode: string }>;
          const served = await call(req);
          expect(served.mode).to.equal("grpc");
          const local = await (direct[key] as (r: typeof req) => Promise<unknown>).call(direct, req);
          expect(served.result).to.deep.equal(local);
        }
      });
    }
  });

  it("answers exactly what the service computes in-process, for any profile and moment, or refuses it alike", async () => {
    const name = fc.oneof(
      fc.constantFrom("Alice Johnson", "José García-Márquez", "علی رضایی", "Zoë Saldaña", "Nguyễn Văn An", "Ed Orr", "A", "Ali علی", "Иван Петров", "张伟", "Ƨam"),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 24 }).filter((s) => s.trim() !== ""),
    );
    const day = (years: [number, number]) => fc.record({ year: fc.integer({ min: years[0], max: years[1] }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });
    const coordinates = fc.option(fc.tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.constantFrom(-180, -0, 0, -7.4, 7.6, 180, 51.389)), { nil: null });
    const profile = fc
      .record({
        name,
        name_persian: fc.option(fc.constantFrom("علی", "زهرا کریمی"), { nil: null }),
        birth_date: day([1800, 2025]),
        mother_name: fc.option(name, { nil: null }),
        gender: fc.option(fc.constantFrom("male" as const, "female" as const), { nil: null }),
        coordinates,
        heart_rate_bpm: fc.option(fc.integer({ min: 30, max: 220 }), { nil: null }),
        timezone_offset_minutes: fc.option(fc.integer({ min: -720, max: 840 }), { nil: null }),
        numerology_system: fc.option(fc.constantFrom("auto" as const, "pythagorean" as const, "chaldean" as const, "abjad" as const), { nil: null }),
      })
      .map(({ coordinates: c, ...p }) => ({ ...p, latitude: c?.[0] ?? null, longitude: c?.[1] ?? null }));
    const moment = fc
      .tuple(day([2026, 2026]), fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })), { nil: null }))
      .map(([d, t]) => (t ? { ...d, hour: t[0], minute: t[1], second: t[2] } : d));
    const locale = fc.option(fc.constantFrom("en" as const, "fa" as const), { nil: null });
    await fc.assert(
      fc.asyncProperty(profile, moment, locale, async (p, at, l) => {
        // A name no system can read (letters it cannot place, or none) is refused, naming the field, both ways.
        const here = await direct.time({ profile: p, at, locale: l }).catch((e: unknown) => e);
        if (here instanceof InvalidInputError) {
          const there = await client.time({ profile: p, at, locale: l }).catch((e: unknown) => e);
          expect(there).to.be.instanceOf(InvalidInputError);
          expect({ field: (there as InvalidInputError).field, reason: (there as InvalidInputError).reason }).to.deep.equal({ field: here.field, reason: here.reason });
          return;
        }
        const over = await client.time({ profile: p, at, locale: l });
        expect(over.result).to.deep.equal(here);
      }),
      { numRuns: 100 },
    );
  });

  describe("health and reflection", () => {
    type HealthClient = grpc.Client & {
      Check(req: { service: string }, cb: (err: grpc.ServiceError | null, res: { status: string }) => void): void;
    };
    const check = (service: string) =>
      new Promise<{ err: grpc.ServiceError | null; status?: string }>((resolve) => {
        const Health = grpc.makeGenericClientConstructor(healthService as grpc.ServiceDefinition, "Health");
        const h = new Health(target, grpc.credentials.createInsecure()) as unknown as HealthClient;
        h.Check({ service }, (err, res) => {
          h.close();
          resolve({ err, status: res?.status });
        });
      });

    it("serves grpc.health.v1: SERVING for the server and the Oracle service, NOT_FOUND for others", async () => {
      expect((await check("")).status).to.equal("SERVING");
      expect((await check(ORACLE_SERVICE)).status).to.equal("SERVING");
      expect((await check("nps.other.Service")).err?.code).to.equal(grpc.status.NOT_FOUND);
    });

    it("lists its services and describes them to a reflection client, with no proto file at hand", async () => {
      const reflectionProto = path.join(path.dirname(require.resolve("@grpc/reflection")), "../proto/grpc/reflection/v1/reflection.proto");
      const pkg = grpc.loadPackageDefinition(protoLoader.loadSync(reflectionProto, { keepCase: true, longs: Number, defaults: true, oneofs: true }));
      const Reflection = (pkg.grpc as grpc.GrpcObject).reflection as grpc.GrpcObject;
      const Ctor = (Reflection.v1 as grpc.GrpcObject).ServerReflection as grpc.ServiceClientConstructor;
      const r = new Ctor(target, grpc.credentials.createInsecure());
      const ask = (request: object) =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          const stream = r.ServerReflectionInfo();
          stream.on("data", (d: Record<string, unknown>) => {
            resolve(d);
            stream.end();
          });
          stream.on("error", reject);
          stream.write(request);
        });
      const listed = (await ask({ list_services: "" })) as { list_services_response: { service: { name: string }[] } };
      const names = listed.list_services_response.service.map((s) => s.name);
      expect(names).to.include.members([ORACLE_SERVICE, HEALTH_SERVICE]);

      const described = (await ask({ file_containing_symbol: ORACLE_SERVICE })) as { file_descriptor_response: { file_descriptor_proto: Buffer[] } };
      const files = described.file_descriptor_response.file_descriptor_proto.map((b) => FileDescriptorProto.decode(b)) as unknown as {
        package: string;
        service: { name: string; method: { name: string }[] }[];
      }[];
      const oracle = files.find((f) => f.package === "nps.oracle.v1")!;
      expect(oracle.service[0]!.method.map((m) => m.name)).to.deep.equal([
        "GetReading",
        "GetDailyReading",
        "GetNameReading",
        "GetQuestionReading",
        "GetMultiReading",
        "GetTimingAlignment",
        "CheckStamp",
        "GetChart",
        "GetChartCompatibility",
      ]);
      r.close();
    });
  });

  describe("bad input", () => {
    for (const [rpc, message, field] of WIRE_BAD_INPUT) {
      it(`${rpc} ${JSON.stringify(message).slice(0, 70)} -> INVALID_ARGUMENT naming ${field}`, async () => {
        const { error } = await raw.call(rpc, message);
        expect(error?.code).to.equal(grpc.status.INVALID_ARGUMENT);
        expect(error!.metadata.get(FIELD_METADATA)).to.deep.equal([field]);
        expect(error!.details.startsWith(`${field}: `)).to.equal(true);
      });
    }

    it("answers bytes that are no message with INVALID_ARGUMENT, and keeps serving", async () => {
      const { error } = await raw.call("GetReading", Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]));
      expect(error?.code).to.equal(grpc.status.INVALID_ARGUMENT);
      expect(error!.details).to.match(/^request: /);
      expect((await client.stamp({ stamp: "LU-OX-OXWA" })).result.valid).to.equal(true);
    });

    it("raises the same InvalidInputError through the client as in-process", async () => {
      const bad = { profile: { ...ALICE, latitude: 95 }, at: AT };
      const over = await client.time(bad).catch((e: unknown) => e);
      const local = await direct.time(bad).catch((e: unknown) => e);
      expect(over).to.be.instanceOf(InvalidInputError);
      expect([(over as InvalidInputError).field, (over as InvalidInputError).message]).to.deep.equal([
        (local as InvalidInputError).field,
        (local as InvalidInputError).message,
      ]);
    });
  });

  describe("failures inside the server", () => {
    it("answers INTERNAL when a reading throws, and keeps serving", async () => {
      const failing: OracleReadings = {
        ...direct,
        time: direct.time.bind(direct),
        daily: direct.daily.bind(direct),
        name: direct.name.bind(direct),
        question: direct.question.bind(direct),
        multi: direct.multi.bind(direct),
        timing: async () => {
          throw new Error("boom");
        },
        stamp: direct.stamp.bind(direct),
        chart: direct.chart.bind(direct),
        chartCompatibility: direct.chartCompatibility.bind(direct),
      };
      const broken = new OracleServer({ readings: failing, logger: silentLogger });
      const port = await broken.listen("127.0.0.1", 0);
      const c = new OracleClient({ target: `127.0.0.1:${port}` });
      const err = await c.timing({ at: AT }).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(OracleCallError);
      expect((err as OracleCallError).code).to.equal(grpc.status.INTERNAL);
      expect((await c.stamp({ stamp: "LU-OX-OXWA" })).mode).to.equal("grpc");
      c.close();
      broken.forceStop();
    });

    it("answers DEADLINE_EXCEEDED when a call outlives its deadline, and keeps serving", async () => {
      const slow: OracleReadings = Object.assign(Object.create(direct) as ReadingService, {
        timing: async (req: RequestOf<"timing">) => {
          await new Promise((r) => setTimeout(r, 600));
          return direct.timing(req);
        },
      });
      const m = new OracleMetrics(createRegistry("oracle"));
      const slowServer = new OracleServer({ readings: slow, metrics: m, logger: silentLogger });
      const port = await slowServer.listen("127.0.0.1", 0);
      const c = new OracleClient({ target: `127.0.0.1:${port}` });
      await c.stamp({ stamp: "LU-OX-OXWA" });
      const err = await c.timing({ at: AT }, { deadlineMs: 150 }).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(OracleCallError);
      expect((err as OracleCallError).code).to.equal(grpc.status.DEADLINE_EXCEEDED);
      await new Promise((r) => setTimeout(r, 700));
      expect((await c.timing({ at: AT })).mode).to.equal("grpc");
      const exp = parsePrometheusText(await m.registry.metrics());
      expect(samplesOf(exp, M.grpcCalls, { method: "GetTimingAlignment", code: "DEADLINE_EXCEEDED" })[0]?.value).to.equal(1);
      expect(samplesOf(exp, M.grpcInFlight)[0]?.value).to.equal(0);
      c.close();
      slowServer.forceStop();
    });
  });

  describe("AI interpretation within the deadline", () => {
    const fake = new FakeAnthropic();
    let aiServer: OracleServer;
    let aiClient: OracleClient;

    before(async () => {
      const baseUrl = await fake.start();
      const readings = new ReadingService({ interpreter: createInterpreter(aiSettings(baseUrl, { timeoutMs: 30_000 })) });
      aiServer = new OracleServer({ readings, logger: silentLogger });
      aiClient = new OracleClient({ target: `127.0.0.1:${await aiServer.listen("127.0.0.1", 0)}` });
    });
    after(async () => {
      aiClient.close();
      aiServer.forceStop();
      await fake.stop();
    });

    it("carries the model's interpretation", async () => {
      fake.behaviour = { status: 200, text: "## core_identity\nA seeker at heart.", model: "claude-test-model", delayMs: 0 };
      const { result } = await aiClient.time({ profile: JAMES, at: AT, include_ai: true, inquiry_context: { focus: "work" } });
      expect(result.interpretation).to.deep.include({ ai_generated: true, model: "claude-test-model", cached: false });
      expect(result.interpretation!.sections.core_identity).to.equal("A seeker at heart.");
      expect(fake.received.at(-1)!.body.messages[0]!.content).to.include("focus: work");
    });

    it("answers in time with the engine's text when the model is slower than the call's deadline", async () => {
      fake.behaviour = { status: 200, text: "## message\ntoo late", model: "claude-test-model", delayMs: 5_000 };
      const aborted = fake.aborted;
      // An answer at all proves the deadline was kept: past it, the client gets DEADLINE_EXCEEDED.
      const { result, mode } = await aiClient.daily({ profile: ALICE, date: { year: 2026, month: 2, day: 9 }, include_ai: true }, { deadlineMs: 1_500 });
      expect(mode).to.equal("grpc");
      expect(result.interpretation).to.deep.equal({ ai_generated: false, model: "", cached: false, sections: result.reading.translation });
      for (let i = 0; i < 100 && fake.aborted === aborted; i++) await new Promise((r) => setTimeout(r, 10));
      expect(fake.aborted).to.equal(aborted + 1);
    });
  });

  describe("metrics", () => {
    it("are Prometheus text on /metrics: calls by method and code, latency, in-flight, readings by type, process", async () => {
      await client.time({ profile: JAMES, at: AT });
      await client.multi({ profiles: [ALICE, JAMES], at: AT });
      await raw.call("CheckStamp", {});
      const { status, body } = await scrape(metricsPort);
      expect(status).to.equal(200);
      const exp = parsePrometheusText(body);
      expect(exp.types.get(M.grpcCalls)).to.equal("counter");
      expect(exp.types.get(M.grpcDuration)).to.equal("histogram");
      expect(exp.types.get(M.grpcInFlight)).to.equal("gauge");
      expect(exp.types.get(M.readings)).to.equal("counter");
      expect(exp.types.get(M.readingDuration)).to.equal("histogram");
      expect(exp.types.get(M.serving)).to.equal("gauge");
      expect(samplesOf(exp, M.grpcCalls, { method: "GetReading", code: "OK" })[0]!.value).to.be.at.least(1);
      expect(samplesOf(exp, M.grpcCalls, { method: "CheckStamp", code: "INVALID_ARGUMENT" })[0]!.value).to.be.at.least(1);
      expect(samplesOf(exp, M.readings, { type: "time" })[0]!.value).to.be.at.least(1);
      expect(samplesOf(exp, M.readings, { type: "multi" })[0]!.value).to.be.at.least(1);
      const count = samplesOf(exp, `${M.grpcDuration}_count`, { method: "GetReading" })[0]!.value;
      expect(samplesOf(exp, `${M.grpcDuration}_bucket`, { method: "GetReading", le: "+Inf" })[0]!.value).to.equal(count);
      expect(samplesOf(exp, M.grpcInFlight)[0]!.value).to.equal(0);
      expect(samplesOf(exp, M.serving)[0]!.value).to.equal(1);
      expect(samplesOf(exp, `${METRICS.processPrefix}process_cpu_seconds_total`)).to.have.length(1);
      for (const s of samplesOf(exp, M.grpcCalls)) expect(s.labels.service).to.equal("oracle");
    });

    it("of the Oracle pass promtool's metrics lint", async () => {
      const { body } = await scrape(metricsPort);
      // prom-client's own process metrics are linted by their authors; these are ours.
      const ours = body
        .split("\n")
        .filter((line) => line.replace(/^# (HELP|TYPE) /, "").startsWith("nps_oracle_"))
        .join("\n");
      expect(ours).to.include(M.grpcCalls);
      let problems = "";
      try {
        execFileSync("promtool", ["check", "metrics"], { input: `${ours}\n`, stdio: ["pipe", "pipe", "pipe"] });
      } catch (err) {
        const e = err as { stdout?: Buffer; stderr?: Buffer };
        problems = `${e.stdout?.toString() ?? ""}${e.stderr?.toString() ?? ""}`;
      }
      expect(problems).to.equal("");
    });
  });
});
