/**
 * Events in the last 60 seconds, in one-second slots: cheap enough to bump on every request,
 * exact enough for "requests per minute" on /api/health/performance.
 */
export class PerMinuteCounter {
  private readonly slots = new Uint32Array(60);
  private readonly slotSecond = new Float64Array(60);

  constructor(private readonly now: () => number = Date.now) {}

  add(): void {
    const second = Math.floor(this.now() / 1000);
    const i = second % 60;
    if (this.slotSecond[i] !== second) {
      this.slotSecond[i] = second;
      this.slots[i] = 0;
    }
    this.slots[i]++;
  }

  /** Events counted in the 60 seconds up to now. */
  lastMinute(): number {
    const second = Math.floor(this.now() / 1000);
    let total = 0;
    for (let i = 0; i < 60; i++) {
      if (second - this.slotSecond[i] < 60) total += this.slots[i];
    }
    return total;
  }
}
