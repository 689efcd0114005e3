// The URL hash as key=value pairs. Writes replace the history entry (dragging a slider must not
// flood the back button) and keep commas and colons readable, so "hidden=6,6" stays "hidden=6,6"
// and "sample=train:12" stays "sample=train:12" (both are allowed in a fragment).

import { carryPresent } from "./carry-present.js";
import type { ParamStore } from "./param-store.js";

/** `params` as key=value text with commas and colons left readable ("hidden=6,6"). */
export function paramsText(params: URLSearchParams): string {
  return [...params]
    .map(
      ([k, v]) =>
        `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%2C/g, ",").replace(/%3A/g, ":")}`,
    )
    .join("&");
}

export class HashLocation implements ParamStore {
  constructor(private readonly win: Window) {}

  read(): URLSearchParams {
    return new URLSearchParams(this.win.location.hash.replace(/^#/, ""));
  }

  /** Applies `change` to the current parameters and writes them back without a history entry. */
  update(change: (params: URLSearchParams) => void): void {
    const params = this.read();
    change(params);
    const text = paramsText(params);
    const url = new URL(this.win.location.href);
    url.hash = text;
    this.win.history.replaceState(this.win.history.state, "", url.href);
  }

  /**
   * Goes to `hash` ("#key=value&…") as a followed link does: the hashchange listeners run.
   * Lecture mode (present=1) stays on.
   */
  follow(hash: string): void {
    this.win.location.hash = carryPresent(hash, this.read());
  }

  /** Called when the learner edits the hash or follows a link to another configuration. */
  onExternalChange(listener: () => void): void {
    this.win.addEventListener("hashchange", listener);
  }
}
