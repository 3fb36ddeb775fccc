import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { expect } from "chai";
import { silentLogger } from "../logger";
import { createCacheLayer, type CacheLayer } from "./cache-layer";
import { TestRedisServer } from "./test-redis-server";
import { TtlMap } from "./ttl-map";

const entry = (body: string) => ({ status: 200, contentType: "application/json", body, etag: `"${body.length}"` });

describe("cache layer", () => {
  describe("TtlMap", () => {
    it("expires entries and evicts the oldest when full", () => {
      let now = 1000;
      const map = new TtlMap<string>(2, () => now);
      map.set("a", "1", 100);
      map.set("b", "2", 500);
      expect(map.get("a")).to.equal("1");
      now += 200;
      expect(map.get("a")).to.equal(undefined);
      map.set("c", "3", 500);
      map.set("d", "4", 500);
      expect(map.size).to.equal(2);
      expect(map.get("b")).to.equal(undefined);
      expect(map.get("d")).to.equal("4");
    });
  });

  describe("in memory (no Redis configured)", () => {
    let layer: CacheLayer;
    before(async () => {
      layer = await createCacheLayer({ kind: "memory" }, silentLogger);
    });

    it("keeps entries per owner and clears one owner only", async () => {
      await layer.cache.set("u1", "GET /a", entry("one"), 60);
      await layer.cache.set("u2", "GET /a", entry("two"), 60);
      expect((await layer.cache.get("u1", "GET /a"))?.body).to.equal("one");
      expect((await layer.cache.get("u2", "GET /a"))?.body).to.equal("two");
      await layer.cache.invalidate("u1");
      expect(await layer.cache.get("u1", "GET /a")).to.equal(undefined);
      expect((await layer.cache.get("u2", "GET /a"))?.body).to.equal("two");
      expect(layer.status()).to.deep.equal({ state: "not_configured" });
    });

    it("remembers revocations until they expire", async () => {
      await layer.revocations.revoke("jti-1", Math.floor(Date.now() / 1000) + 60);
      await layer.revocations.revoke("jti-old", Math.floor(Date.now() / 1000) - 1);
      expect(await layer.revocations.isRevoked("jti-1")).to.equal(true);
      expect(await layer.revocations.isRevoked("jti-old")).to.equal(false);
      expect(await layer.revocations.isRevoked("jti-2")).to.equal(false);
    });
  });

  describe("with a Redis that goes away and comes back", () => {
    let server: TestRedisServer;
    let layer: CacheLayer;
    const prefix = `t${randomUUID().slice(0, 8)}:`;

    before(async () => {
      server = await TestRedisServer.start();
      layer = await createCacheLayer({ kind: "redis", url: server.url, source: "REDIS_URL" }, silentLogger, { keyPrefix: prefix });
    });
    after(async () => {
      await layer.close();
      await server.stop();
    });

    it("stores in Redis while it is up", async () => {
      expect(layer.status()).to.deep.equal({ state: "healthy" });
      await layer.cache.set("u1", "GET /x", entry("cached"), 60);
      expect(await layer.redis!.client.hexists(`${prefix}cache:u1`, "GET /x")).to.equal(1);
      const ttl = await layer.redis!.client.pttl(`${prefix}cache:u1`);
      expect(ttl).to.be.within(1, 60_000);
      await layer.revocations.revoke("jti-a", Math.floor(Date.now() / 1000) + 60);
      expect(await layer.redis!.client.exists(`${prefix}revoked:jti-a`)).to.equal(1);
    });

    it("falls back to memory when Redis dies, and replays invalidations and revocations when it returns", async () => {
      await layer.cache.set("u2", "GET /y", entry("before-outage"), 60);
      const down = once(layer.redis!, "down");
      await server.stop();
      await down;
      expect(layer.status().state).to.equal("unhealthy");

      // Still serving: writes and reads go to memory, revocations still hold.
      await layer.cache.set("u3", "GET /z", entry("in-memory"), 60);
      expect((await layer.cache.get("u3", "GET /z"))?.body).to.equal("in-memory");
      await layer.revocations.revoke("jti-b", Math.floor(Date.now() / 1000) + 60);
      expect(await layer.revocations.isRevoked("jti-b")).to.equal(true);
      await layer.cache.invalidate("u1");

      const up = once(layer.redis!, "up");
      await server.restart();
      await up;
      await layer.revocations.revoke("jti-c", Math.floor(Date.now() / 1000) + 60);
      await waitFor(async () => (await layer.redis!.client.exists(`${prefix}revoked:jti-b`)) === 1);
      expect(layer.status()).to.deep.equal({ state: "healthy" });
      expect(await layer.redis!.client.exists(`${prefix}revoked:jti-c`)).to.equal(1);
      // Memory copies are dropped once Redis is back: reads go to Redis again.
      expect(await layer.cache.get("u3", "GET /z")).to.equal(undefined);
    });

    it("replays an invalidation made during an outage onto entries that survived it", async () => {
      await layer.cache.set("u4", "GET /w", entry("stale-after-write"), 60);
      // Simulate a partition: the client loses Redis while the server (and its data) lives on.
      const down = once(layer.redis!, "down");
      layer.redis!.client.disconnect(true);
      await down;
      await layer.cache.invalidate("u4");
      await once(layer.redis!, "up");
      await waitFor(async () => (await layer.redis!.client.exists(`${prefix}cache:u4`)) === 0);
      expect(await layer.cache.get("u4", "GET /w")).to.equal(undefined);
    });
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("condition not reached in time");
}
