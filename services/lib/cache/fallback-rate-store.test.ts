import { randomBytes } from "node:crypto";
import { expect } from "chai";
import type { Options } from "express-rate-limit";
import { silentLogger } from "../logger";
import { FallbackRateStore } from "./fallback-rate-store";
import { RedisConnection } from "./redis-connection";

describe("rate limit store over Redis with a memory fallback", () => {
  let redis: RedisConnection;
  before(async () => {
    redis = new RedisConnection("redis://127.0.0.1:6379", silentLogger, { name: "nps-test" });
    await redis.start();
    expect(redis.isUp, "the test needs the local Redis").to.equal(true);
  });
  after(() => redis.close());

  it("counts in Redis from the first request, while its scripts are still loading", async () => {
    const prefix = `nps-test:rl:${randomBytes(4).toString("hex")}:`;
    const store = new FallbackRateStore(redis, prefix, silentLogger);
    store.init({ windowMs: 60_000 } as Options);
    // No wait after init: these arrive while the store's scripts load, as a service's first requests do.
    const counts = await Promise.all([store.increment("ip:1"), store.increment("ip:1"), store.increment("ip:1")]);
    expect(counts.map((c) => c.totalHits).sort()).to.deep.equal([1, 2, 3]);
    expect(await redis.client.get(`${prefix}ip:1`)).to.equal("3");
    store.shutdown();
    await redis.client.del(`${prefix}ip:1`);
  });
});
