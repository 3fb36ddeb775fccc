import http from "node:http";
import { randomBytes } from "node:crypto";
import { expect } from "chai";
import request from "supertest";
import { WebSocket } from "ws";
import { RedisConnection } from "../../lib/cache/redis-connection";
import { silentLogger } from "../../lib/logger";
import { closeServer, listen } from "../../lib/side-http";
import { useTestDatabase } from "../../lib/testing/test-database";
import { EventBus, type UserEvent } from "../events/event-bus";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { attachWebSocket, WS_CLOSE, type WsHandle } from "./ws-server";

const ORIGIN = "http://localhost:5173";

/** A client that records what it receives and how it closed. */
function connect(url: string, headers: Record<string, string> = {}): Promise<{ ws: WebSocket; messages: unknown[]; closed: Promise<number>; next: () => Promise<unknown> }> {
  const ws = new WebSocket(url, { headers });
  const messages: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  ws.on("message", (data) => {
    const text = data.toString();
    const msg = text.startsWith("{") ? (JSON.parse(text) as unknown) : text;
    const waiter = waiters.shift();
    if (waiter) waiter(msg);
    else messages.push(msg);
  });
  const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
  const next = () => (messages.length ? Promise.resolve(messages.shift()) : new Promise<unknown>((resolve) => waiters.push(resolve)));
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve({ ws, messages, closed, next }));
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once("error", reject);
  });
}

describe("WebSocket /ws", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let server: http.Server;
  let handle: WsHandle;
  let base: string;
  let alice: SignedInUser;
  let bob: SignedInUser;

  before(async () => {
    api = await startTestApi(t.db);
    server = http.createServer(api.api.app);
    handle = attachWebSocket(server, {
      authenticate: (c) => api.api.authenticator.authenticate(c),
      events: api.deps.events,
      logger: silentLogger,
      allowedOrigins: [ORIGIN],
      authTimeoutMs: 300,
    });
    base = `ws://127.0.0.1:${await listen(server, 0, "127.0.0.1")}`;
    alice = await api.signIn("user");
    bob = await api.signIn("user");
  });
  after(async () => {
    await handle.close();
    await closeServer(server);
    await api.close();
  });

  it("delivers a user's events to that user only (token in the query)", async () => {
    const a = await connect(`${base}/ws?token=${alice.token}`);
    const b = await connect(`${base}/ws?token=${bob.token}`);
    expect(await a.next()).to.deep.equal({ event: "connected", data: { user_id: alice.user.id, username: alice.user.username } });
    await b.next();
    const metrics = await request(api.api.app).get("/metrics");
    expect(metrics.text).to.match(/^nps_api_websocket_connections 2$/m);
    const progress: UserEvent = { event: "reading_progress", data: { reading_id: "r1", step: "calculating", progress: 40 } };
    api.deps.events.publish(alice.user.id, progress);
    expect(await a.next()).to.deep.equal(progress);
    api.deps.events.publish(bob.user.id, { event: "reading_complete", data: { reading_id: "r2" } });
    expect(await b.next()).to.deep.equal({ event: "reading_complete", data: { reading_id: "r2" } });
    expect(a.messages).to.deep.equal([]);
    a.ws.send("ping");
    expect(await a.next()).to.equal("pong");
    a.ws.close();
    b.ws.close();
    await Promise.all([a.closed, b.closed]);
    expect(api.deps.events.listenerCount(alice.user.id)).to.equal(0);
  });

  it("accepts the credential as the first message, API keys included", async () => {
    const key = await request(api.api.app).post("/api/auth/api-keys").set("Authorization", `Bearer ${alice.token}`).send({ name: "ws", scopes: ["oracle:read"] });
    const c = await connect(`${base}/ws`);
    c.ws.send(JSON.stringify({ type: "auth", token: key.body.key }));
    expect(await c.next()).to.deep.include({ event: "connected" });
    api.deps.events.publish(alice.user.id, { event: "reading_complete", data: {} });
    expect(await c.next()).to.deep.equal({ event: "reading_complete", data: {} });
    c.ws.close();
  });

  it("closes with 4001 for a bad credential, revoked tokens and API_SECRET_KEY included", async () => {
    for (const token of ["nope", api.config.api.secretKey]) {
      const c = await connect(`${base}/ws?token=${encodeURIComponent(token)}`);
      expect(await c.closed).to.equal(WS_CLOSE.authRequired);
    }
    const s = await api.signIn("user");
    await request(api.api.app).post("/api/auth/logout").set("Authorization", `Bearer ${s.token}`);
    const revoked = await connect(`${base}/ws?token=${s.token}`);
    expect(await revoked.closed).to.equal(WS_CLOSE.authRequired);
    const garbage = await connect(`${base}/ws`);
    garbage.ws.send("{not json");
    expect(await garbage.closed).to.equal(WS_CLOSE.authRequired);
  });

  it("takes the credential from the Authorization header (or X-API-Key) of the upgrade, as every other route does", async () => {
    const a = await connect(`${base}/ws`, { Authorization: `Bearer ${alice.token}` });
    expect(await a.next()).to.deep.equal({ event: "connected", data: { user_id: alice.user.id, username: alice.user.username } });
    a.ws.close();
    const key = await request(api.api.app).post("/api/auth/api-keys").set("Authorization", `Bearer ${bob.token}`).send({ name: "ws-header", scopes: ["oracle:read"] });
    const b = await connect(`${base}/ws`, { "X-API-Key": key.body.key as string });
    expect(await b.next()).to.deep.include({ event: "connected", data: { user_id: bob.user.id, username: bob.user.username } });
    b.ws.close();
    // The header wins over the query; a bad header credential is refused like a bad query token.
    const bad = await connect(`${base}/ws?token=${alice.token}`, { Authorization: "Bearer nope" });
    expect(await bad.closed).to.equal(WS_CLOSE.authRequired);
  });

  it("is in the OpenAPI document, and a plain GET is told to upgrade (426)", async () => {
    const doc = (await request(api.api.app).get("/openapi.json")).body;
    const ws = doc.paths["/ws"].get;
    expect(ws.responses).to.have.keys(["101", "403", "426"]);
    expect(ws.description).to.contain("Authorization: Bearer").and.contain("?token=").and.contain("4001");
    const plain = await request(api.api.app).get("/ws");
    expect(plain.status).to.equal(426);
    expect(plain.headers.upgrade).to.equal("websocket");
    expect(plain.body.error.code).to.equal("upgrade_required");
  });

  it("closes with 4002 when no credential comes in time, having delivered nothing", async () => {
    const c = await connect(`${base}/ws`);
    expect(await c.closed).to.equal(WS_CLOSE.authTimeout);
    expect(c.messages).to.deep.equal([]);
  });

  it("refuses other paths and foreign origins at the upgrade", async () => {
    const wrongPath = await connect(`${base}/elsewhere?token=${alice.token}`).catch((e: Error) => e.message);
    expect(wrongPath).to.equal("upgrade refused: 404");
    const foreign = await connect(`${base}/ws?token=${alice.token}`, { Origin: "https://evil.example" }).catch((e: Error) => e.message);
    expect(foreign).to.equal("upgrade refused: 403");
    const c = await connect(`${base}/ws?token=${alice.token}`, { Origin: ORIGIN });
    expect(await c.next()).to.deep.include({ event: "connected" });
    c.ws.close();
  });

  it("admits the API's own web page: an Origin naming the host it connects to", async () => {
    const own = await connect(`${base}/ws?token=${alice.token}`, { Origin: base.replace(/^ws/, "http") });
    expect(await own.next()).to.deep.include({ event: "connected" });
    own.ws.close();
    const lookalike = await connect(`${base}/ws?token=${alice.token}`, { Origin: `${base.replace(/^ws/, "http")}.evil.example` }).catch((e: Error) => e.message);
    expect(lookalike).to.equal("upgrade refused: 403");
  });
});

