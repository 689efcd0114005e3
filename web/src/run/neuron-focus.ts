// Which neuron the network diagram points at (hovered, or selected while the diagram has the
// keyboard focus), shared with the run's other cards: the boundary card enlarges that neuron's map
// and returns to the output when it is null. One per run, without a place in RunController.

import type { NeuronRef } from "../model/neuron-maps.js";

export class NeuronFocus {
  private current: NeuronRef | null = null;
  private readonly listeners = new Set<(ref: NeuronRef | null) => void>();

  get neuron(): NeuronRef | null {
    return this.current;
  }

  /** Points at `ref` (null: none); listeners hear only a change. */
  set(ref: NeuronRef | null): void {
    const same =
      ref === this.current ||
      (ref !== null &&
        this.current !== null &&
        ref.layer === this.current.layer &&
        ref.index === this.current.index);
    if (same) return;
    this.current = ref ? { ...ref } : null;
    for (const listener of [...this.listeners]) listener(this.current);
  }

  /** Listens until the returned function is called. */
  listen(listener: (ref: NeuronRef | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const focuses = new WeakMap<object, NeuronFocus>();

/** The neuron focus of `run` (made on first use). */
export function neuronFocus(run: object): NeuronFocus {
  let focus = focuses.get(run);
  if (!focus) {
    focus = new NeuronFocus();
    focuses.set(run, focus);
  }
  return focus;
}
