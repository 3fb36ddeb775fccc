/**
 * ALERT_COOLDOWN: the same alert in the same state is told once per cooldown; a change of state
 * (firing, then resolved) is always told. The clock is passed in.
 */
export class Cooldown {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly ms: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** true when `key` in `status` may be told now (and records that it was). */
  take(key: string, status: string): boolean {
    const k = `${key}\u0000${status}`;
    const t = this.now();
    const prev = this.last.get(k);
    if (prev !== undefined && t - prev < this.ms) return false;
    this.last.set(k, t);
    // The other state starts afresh: resolved then firing again is news.
    for (const other of ["firing", "resolved"]) if (other !== status) this.last.delete(`${key}\u0000${other}`);
    if (this.last.size > 10_000) this.prune(t);
    return true;
  }

  private prune(t: number): void {
    for (const [k, at] of this.last) if (t - at >= this.ms) this.last.delete(k);
  }
}
