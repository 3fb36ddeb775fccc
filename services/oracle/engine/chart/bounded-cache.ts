/**
 * A small memo for the parts of a chart that depend on one input alone: a name's numbers (per
 * name, system and language) and a birth date's (per date and language). Values are frozen (by
 * the freezer the cache is made with, which knows their shape), so no caller can change what the
 * next caller gets; the oldest entry goes when the cache is full.
 *
 * A key is kept only when it comes back: the first sight leaves just its hash in a table of
 * seen keys. Keeping every name met once would fill the cache with names never asked about
 * again, and each kept entry outlives the young heap, so the garbage collector copies it.
 */
export class BoundedCache<K extends string | number, V> {
  private readonly entries = new Map<K, V>();
  /** Hashes of keys met once, one per slot; a slot is overwritten by the next key that falls in it. */
  private readonly seen: Int32Array;

  constructor(
    private readonly capacity: number,
    /** Freezes a new value through and through, returning it. */
    private readonly freeze: (value: V) => V,
  ) {
    this.seen = new Int32Array(seenSlots(capacity));
  }

  get(key: K, make: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = this.freeze(make());
    if (this.metBefore(key)) {
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, value);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether the key was met before (by its hash), noting it if not. */
  private metBefore(key: K): boolean {
    const h = typeof key === "number" ? hashNumber(key) : hash(key);
    const slot = h & (this.seen.length - 1);
    if (this.seen[slot] === h) return true;
    this.seen[slot] = h;
    return false;
  }
}

/** A power of two at least twice the capacity, so keys met once seldom push each other out. */
function seenSlots(capacity: number): number {
  let n = 1;
  while (n < capacity * 2) n <<= 1;
  return n;
}

/** A whole number's bits mixed (the MurmurHash3 finaliser), so its low bits pick the slot fairly; 0 is reserved for an empty slot. */
function hashNumber(key: number): number {
  let h = key | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

/** FNV-1a over the UTF-16 units; 0 is reserved for an empty slot. */
function hash(key: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h === 0 ? 1 : h;
}
