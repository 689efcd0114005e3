// The runs of one document by id, for the views that follow them: a view asks for its run's id
// and is called back when a run of that id connects (also when the run comes later in the page,
// or is replaced), and with null when it leaves. Pure bookkeeping; the elements feed it.

export type RunWaiter<R> = (run: R | null) => void;

export class RunRegistry<R> {
  private readonly runs = new Map<string, R>();
  private readonly waiters = new Map<string, Set<RunWaiter<R>>>();

  /** The run of `id` now, or null. */
  get(id: string): R | null {
    return this.runs.get(id) ?? null;
  }

  /** A run of `id` connected: it serves the views of that id (a later run of the same id wins). */
  add(id: string, run: R): void {
    if (this.runs.get(id) === run) return;
    this.runs.set(id, run);
    for (const waiter of this.waiters.get(id) ?? []) waiter(run);
  }

  /** `run` left (disconnected or changed its id); its views hear null. */
  remove(id: string, run: R): void {
    if (this.runs.get(id) !== run) return;
    this.runs.delete(id);
    for (const waiter of this.waiters.get(id) ?? []) waiter(null);
  }

  /**
   * Calls `waiter` with the run of `id` now (or null) and at every later change; returns the
   * function that stops it.
   */
  follow(id: string, waiter: RunWaiter<R>): () => void {
    let set = this.waiters.get(id);
    if (!set) {
      set = new Set();
      this.waiters.set(id, set);
    }
    set.add(waiter);
    waiter(this.get(id));
    return () => {
      set.delete(waiter);
      if (set.size === 0) this.waiters.delete(id);
    };
  }
}
