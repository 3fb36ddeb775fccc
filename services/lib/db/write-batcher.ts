/**
 * Coalesces writes made at about the same time into one statement. The first write starts a batch
 * at once; writes that arrive while it is in flight wait and go together in the next one (at most
 * `maxBatch` each). A statement per batch instead of per row saves the database a round trip, a
 * parse, a plan and a commit per row, and Node the per-query work of the driver and the pool.
 *
 * `writeMany` answers the batch's items in order, or throws for the batch as a whole. An error
 * that one item may have caused (`isItemError`: a constraint or a bad value) must not fail the
 * others, so the batch's items are then written one by one with `writeOne`, each getting its own
 * answer or its own error; any other error (the database being away) fails every item of the batch.
 */

export interface WriteBatcherOptions<I, O> {
  readonly writeMany: (items: readonly I[]) => Promise<O[]>;
  readonly writeOne: (item: I) => Promise<O>;
  readonly isItemError: (err: unknown) => boolean;
  readonly maxBatch: number;
}

interface Waiting<I, O> {
  readonly item: I;
  readonly resolve: (value: O) => void;
  readonly reject: (err: unknown) => void;
}

export class WriteBatcher<I, O> {
  private readonly queue: Waiting<I, O>[] = [];
  private inFlight = false;

  constructor(private readonly options: WriteBatcherOptions<I, O>) {
    if (options.maxBatch < 1) throw new Error("WriteBatcher: maxBatch must be at least 1");
  }

  write(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.inFlight) void this.drain();
    });
  }

  /** Runs batches until the queue is empty; one batch at a time. */
  private async drain(): Promise<void> {
    this.inFlight = true;
    try {
      while (this.queue.length > 0) {
        await this.run(this.queue.splice(0, this.options.maxBatch));
      }
    } finally {
      this.inFlight = false;
    }
  }

  private async run(batch: readonly Waiting<I, O>[]): Promise<void> {
    // A batch of one is the single write itself (its own error is already its own).
    if (batch.length === 1) return settle(batch[0]!, () => this.options.writeOne(batch[0]!.item));
    let written: O[];
    try {
      written = await this.options.writeMany(batch.map((w) => w.item));
    } catch (err) {
      if (!this.options.isItemError(err)) {
        for (const w of batch) w.reject(err);
        return;
      }
      await Promise.all(batch.map((w) => settle(w, () => this.options.writeOne(w.item))));
      return;
    }
    batch.forEach((w, i) => w.resolve(written[i]!));
  }
}

async function settle<I, O>(w: Waiting<I, O>, write: () => Promise<O>): Promise<void> {
  try {
    w.resolve(await write());
  } catch (err) {
    w.reject(err);
  }
}