describe("event bus relay through Redis", () => {
  it("carries an event to the other replica once, and not back to the sender twice", async () => {
    const channel = `nps:test-events:${randomBytes(4).toString("hex")}`;
    const url = "redis://127.0.0.1:6379";
    const conns = [0, 1, 2, 3].map(() => new RedisConnection(url, silentLogger));
    await Promise.all(conns.map((c) => c.start()));
    const one = new EventBus(silentLogger);
    const two = new EventBus(silentLogger);
    const detachOne = one.attachRedis(conns[0]!, conns[1]!, channel);
    const detachTwo = two.attachRedis(conns[2]!, conns[3]!, channel);
    try {
      await new Promise((r) => setTimeout(r, 100));
      const atOne: UserEvent[] = [];
      const atTwo: UserEvent[] = [];
      one.subscribe("u1", (e) => atOne.push(e));
      two.subscribe("u1", (e) => atTwo.push(e));
      two.subscribe("u2", () => atTwo.push({ event: "wrong user", data: {} }));
      one.publish("u1", { event: "reading_complete", data: { id: 1 } });
      for (let i = 0; i < 40 && atTwo.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 100));
      expect(atOne).to.deep.equal([{ event: "reading_complete", data: { id: 1 } }]);
      expect(atTwo).to.deep.equal([{ event: "reading_complete", data: { id: 1 } }]);
    } finally {
      await detachOne();
      await detachTwo();
      await conns[0]!.close();
      await conns[2]!.close();
    }
  });
});
