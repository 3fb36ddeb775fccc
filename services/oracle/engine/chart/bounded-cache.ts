/**
 * A small memo for the parts of a chart that depend on one input alone: a name's numbers (per
 * name, system and language) and a birth date's (per date and language). Values are frozen, so
 * no caller can change what the next caller gets; the oldest entry goes when the cache is full.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string, make: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = deepFreeze(make());
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    const o = value as Record<string, unknown>;
    for (const k in o) {
      const v = o[k];
      if (typeof v === "object" && v !== null) deepFreeze(v);
    }
  }
  return value;
}
