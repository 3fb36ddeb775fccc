/**
 * Concurrent asks for the same key share one computation: the first starts it, the others wait for
 * its answer (or its error) instead of repeating it. Once it settles the key is free again, so a
 * later ask computes afresh. `forget(key)` lets the next ask start its own computation at once
 * (what an invalidation needs: whoever asks after a write must not be handed a pre-write answer).
 */
export class SingleFlight<V> {
  private readonly flights = new Map<string, Promise<V>>();

  run(key: string, compute: () => Promise<V>): Promise<V> {
    const running = this.flights.get(key);
    if (running) return running;
    const flight = compute().finally(() => {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    });
    this.flights.set(key, flight);
    return flight;
  }

  forget(key: string): void {
    this.flights.delete(key);
  }

  /** Computations under way (for tests and metrics). */
  get size(): number {
    return this.flights.size;
  }
}
