import { expect } from "chai";
import { BoundedCache } from "./bounded-cache";

describe("the chart's bounded cache", () => {
  const frozen = <T extends object>(v: T): T => Object.freeze(v);

  it("keeps a value from its second sight, per variant", () => {
    const cache = new BoundedCache<string, { v: string }>(8, 2, frozen);
    const first = cache.get(0, "Ada", () => ({ v: "a0" }));
    expect(cache.size).to.equal(0);
    const second = cache.get(0, "Ada", () => ({ v: "a0" }));
    expect(cache.size).to.equal(1);
    expect(cache.get(0, "Ada", () => ({ v: "other" }))).to.equal(second);
    expect(first).to.not.equal(second);
    // The other variant of the same key is its own value, met for the first time.
    expect(cache.get(1, "Ada", () => ({ v: "a1" })).v).to.equal("a1");
    expect(cache.get(1, "Ada", () => ({ v: "a1" })).v).to.equal("a1");
    expect(cache.size).to.equal(2);
    expect(cache.get(0, "Ada", () => ({ v: "other" })).v).to.equal("a0");
  });

  it("never holds more values than its capacity, over every variant", () => {
    const cache = new BoundedCache<number, { v: number }>(5, 3, frozen);
    // Each key and variant asked for twice in a row, so each is kept.
    for (let key = 0; key < 20; key++) {
      for (let variant = 0; variant < 3; variant++) {
        for (let ask = 0; ask < 2; ask++) cache.get(variant, key, () => ({ v: key * 10 + variant }));
        expect(cache.size).to.be.within(1, 5);
      }
    }
    // The oldest key goes with all its variants, so it may hold a little less than its capacity.
    expect(cache.size).to.be.within(3, 5);
    // What it holds is still right for its key and variant.
    for (let key = 0; key < 20; key++) for (let variant = 0; variant < 3; variant++) expect(cache.get(variant, key, () => ({ v: key * 10 + variant })).v).to.equal(key * 10 + variant);
  });
});
