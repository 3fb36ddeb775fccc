/**
 * A small memo for what the engine derives from one input alone: a chart's name part (per name,
 * with a variant for the system asked for and the language) and birth part (per date, with a
 * variant for the language), a name's Latin form (script/read-name.ts). Values are frozen (by the freezer the cache is made with,
 * which knows their shape), so no caller can change what the next caller gets; when the cache
 * holds `capacity` values the oldest key goes, with all its variants.
 *
 * Variants sit in a short list under their key rather than in a key of their own: building a
 * composite string key for every call (language, system, name) cost more than the lookup.
 *
 * A value is kept only when it comes back: the first sight leaves just a hash in a table of
 * seen keys. Keeping every name met once would fill the cache with names never asked about
 * again, and each kept entry outlives the young heap, so the garbage collector copies it.
 */
export class BoundedCache<K extends string | number, V> {
  private readonly entries = new Map<K, (V | undefined)[]>();
  /** Values held, over every key and variant. */
  private held = 0;
  /** Hashes of keys met once, one per slot; a slot is overwritten by the next key that falls in it. */
  private readonly seen: Int32Array;

  constructor(
    private readonly capacity: number,
    /** Variants are 0 to variants - 1. */
    private readonly variants: number,
    /** Freezes a new value through and through, returning it. */
    private readonly freeze: (value: V) => V,
  ) {
    this.seen = new Int32Array(seenSlots(capacity));
  }

  get(variant: number, key: K, make: () => V): V {
    const row = this.entries.get(key);
    if (row !== undefined) {
      const hit = row[variant];
      if (hit !== undefined) return hit;
    }
    const value = this.freeze(make());
    if (this.metBefore(variant, key)) this.keep(variant, key, value);
    return value;
  }

  /** Values held, over every key and variant. */
  get size(): number {
    return this.held;
  }

  private keep(variant: number, key: K, value: V): void {
    while (this.held >= this.capacity) this.dropOldest();
    let row = this.entries.get(key);
    if (row === undefined) this.entries.set(key, (row = new Array<V | undefined>(this.variants).fill(undefined)));
    row[variant] = value;
    this.held++;
  }

  private dropOldest(): void {
    const [key, row] = this.entries.entries().next().value!;
    this.entries.delete(key);
    for (const v of row) if (v !== undefined) this.held--;
  }

  /** Whether the key and variant were met before (by their hash), noting them if not. */
  private metBefore(variant: number, key: K): boolean {
    const h = mixed(typeof key === "number" ? hashNumber(key) : hash(key), variant);
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

/** A key's hash with its variant folded in; 0 is reserved for an empty slot. */
function mixed(h: number, variant: number): number {
  return variant === 0 ? h : hashNumber(h ^ Math.imul(variant, 0x9e3779b1));
}

/** FNV-1a over the UTF-16 units; 0 is reserved for an empty slot. */
function hash(key: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h === 0 ? 1 : h;
}
