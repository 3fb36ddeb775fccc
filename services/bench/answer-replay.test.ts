import type http from "node:http";
import { expect } from "chai";
import { listen } from "../lib/side-http";
import { answerReplayServer, keepAnswer } from "./answer-replay";

describe("the bench's answer replay", () => {
  let server: http.Server;
  let url: string;

  beforeEach(async () => {
    server = answerReplayServer();
    url = `http://127.0.0.1:${await listen(server, 0, "127.0.0.1")}`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("replays a kept answer to any request at its name, with the status, type and length the API gives", async () => {
    const body = { id: "r1", result: { text: "─── a rule, and a moon 🌙", numbers: [1, 22, 33] } };
    await keepAnswer(url, "reading", { status: 201, body });
    for (const init of [{ method: "POST", headers: { "content-type": "application/json" }, body: '{"reading_type":"time"}' }, { method: "GET" }]) {
      const res = await fetch(`${url}/reading?limit=20`, init);
      expect(res.status).to.equal(201);
      expect(res.headers.get("content-type")).to.equal("application/json; charset=utf-8");
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(Number(res.headers.get("content-length"))).to.equal(bytes.length);
      expect(JSON.parse(bytes.toString("utf8"))).to.deep.equal(body);
    }
  });

  it("keeps answers apart by name, and answers 404 at a name nothing was kept at", async () => {
    await keepAnswer(url, "a", { status: 200, body: { which: "a" } });
    await keepAnswer(url, "b", { status: 201, body: { which: "b" } });
    const a = await fetch(`${url}/a`);
    expect([a.status, await a.json()]).to.deep.equal([200, { which: "a" }]);
    const missing = await fetch(`${url}/c`);
    expect(missing.status).to.equal(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).to.equal("not_found");
  });

  it("refuses an answer that is not {status: 2xx, body}, naming the field, and keeps nothing", async () => {
    for (const [sent, field] of [
      ['{"status": 500, "body": {}}', "status"],
      ['{"status": 201}', "body"],
      ["not json", "body"],
    ] as const) {
      const res = await fetch(`${url}/bad`, { method: "PUT", body: sent });
      expect(res.status, sent).to.equal(400);
      expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields, sent).to.have.property(field);
    }
    expect((await fetch(`${url}/bad`)).status).to.equal(404);
    let thrown: unknown;
    await keepAnswer(url, "bad", { status: 404, body: {} }).catch((err: unknown) => (thrown = err));
    expect(String(thrown)).to.contain("refused bad: 400");
  });
});
