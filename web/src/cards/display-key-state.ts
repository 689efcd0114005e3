// The input-space view's display keys (showTest, discretize) for one ParamStore: the boundary
// card's checkboxes change them, a link or an element's attributes set them, and a change from
// outside reaches the card.

import type { ViewContext } from "../app/page-view.js";
import type { ParamStore } from "../state/param-store.js";
import {
  DISPLAY_DEFAULTS,
  parseDisplayKeys,
  writeDisplayKeys,
  type DisplayKeys,
} from "../state/display-keys.js";

export class DisplayKeyState {
  private current: DisplayKeys = { ...DISPLAY_DEFAULTS };
  private listeners: ((keys: DisplayKeys) => void)[] = [];

  constructor(
    private readonly store: ParamStore,
    private readonly notify: (message: string) => void,
  ) {
    this.read();
    store.onExternalChange(() => this.read());
  }

  get keys(): DisplayKeys {
    return this.current;
  }

  /** Changes some keys and writes them to the store. */
  change(patch: Partial<DisplayKeys>): void {
    this.current = { ...this.current, ...patch };
    this.store.update((p) => writeDisplayKeys(this.current, p));
    this.tell();
  }

  /** Calls `listener` after each change; returns the unsubscribe. */
  onChange(listener: (keys: DisplayKeys) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  private read(): void {
    const { value, problems } = parseDisplayKeys(this.store.read());
    for (const p of problems) this.notify(p);
    const changed =
      value.showTest !== this.current.showTest || value.discretize !== this.current.discretize;
    this.current = value;
    if (changed) this.tell();
  }

  private tell(): void {
    for (const l of [...this.listeners]) l(this.current);
  }
}

const states = new WeakMap<ParamStore, DisplayKeyState>();

/** The one DisplayKeyState of `context`'s store. */
export function displayKeyState(context: ViewContext): DisplayKeyState {
  let state = states.get(context.hash);
  if (!state) {
    state = new DisplayKeyState(context.hash, (m) => context.notify(m));
    states.set(context.hash, state);
  }
  return state;
}
