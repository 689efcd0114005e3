// The time charts' shared keys (x unit, smoothing) for one ParamStore: the gradient-norms card
// changes them, the loss card follows; both read them from the store (the URL hash or an
// element's attributes), and a change from outside (a link) reaches both.

import type { ViewContext } from "../app/page-view.js";
import type { ParamStore } from "../state/param-store.js";
import {
  CHART_DEFAULTS,
  parseChartKeys,
  writeChartKeys,
  type ChartKeys,
} from "../state/chart-keys.js";

export class ChartKeyState {
  private current: ChartKeys = { ...CHART_DEFAULTS };
  private listeners: ((keys: ChartKeys) => void)[] = [];

  constructor(
    private readonly store: ParamStore,
    private readonly notify: (message: string) => void,
  ) {
    this.read();
    store.onExternalChange(() => this.read());
  }

  get keys(): ChartKeys {
    return this.current;
  }

  /** Changes some keys and writes them to the store. */
  change(patch: Partial<ChartKeys>): void {
    this.current = { ...this.current, ...patch };
    this.store.update((p) => writeChartKeys(this.current, p));
    this.tell();
  }

  /** Calls `listener` after each change; returns the unsubscribe. */
  onChange(listener: (keys: ChartKeys) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Reads `time` and `smooth` from the store (bad values: a notice each, default kept). */
  private read(): void {
    const { value, problems } = parseChartKeys(this.store.read());
    for (const p of problems) this.notify(p);
    const changed = value.time !== this.current.time || value.smooth !== this.current.smooth;
    this.current = value;
    if (changed) this.tell();
  }

  private tell(): void {
    for (const l of [...this.listeners]) l(this.current);
  }
}

const states = new WeakMap<ParamStore, ChartKeyState>();

/** The one ChartKeyState of `context`'s store. */
export function chartKeyState(context: ViewContext): ChartKeyState {
  let state = states.get(context.hash);
  if (!state) {
    state = new ChartKeyState(context.hash, (m) => context.notify(m));
    states.set(context.hash, state);
  }
  return state;
}
