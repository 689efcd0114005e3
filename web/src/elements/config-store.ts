// A ParamStore whose key=value pairs are the text of one attribute, `config` (the playground's
// hash syntax): <gradscope-playground config="dataset=spiral&steps=200"> runs the whole
// playground on it as the page runs on its URL hash, and the playground's changes are written
// back into the attribute.

import type { ParamStore } from "../state/param-store.js";
import { paramsText } from "../state/hash-location.js";
import { configParams } from "./run-attributes.js";

/** The side of the element's attribute store this needs. */
export interface KeyStore extends ParamStore {
  read(): URLSearchParams;
}

export class ConfigStore implements ParamStore {
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly attributes: KeyStore,
    private readonly key = "config",
  ) {
    attributes.onExternalChange(() => this.notify());
  }

  read(): URLSearchParams {
    return configParams(this.attributes.read().get(this.key));
  }

  update(change: (params: URLSearchParams) => void): void {
    const params = this.read();
    change(params);
    this.write(params);
  }

  /** Goes to `hash` as a followed link; the same text again is no change (no listener runs). */
  follow(hash: string): void {
    const params = configParams(hash);
    if (paramsText(params) === paramsText(this.read())) return;
    this.write(params);
    this.notify();
  }

  onExternalChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private write(params: URLSearchParams): void {
    const text = paramsText(params);
    this.attributes.update((p) => {
      if (text === "") p.delete(this.key);
      else p.set(this.key, text);
    });
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
