// The input-space card's two checkboxes (TensorFlow Playground's): "Show test data" and
// "Discretize output". A change reports a patch of the display keys and nothing else.

import type { DisplayKeys } from "../state/display-keys.js";
import { discretizeApplies, type InputSpaceMode } from "../views/input-space-text.js";

export class DisplayToggles {
  readonly root: HTMLElement;
  private readonly showTest: HTMLInputElement;
  private readonly discretize: HTMLInputElement;

  constructor(doc: Document, change: (patch: Partial<DisplayKeys>) => void) {
    this.root = doc.createElement("div");
    this.root.className = "chart-controls display-toggles";
    const box = (id: string, text: string) => {
      const label = doc.createElement("label");
      const input = doc.createElement("input");
      input.type = "checkbox";
      input.id = id;
      label.append(input, ` ${text}`);
      this.root.append(label);
      return input;
    };
    this.showTest = box("show-test", "Show test data");
    this.discretize = box("discretize", "Discretize output");
    this.showTest.addEventListener("change", () => change({ showTest: this.showTest.checked }));
    this.discretize.addEventListener("change", () =>
      change({ discretize: this.discretize.checked }),
    );
  }

  /** Shows `keys`; a value map or a fitted curve has no regions to discretize: box hidden. */
  render(keys: DisplayKeys, mode: InputSpaceMode): void {
    this.showTest.checked = keys.showTest;
    this.discretize.checked = keys.discretize;
    const label = this.discretize.parentElement;
    if (label) label.hidden = !discretizeApplies(mode);
  }
}
