import { expect } from "chai";
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import request from "supertest";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type TestApi } from "../testing/api-harness";
import { RouteTable } from "./route-table";

/** Where a request found its route: what the handler saw of the url, and who answered. */
const echo = (name: string): RequestHandler => (req, res) => {
  res.json({ name, baseUrl: req.baseUrl, url: req.url, originalUrl: req.originalUrl, path: req.path, query: req.query, params: req.params, body: req.body as unknown });
};

const failure = Object.assign(new Error("refused"), { status: 418 });

/** Two modules mounted as the app mounts route-kit modules, with or without the table in front of their routers. */
function buildApp(withTable: boolean): { app: Express; table: RouteTable; walked: string[] } {
  const table = new RouteTable();
  const walked: string[] = [];
  const app = express();
  app.use(express.json());
  if (withTable) app.use(table.middleware());
  // Every request reaching the routers passes here; those the table answered never do.
  app.use((req, _res, next) => {
    walked.push(`${req.method} ${req.path}`);
    next();
  });
  const modules: { base: string; routes: [string, string, RequestHandler[]][] }[] = [
    {
      base: "/api/t",
      routes: [
        ["post", "/echo", [(req, _res, next) => { (req.body as Record<string, unknown>).seen = true; next(); }, echo("post echo")]],
        ["get", "/items/:id", [echo("item by id")]],
        // Registered after the pattern that also matches it: Express answers it with "/items/:id".
        ["get", "/items/special", [echo("special item")]],
        ["get", "/fail", [() => { throw failure; }]],
        ["get", "/reject", [async () => { await Promise.resolve(); throw failure; }]],
        ["get", "/next-error", [(_req, _res, next) => next(failure)]],
        // next(null) is no error to Express: the route goes on.
        ["get", "/next-null", [(_req, _res, next) => next(null), echo("after next(null)")]],
        // A module's 405 for its paths, as route-kit's finish() adds it.
        ["all", "/echo", [(_req, res) => void res.status(405).json({ error: "method not allowed" })]],
      ],
    },
    // A second module under the same base: its GET /echo comes after the first module's 405 for /echo.
    { base: "/api/t", routes: [["get", "/echo", [echo("after the 405")]]] },
    { base: "/api/u", routes: [["get", "/", [echo("root of a module")]]] },
  ];
  for (const { base, routes } of modules) {
    const router = express.Router();
    for (const [method, path, handlers] of routes) {
      (router as unknown as Record<string, (p: string, ...h: RequestHandler[]) => void>)[method]!(path, ...handlers);
      const pattern = `${base}${path === "/" ? "" : path}`;
      if (method === "all") table.addAnyMethod(pattern);
      else table.add(method, base, pattern, handlers);
    }
    app.use(base, router);
  }
  const errors: ErrorRequestHandler = (err: { status?: number; message: string }, req, res, _next) => {
    res.status(err.status ?? 500).json({ error: err.message, url: req.url, baseUrl: req.baseUrl });
  };
  app.use(errors);
  return { app, table, walked };
}

const REQUESTS: readonly { readonly method: "get" | "post"; readonly url: string; readonly body?: object }[] = [
  { method: "post", url: "/api/t/echo?x=1&y=2", body: { a: 1 } },
  { method: "post", url: "/api/t/echo/", body: { a: 2 } },
  { method: "post", url: "/API/T/ECHO", body: { a: 3 } },
  { method: "get", url: "/api/t/echo" },
  { method: "get", url: "/api/t/items/7?full=yes" },
  { method: "get", url: "/api/t/items/special" },
  { method: "get", url: "/api/t/fail" },
  { method: "get", url: "/api/t/reject" },
  { method: "get", url: "/api/t/next-error" },
  { method: "get", url: "/api/t/next-null" },
  { method: "get", url: "/api/u?page=2" },
  { method: "get", url: "/api/u" },
  { method: "get", url: "/api/nowhere" },
];

async function send(app: Express, r: (typeof REQUESTS)[number]) {
  const call = r.method === "post" ? request(app).post(r.url).send(r.body) : request(app).get(r.url);
  const res = await call;
  const { date: _date, etag: _etag, ...headers } = res.headers as Record<string, string>;
  return { status: res.status, body: res.body as unknown, headers };
}

describe("RouteTable", () => {
  it("answers every request as Express's routers do: the url under the base, the query, errors and the fall-throughs", async () => {
    const withTable = buildApp(true);
    const without = buildApp(false);
    for (const r of REQUESTS) {
      const [a, b] = [await send(withTable.app, r), await send(without.app, r)];
      expect(a, `${r.method} ${r.url}`).to.deep.equal(b);
    }
    // What a route sees under its base, as the mounted router gives it.
    const echoed = await send(withTable.app, REQUESTS[0]!);
    expect(echoed.body).to.deep.include({ name: "post echo", baseUrl: "/api/t", url: "/echo?x=1&y=2", originalUrl: "/api/t/echo?x=1&y=2", path: "/echo", query: { x: "1", y: "2" }, params: {}, body: { a: 1, seen: true } });
    expect((await send(withTable.app, { method: "get", url: "/api/u?page=2" })).body).to.deep.include({ url: "/?page=2", baseUrl: "/api/u", path: "/" });
    // An error leaves the route with the app's own url, as it leaves Express's router.
    expect((await send(withTable.app, { method: "get", url: "/api/t/reject" })).body).to.deep.equal({ error: "refused", url: "/api/t/reject", baseUrl: "" });
    expect((await send(withTable.app, { method: "get", url: "/api/t/next-null" })).body).to.deep.include({ name: "after next(null)" });
  });

  it("sends only the registered fixed paths past the routers; parameters, other spellings and a path an earlier pattern matches go through them", async () => {
    const { app, table, walked } = buildApp(true);
    expect(table.keys()).to.have.members(["POST /api/t/echo", "GET /api/t/fail", "GET /api/t/reject", "GET /api/t/next-error", "GET /api/t/next-null", "GET /api/u"]);
    for (const r of REQUESTS) await send(app, r);
    expect(walked).to.deep.equal(["POST /api/t/echo/", "POST /API/T/ECHO", "GET /api/t/echo", "GET /api/t/items/7", "GET /api/t/items/special", "GET /api/nowhere"]);
  });
});

describe("RouteTable in the API", () => {
  const t = useTestDatabase();
  let api: TestApi;
  before(async () => {
    api = await startTestApi(t.db);
  });
  after(() => api.close());

  it("holds the readings' and charts' writes and the other fixed paths, but no path a pattern registered before it also matches", () => {
    const keys = api.api.table.keys();
    expect(keys).to.include.members(["POST /api/oracle/readings", "POST /api/oracle/question", "POST /api/oracle/name", "POST /api/oracle/chart", "GET /api/oracle/readings", "GET /api/oracle/readings/stats", "POST /api/auth/login"]);
  });
});
