// Lecture mode (`present=1`): a page-level switch, set by the URL or the header's button, that
// puts the class "present" on the document (styles.css: larger text, the story's charts first
// and large, no settings column).

import type { ParamStore } from "../state/param-store.js";
import { parsePageKeys, writePageKeys } from "../state/page-keys.js";

export class PresentMode {
  private readonly button: HTMLButtonElement;

  constructor(
    header: HTMLElement,
    private readonly hash: ParamStore,
  ) {
    const doc = header.ownerDocument;
    this.button = doc.createElement("button");
    this.button.type = "button";
    this.button.id = "present";
    this.button.className = "present-toggle";
    this.button.textContent = "Lecture mode";
    this.button.title = "Larger text and the story's charts first, for a projector (present=1)";
    this.button.addEventListener("click", () => this.toggle());
    header.append(this.button);
    hash.onExternalChange(() => this.sync());
    this.sync();
  }

  /** Shows what the hash says. */
  sync(): void {
    const on = parsePageKeys(this.hash.read()).value.present;
    const root = this.button.ownerDocument.documentElement;
    root.classList.toggle("present", on);
    this.button.setAttribute("aria-pressed", String(on));
  }

  private toggle(): void {
    this.hash.update((p) => {
      const keys = parsePageKeys(p).value;
      writePageKeys({ ...keys, present: !keys.present }, p);
    });
    this.sync(); // the charts follow their containers' sizes (ResizeObserver)
  }
}
