// How the training worker splits one update (`speed` mini-batches) into chunks it trains between
// looks at its message queue, so Pause, Reset and new settings act within one chunk however slow
// a mini-batch is. Chunks only group consecutive steps of the one trainer: the same mini-batches
// are trained in the same order as by one call for the whole update.

/** About how long one chunk may train before the worker reads its messages again. */
export const CHUNK_BUDGET_MS = 40;

/**
 * The most mini-batches per chunk at `msPerBatch` (measured): as many as fit the budget, at least
 * one. Before the first measurement (undefined) one mini-batch, which then measures the cost.
 */
export function chunkLimit(msPerBatch: number | undefined, budgetMs = CHUNK_BUDGET_MS): number {
  if (msPerBatch === undefined || !Number.isFinite(msPerBatch) || msPerBatch < 0) return 1;
  if (msPerBatch === 0) return Number.MAX_SAFE_INTEGER;
  return Math.max(1, Math.floor(budgetMs / msPerBatch));
}

/**
 * The next chunk of an update with `left` mini-batches still to train: at most chunkLimit of the
 * measured cost, never more than `left`; 0 once the update is done.
 */
export function nextChunk(
  left: number,
  msPerBatch: number | undefined,
  budgetMs = CHUNK_BUDGET_MS,
): number {
  if (!Number.isInteger(left) || left < 0) throw new RangeError(`mini-batches left: ${left}`);
  return Math.min(left, chunkLimit(msPerBatch, budgetMs));
}

/**
 * The measured cost of one mini-batch: a running average over the chunks trained (half weight to
 * the newest), forgotten when the network or batch size changes.
 */
export class BatchCost {
  private ms: number | undefined;

  /** Milliseconds per mini-batch so far, or undefined before any chunk was measured. */
  get msPerBatch(): number | undefined {
    return this.ms;
  }

  record(batches: number, elapsedMs: number): void {
    if (batches < 1 || !Number.isFinite(elapsedMs) || elapsedMs < 0) return;
    const sample = elapsedMs / batches;
    this.ms = this.ms === undefined ? sample : (this.ms + sample) / 2;
  }

  forget(): void {
    this.ms = undefined;
  }
}
