import http from "node:http";
import { expect } from "chai";
import { WebSocket } from "ws";
import { silentLogger } from "../../lib/logger";
import { closeServer, listen } from "../../lib/side-http";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { attachWebSocket, type WsHandle } from "../ws/ws-server";
import { client, createProfile } from "./testing/feature-client";

describe("oracle readings over the WebSocket", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let server: http.Server;
  let ws: WsHandle;
  let base: string;
  let alice: SignedInUser;

  before(async () => {
    api = await startTestApi(t.db);
    server = http.createServer(api.api.app);
    ws = attachWebSocket(server, { authenticate: (c) => api.api.authenticator.authenticate(c), events: api.deps.events, logger: silentLogger, allowedOrigins: [] });
    base = `ws://127.0.0.1:${await listen(server, 0, "127.0.0.1")}`;
    alice = await api.signIn("user");
  });
  after(async () => {
    await ws.close();
    await closeServer(server);
    await api.close();
  });

  it("a reading's progress and completion reach its owner's socket", async () => {
    const profile = await createProfile(api, alice);
    const socket = new WebSocket(`${base}/ws?token=${alice.token}`);
    const received: { event: string; data: Record<string, unknown> }[] = [];
    const complete = new Promise<void>((resolve, reject) => {
      socket.on("message", (raw) => {
        const msg = JSON.parse(raw.toString()) as { event: string; data: Record<string, unknown> };
        received.push(msg);
        if (msg.event === "reading_complete") resolve();
      });
      socket.on("error", reject);
    });
    await new Promise((resolve) => socket.once("open", resolve));
    while (!received.some((m) => m.event === "connected")) await new Promise((r) => setTimeout(r, 5));

    const res = await client(api, alice).post("/api/oracle/readings", { reading_type: "time", profile_id: profile, include_ai: false });
    expect(res.status).to.equal(201);
    await complete;
    socket.close();
    const reading = received.filter((m) => m.event !== "connected");
    expect(reading.map((m) => m.event)).to.deep.equal(["reading_started", "reading_progress", "reading_progress", "reading_complete"]);
    expect(reading.every((m) => m.data.reading_id === res.body.id)).to.equal(true);
    expect(reading.at(-1)!.data.progress).to.equal(100);
  });
});
