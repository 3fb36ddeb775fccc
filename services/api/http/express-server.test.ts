import http from "node:http";
import { expect } from "chai";
import express from "express";
import { useTestDatabase } from "../../lib/testing/test-database";
import { closeServer, listen } from "../../lib/side-http";
import { startTestApi, type TestApi } from "../testing/api-harness";
import { expressServerOptions } from "./express-server";

/** An Express app behind node:http, with or without the options; each request tells whether it arrived with Express's prototypes. */
async function serve(withOptions: boolean) {
  const app = express();
  app.set("trust proxy", "loopback");
  app.use(express.json());
  app.post("/echo/:id", (req, res) => {
    res.status(201).json({ id: req.params.id, query: req.query, body: req.body as unknown, ip: req.ip, json: req.is("application/json") });
  });
  const arrived: boolean[] = [];
  const listener: http.RequestListener = (req, res) => {
    arrived.push(Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response);
    app(req, res);
  };
  const server = withOptions ? http.createServer(expressServerOptions(app), listener) : http.createServer(listener);
  const port = await listen(server, 0);
  return { url: `http://127.0.0.1:${port}`, arrived, close: () => closeServer(server) };
}

async function post(url: string) {
  const res = await fetch(`${url}/echo/7?x=1`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" }, body: JSON.stringify({ a: [1, 2] }) });
  return { status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as unknown };
}

describe("expressServerOptions", () => {
  it("makes requests and responses with Express's prototypes, and Express answers them as it answers node's own", async () => {
    const plain = await serve(false);
    const made = await serve(true);
    try {
      const [a, b] = [await post(made.url), await post(plain.url)];
      expect(a).to.deep.equal(b);
      expect(a).to.deep.equal({ status: 201, type: "application/json; charset=utf-8", body: { id: "7", query: { x: "1" }, body: { a: [1, 2] }, ip: "203.0.113.9", json: "application/json" } });
      expect(made.arrived).to.deep.equal([true]);
      expect(plain.arrived).to.deep.equal([false]);
    } finally {
      await Promise.all([plain.close(), made.close()]);
    }
  });

  describe("the API's server", () => {
    const t = useTestDatabase();
    let api: TestApi;
    before(async () => {
      api = await startTestApi(t.db);
    });
    after(() => api.close());

    it("serves the liveness probe, an error and a stored write over the options createApp gives", async () => {
      const server = http.createServer(api.api.serverOptions, api.api.handler);
      const base = `http://127.0.0.1:${await listen(server, 0)}`;
      try {
        const { token } = await api.signIn("user");
        const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
        expect((await fetch(`${base}/api/health`)).status).to.equal(200);
        const refused = await fetch(`${base}/api/oracle/profiles`, { method: "POST", headers, body: JSON.stringify({ name: "Ada" }) });
        expect(refused.status).to.equal(400);
        expect(((await refused.json()) as { error: { fields: Record<string, string> } }).error.fields).to.have.property("birth_date");
        const created = await fetch(`${base}/api/oracle/profiles`, { method: "POST", headers, body: JSON.stringify({ name: "Ada", birth_date: "1990-06-15", mother_name: "Byron" }) });
        expect(created.status).to.equal(201);
        const profile = (await created.json()) as { id: string; name: string };
        expect(profile.name).to.equal("Ada");
        const listed = (await (await fetch(`${base}/api/oracle/profiles`, { headers })).json()) as { items?: { id: string }[] } | { id: string }[];
        expect(JSON.stringify(listed)).to.include(profile.id);
      } finally {
        await closeServer(server);
      }
    });
  });
});
