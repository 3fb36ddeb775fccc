/**
 * Who is told when this process changes a row that some process-wide copy keeps (an account, its
 * settings, a profile): every repository instance tells the same listeners, whichever Queryable it runs on.
 */
export interface ChangeNotices<T = string> {
  /** Told every changed row (its id, or what a copy needs to find it); returns the unsubscribe function. */
  listen(listener: (changed: T) => void): () => void;
  tell(changed: T): void;
}

export function changeNotices<T = string>(): ChangeNotices<T> {
  const listeners = new Set<(changed: T) => void>();
  return {
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tell(changed) {
      for (const listener of listeners) listener(changed);
    },
  };
}
