import { expect } from "chai";
import { useTestDatabase } from "../../lib/testing/test-database";
import { OracleServer } from "../../oracle/grpc/server";
import { ReadingService } from "../../oracle/readings/reading-service";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { client, createProfile } from "./testing/feature-client";

/** The parts of a stored reading that depend on the request, not on when or where it was computed. */
function answer(body: Record<string, unknown>) {
  const { id: _id, created_at: _c, updated_at: _u, oracle_mode: _m, ...rest } = body;
  return rest;
}

describe("oracle readings: the Oracle server goes down", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let oracle: OracleServer;
  let alice: SignedInUser;
  let profile: string;

  before(async () => {
    oracle = new OracleServer({ readings: new ReadingService() });
    const port = await oracle.listen("127.0.0.1", 0);
    api = await startTestApi(t.db, { oracleTarget: `127.0.0.1:${port}` });
    alice = await api.signIn("user");
    profile = await createProfile(api, alice, { name_persian: "آلیس" });
  });
  after(async () => {
    await api.close();
    oracle.forceStop();
  });

  const requests: Record<string, unknown>[] = [
    { reading_type: "time", date: "2026-02-09", time: "14:30:00" },
    { reading_type: "name", name: "Ada Lovelace", date: "2026-02-09", time: "10:00" },
    { reading_type: "question", question: "Is the bridge safe to cross?", date: "2026-02-09", time: "10:00" },
    { reading_type: "timing", date: "2026-02-09", time: "10:00" },
    { reading_type: "stamp", stamp: "VE-OX-OXWU-RAWU-DRMT" },
  ];

  it("computes in direct mode with the same answers it had over gRPC", async () => {
    const ask = async (body: Record<string, unknown>) => {
      const told = body.reading_type === "timing" || body.reading_type === "stamp" ? {} : { include_ai: true };
      const withProfile = body.reading_type === "time" || body.reading_type === "name" || body.reading_type === "question" ? { profile_id: profile } : {};
      const res = await client(api, alice).post("/api/oracle/readings", { ...told, ...withProfile, ...body });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      return res.body as Record<string, unknown>;
    };
    const overGrpc = [];
    for (const body of requests) overGrpc.push(await ask(body));
    expect(overGrpc.map((r) => r.oracle_mode)).to.deep.equal(requests.map(() => "grpc"));

    oracle.forceStop();
    const direct = [];
    for (const body of requests) direct.push(await ask(body));
    expect(direct.map((r) => r.oracle_mode)).to.deep.equal(requests.map(() => "direct_mode"));
    expect(direct.map(answer)).to.deep.equal(overGrpc.map(answer));

    const ready = await client(api).get("/api/health/ready");
    expect(ready.body.checks.oracle_service).to.equal("direct_mode");
  });
});
