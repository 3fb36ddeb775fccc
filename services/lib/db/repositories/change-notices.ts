/**
 * Who is told when this process changes a row that some process-wide copy keeps (an account, its
 * settings): every repository instance tells the same listeners, whichever Queryable it runs on.
 */
export interface ChangeNotices {
  /** Told the id of every changed row; returns the unsubscribe function. */
  listen(listener: (id: string) => void): () => void;
  tell(id: string): void;
}

export function changeNotices(): ChangeNotices {
  const listeners = new Set<(id: string) => void>();
  return {
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tell(id) {
      for (const listener of listeners) listener(id);
    },
  };
}
