import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect } from "chai";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import request from "supertest";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { MCP_API_KEY_ENV } from "./stdio";
import { TOOLS } from "./tools";

const NPS = path.join(__dirname, "..", "..", "..", "bin", "nps.js");

type ToolResult = { isError?: boolean; content: { type: string; text: string }[] };

function json(result: unknown): Record<string, unknown> {
  const r = result as ToolResult;
  expect(r.isError, r.content[0]?.text).to.not.equal(true);
  return JSON.parse(r.content[0]!.text) as Record<string, unknown>;
}

describe("the MCP server (SDK client over real HTTP and stdio)", function () {
  this.timeout(120_000);
  const t = useTestDatabase();
  let api: TestApi;
  let server: http.Server;
  let base: string;
  let alice: SignedInUser;
  let writeKey: string;
  let readKey: string;

  const connect = async (key?: string): Promise<Client> => {
    const client = new Client({ name: "nps-test", version: "1.0.0" });
    const headers: Record<string, string> = key ? { "x-api-key": key } : {};
    await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`), { requestInit: { headers } }));
    return client;
  };

  before(async () => {
    api = await startTestApi(t.db);
    server = http.createServer(api.api.handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    alice = await api.signIn("user");
    const key = async (scopes: string[]) => {
      const res = await request(api.api.app).post("/api/auth/api-keys").set("Authorization", `Bearer ${alice.token}`).send({ name: `mcp ${scopes[0]}`, scopes });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      return res.body.key as string;
    };
    writeKey = await key(["oracle:write"]);
    readKey = await key(["oracle:read"]);
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await api.close();
  });

  it("lists every tool with a typed input schema, and calls each one", async () => {
    const client = await connect(writeKey);
    const { tools } = await client.listTools();
    expect(tools.map((x) => x.name).sort()).to.deep.equal(TOOLS.map((x) => x.name).sort());
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).to.equal("object");
      expect(Object.keys(tool.inputSchema.properties ?? {}), tool.name).to.not.be.empty;
    }
    const chart = tools.find((x) => x.name === "chart")!;
    expect(chart.inputSchema.properties).to.include.keys("name", "birth_date", "profile_id", "locale");

    const created = json(await client.callTool({ name: "create_profile", arguments: { name: "Alice Johnson", birth_date: "1990-07-15", mother_name: "Barbara Johnson", timezone_offset_minutes: 0 } }));
    const second = json(await client.callTool({ name: "create_profile", arguments: { name: "Mary Ann Lee", birth_date: "1985-11-29", mother_name: "Ann Lee" } }));
    const profileId = created.id as string;
    const off = { include_ai: false };
    const calls: [string, Record<string, unknown>, (body: Record<string, unknown>) => void][] = [
      ["list_profiles", {}, (b) => expect((b.profiles as unknown[]).length).to.equal(2)],
      ["time_reading", { profile_id: profileId, date: "2026-02-09", time: "14:30", ...off }, (b) => expect(b.reading_type).to.equal("time")],
      ["daily_reading", { profile_id: profileId, date: "2026-02-09", ...off }, (b) => expect(b.reading_type).to.equal("daily")],
      ["name_reading", { name: "Иван Петров", ...off }, (b) => expect(b).to.include({ reading_type: "name" }).and.nested.include({ "result.name_read.counted": "Ivan Petrov", "result.name_read.route": "any-ascii" })],
      ["question_reading", { question: "Will the new job suit me?", profile_id: profileId, ...off }, (b) => expect(b.reading_type).to.equal("question")],
      ["multi_reading", { profile_ids: [profileId, second.id], ...off }, (b) => expect((b.result as { pairs: unknown[] }).pairs).to.have.length(1)],
      ["chart", { name: "张伟", birth_date: "1990-07-15", date: "2026-02-09" }, (b) => expect((b.result as { name: { counted: string } }).name.counted).to.equal("Zhang Wei")],
      ["chart", { profile_id: profileId, date: "2026-02-09" }, (b) => expect((b.result as { life_path: { number: number } }).life_path.number).to.equal(5)],
      ["chart_compatibility", { a: { profile_id: profileId }, b: { name: "Mary Ann Lee", birth_date: "1985-11-29" }, date: "2026-02-09" }, (b) => expect(b.score).to.be.within(0, 100)],
      ["timing", { date: "2026-02-09", time: "10:00" }, (b) => expect(b.alignment_score).to.be.a("number")],
      ["check_stamp", { stamp: "LU-OX-OXWA" }, (b) => expect(b.valid).to.equal(true)],
      ["reading_history", { reading_type: "chart" }, (b) => expect(b.total).to.equal(2)],
    ];
    const called = new Set(["create_profile"]);
    for (const [name, args, check] of calls) {
      check(json(await client.callTool({ name, arguments: args })));
      called.add(name);
    }
    expect([...called].sort()).to.deep.equal(TOOLS.map((x) => x.name).sort());
    await client.close();
  });

  it("a read-only key reads but cannot create; bad input is a tool error naming the field", async () => {
    const client = await connect(readKey);
    expect(json(await client.callTool({ name: "list_profiles", arguments: {} })).total).to.equal(2);
    for (const [name, args] of [
      ["create_profile", { name: "Eve", birth_date: "1990-01-01", mother_name: "Ada" }],
      ["chart", { name: "Eve", birth_date: "1990-01-01" }],
      ["time_reading", { profile_id: "00000000-0000-4000-8000-000000000000", include_ai: false }],
    ] as const) {
      const r = (await client.callTool({ name, arguments: args })) as ToolResult;
      expect(r.isError, name).to.equal(true);
      expect(r.content[0]!.text, name).to.match(/^HTTP 403: requires the scope oracle:write/);
    }
    const compat = (await client.callTool({ name: "chart_compatibility", arguments: { a: { name: "!!", birth_date: "1990-01-01" }, b: { name: "Bo", birth_date: "1990-01-01" } } })) as ToolResult;
    expect(compat.isError).to.equal(true);
    expect(compat.content[0]!.text).to.match(/^HTTP 400/).and.match(/a\.name/);
    const typed = (await client.callTool({ name: "check_stamp", arguments: { stamp: 42 } })) as ToolResult;
    expect(typed.isError).to.equal(true);
    await client.close();
  });

  it("refuses a request without a credential (401) and answers 405 to GET", async () => {
    const none = await fetch(`${base}/mcp`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }) });
    expect(none.status).to.equal(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).to.be.a("string");
    const bad = await fetch(`${base}/mcp`, { method: "POST", headers: { "x-api-key": "nps_not-a-key", "content-type": "application/json" }, body: "{}" });
    expect(bad.status).to.equal(401);
    expect((await fetch(`${base}/mcp`, { headers: { "x-api-key": readKey } })).status).to.equal(405);
  });

  it("serves the same tools over stdio through nps mcp", async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [NPS, "mcp", "--url", base],
      env: { ...(process.env as Record<string, string>), [MCP_API_KEY_ENV]: writeKey },
      stderr: "pipe",
    });
    const client = new Client({ name: "nps-stdio-test", version: "1.0.0" });
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.map((x) => x.name).sort()).to.deep.equal(TOOLS.map((x) => x.name).sort());
    const chart = json(await client.callTool({ name: "chart", arguments: { name: "علی رضایی", birth_date: "1985-03-21", date: "2026-02-09" } }));
    expect((chart.result as { system: { name: string } }).system.name).to.equal("abjad");
    expect(json(await client.callTool({ name: "list_profiles", arguments: {} })).total).to.equal(2);
    await client.close();
  });
});
