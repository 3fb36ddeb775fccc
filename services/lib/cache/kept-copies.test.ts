import { expect } from "chai";
import { KeptCopies } from "./kept-copies";
import { SingleFlight } from "./single-flight";

/** A load that finishes when told to, counting how often it started. */
function gatedLoad<V>(value: V) {
  const state = { started: 0, release: () => {} };
  const gate = new Promise<void>((resolve) => (state.release = resolve));
  const load = async () => {
    state.started++;
    await gate;
    return value;
  };
  return { state, load };
}

describe("kept copies", () => {
  it("single flight: concurrent asks share one computation and its error; a later ask computes again", async () => {
    const flights = new SingleFlight<number>();
    const { state, load } = gatedLoad(7);
    const asks = [flights.run("k", load), flights.run("k", load), flights.run("k", load)];
    state.release();
    expect(await Promise.all(asks)).to.deep.equal([7, 7, 7]);
    expect(state.started).to.equal(1);
    let failures = 0;
    const failing = () => {
      failures++;
      return Promise.reject(new Error("down"));
    };
    const errors = await Promise.all([flights.run("k", failing), flights.run("k", failing)].map((p) => p.catch((e: Error) => e.message)));
    expect(errors).to.deep.equal(["down", "down"]);
    expect(failures).to.equal(1);
    expect(flights.size).to.equal(0);
  });

  it("loads a key once while concurrent misses wait, then answers from the copy until it expires", async () => {
    let now = 1_000;
    const copies = new KeptCopies<string>({ ttlMs: 1_000, now: () => now });
    const { state, load } = gatedLoad("v1");
    const asks = [copies.get("a", load), copies.get("a", load), copies.get("a", load)];
    state.release();
    expect(await Promise.all(asks)).to.deep.equal(["v1", "v1", "v1"]);
    expect(state.started).to.equal(1);
    expect(await copies.get("a", () => Promise.resolve("v2"))).to.equal("v1");
    now += 1_000;
    expect(await copies.get("a", () => Promise.resolve("v2"))).to.equal("v2");
  });

  it("an invalidation drops the copy at once, and a load under way then is answered but not kept", async () => {
    const copies = new KeptCopies<string>({ ttlMs: 60_000 });
    expect(await copies.get("a", () => Promise.resolve("old"))).to.equal("old");
    copies.invalidate("a");
    const { state, load } = gatedLoad("before the write");
    const early = copies.get("a", load);
    copies.invalidate("a");
    // Whoever asks after the invalidation does not join the earlier load.
    const late = copies.get("a", () => Promise.resolve("after the write"));
    state.release();
    expect(await early).to.equal("before the write");
    expect(await late).to.equal("after the write");
    expect(await copies.get("a", () => Promise.resolve("unused"))).to.equal("after the write");
  });

  it("keeps only what `keep` admits", async () => {
    const copies = new KeptCopies<string | null>({ ttlMs: 60_000, keep: (v) => v !== null });
    expect(await copies.get("a", () => Promise.resolve(null))).to.equal(null);
    expect(await copies.get("a", () => Promise.resolve("found"))).to.equal("found");
    expect(await copies.get("a", () => Promise.resolve("unused"))).to.equal("found");
  });
});
