import { expect } from "chai";
import { WriteBatcher } from "./write-batcher";

class RowError extends Error {}

/** A batcher over a fake store that records each statement it was asked to run. */
function fakeStore(options: { failMany?: (items: readonly number[]) => Error | null; failOne?: (item: number) => Error | null; maxBatch?: number } = {}) {
  const statements: number[][] = [];
  const batcher = new WriteBatcher<number, string>({
    writeMany: async (items) => {
      statements.push([...items]);
      await Promise.resolve();
      const err = options.failMany?.(items);
      if (err) throw err;
      return items.map((i) => `row ${i}`);
    },
    writeOne: async (item) => {
      statements.push([item]);
      await Promise.resolve();
      const err = options.failOne?.(item);
      if (err) throw err;
      return `row ${item}`;
    },
    isItemError: (err) => err instanceof RowError,
    maxBatch: options.maxBatch ?? 100,
  });
  return { batcher, statements };
}

describe("WriteBatcher", () => {
  it("writes the first item at once and those arriving meanwhile together in the next statement, each caller getting its own answer", async () => {
    const { batcher, statements } = fakeStore();
    const answers = await Promise.all([1, 2, 3, 4, 5].map((i) => batcher.write(i)));
    expect(answers).to.deep.equal(["row 1", "row 2", "row 3", "row 4", "row 5"]);
    expect(statements).to.deep.equal([[1], [2, 3, 4, 5]]);
  });

  it("bounds a statement at maxBatch items", async () => {
    const { batcher, statements } = fakeStore({ maxBatch: 2 });
    const answers = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => batcher.write(i)));
    expect(answers).to.deep.equal([1, 2, 3, 4, 5, 6].map((i) => `row ${i}`));
    expect(statements).to.deep.equal([[1], [2, 3], [4, 5], [6]]);
  });

  it("an item's own error fails that item alone: the batch is written again one by one", async () => {
    const bad = (i: number) => (i === 3 ? new RowError(`item ${i} breaks a constraint`) : null);
    const { batcher, statements } = fakeStore({ failMany: (items) => (items.includes(3) ? new RowError("the batch breaks a constraint") : null), failOne: bad });
    const settled = await Promise.allSettled([1, 2, 3, 4].map((i) => batcher.write(i)));
    expect(settled.map((s) => (s.status === "fulfilled" ? s.value : (s.reason as Error).message))).to.deep.equal(["row 1", "row 2", "item 3 breaks a constraint", "row 4"]);
    expect(statements).to.deep.equal([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it("an error that is not an item's (the database away) fails the whole batch without retrying", async () => {
    const away = new Error("the database is unavailable");
    const { batcher, statements } = fakeStore({ failMany: () => away });
    const settled = await Promise.allSettled([1, 2, 3].map((i) => batcher.write(i)));
    expect(settled.map((s) => s.status)).to.deep.equal(["fulfilled", "rejected", "rejected"]);
    expect(settled.slice(1).map((s) => (s as PromiseRejectedResult).reason)).to.deep.equal([away, away]);
    expect(statements).to.deep.equal([[1], [2, 3]]);
  });

  it("keeps going after a failed batch: later writes are written", async () => {
    let broken = true;
    const { batcher } = fakeStore({ failMany: () => (broken ? new Error("away") : null) });
    await Promise.allSettled([1, 2, 3].map((i) => batcher.write(i)));
    broken = false;
    expect(await Promise.all([4, 5, 6].map((i) => batcher.write(i)))).to.deep.equal(["row 4", "row 5", "row 6"]);
  });
});
