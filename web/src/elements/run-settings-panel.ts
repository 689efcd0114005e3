// The settings form of a <gradscope-run controls="…,settings">: the playground's SettingsPanel and
// LayerEditor acting on the element's run. A change goes to the run and into the element's
// attributes (only the settings that changed), so the markup says what the run trains.

import { LayerEditor } from "../controls/layer-editor.js";
import { SettingsPanel, type SettingsPatch } from "../controls/settings-panel.js";
import { patchSettings } from "../controls/settings-patch.js";
import type { RunController } from "../run/run-controller.js";
import type { ParamStore } from "../state/param-store.js";
import { maxNeurons, SETTINGS_TABLE } from "../state/settings.js";
import { startOwnPoints } from "../model/own-points.js";

export class RunSettingsPanel {
  private readonly root: HTMLElement;
  private readonly stop: () => void;

  constructor(
    slot: HTMLElement,
    private readonly run: RunController,
    private readonly store: ParamStore,
    private readonly notify: (message: string) => void,
  ) {
    const doc = slot.ownerDocument;
    this.root = doc.createElement("details");
    this.root.className = "settings";
    const summary = doc.createElement("summary");
    summary.textContent = "Settings";
    const form = doc.createElement("form");
    form.setAttribute("aria-label", "Settings");
    form.addEventListener("submit", (e) => e.preventDefault());
    this.root.append(summary, form);
    slot.append(this.root);
    const panel = new SettingsPanel(form, (patch) => this.change(patch));
    const network = panel.groups.get("Network");
    if (!network) throw new Error("the settings panel has no Network group");
    const layers = new LayerEditor(network, (hidden) => this.change({ hidden }));
    // The layer editor right under the legend, as in the playground.
    const legend = network.querySelector("legend");
    const bar = network.querySelector(".layer-bar");
    const list = network.querySelector(".layer-list");
    if (legend && bar && list) legend.after(bar, list);
    this.stop = run.subscribe({
      settings: (s) => {
        panel.render(s);
        layers.render(s.hidden, maxNeurons(s.dataset));
      },
    });
  }

  dispose(): void {
    this.stop();
    this.root.remove();
  }

  private change(patch: SettingsPatch): void {
    const before = this.run.settings;
    if (!before) return;
    const { next: patched, note } = patchSettings(before, patch);
    // A switch to "your points" with none yet starts from the points shown.
    const next = patch.dataset ? startOwnPoints(patched, this.run.state?.preview) : patched;
    if (note) this.notify(note);
    // Reflected first (no external change: the store writes), then trained.
    this.store.update((p) => {
      for (const spec of SETTINGS_TABLE) {
        const key = spec.key;
        if (!spec.kind.equals(before[key] as never, next[key] as never))
          p.set(String(key), spec.kind.format(next[key] as never));
      }
    });
    this.run.apply(next);
  }
}
