import { SingleFlight } from "./single-flight";
import { TtlMap } from "./ttl-map";

export interface KeptCopiesOptions<V> {
  /** How long a loaded value is kept. */
  readonly ttlMs: number;
  readonly maxEntries?: number;
  /** Whether a loaded value is kept at all (a missing account is asked again next time, say). */
  readonly keep?: (value: V) => boolean;
  readonly now?: () => number;
}

/**
 * This process's short-lived copies of values read from elsewhere (the database): a value is loaded
 * once per key while it is kept, concurrent misses share one load, and `invalidate(key)` drops the
 * copy at once. A load that was under way when the key was invalidated still answers whoever asked
 * before, but its value is not kept, and whoever asks after starts a fresh load.
 */
export class KeptCopies<V> {
  private readonly copies: TtlMap<V>;
  private readonly loads = new SingleFlight<V>();
  /** Bumped per key on invalidation; a load keeps its value only if the key's count did not move. */
  private readonly invalidations = new Map<string, number>();
  /** Loads under way, forgotten ones included (an invalidated load still finishes). */
  private running = 0;

  constructor(private readonly options: KeptCopiesOptions<V>) {
    this.copies = new TtlMap<V>(options.maxEntries ?? 10_000, options.now);
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const kept = this.copies.get(key);
    if (kept !== undefined) return Promise.resolve(kept);
    return this.loads.run(key, async () => {
      const seen = this.invalidations.get(key) ?? 0;
      this.running++;
      try {
        const value = await load();
        if ((this.invalidations.get(key) ?? 0) === seen && (this.options.keep?.(value) ?? true)) this.copies.set(key, value, this.options.ttlMs);
        return value;
      } finally {
        this.running--;
      }
    });
  }

  invalidate(key: string): void {
    this.copies.delete(key);
    this.loads.forget(key);
    this.invalidations.set(key, (this.invalidations.get(key) ?? 0) + 1);
    // The counts only matter while a load is under way; without one, forget them (memory stays bounded).
    if (this.running === 0) this.invalidations.clear();
  }
}
