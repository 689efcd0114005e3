// The input-space cards: the decision boundary over the plane (2-D data sets) and the first test
// digits with the network's guesses (MNIST). The playground shows whichever fits its data.

import type { DataPreview } from "../model/protocol.js";
import type { Settings } from "../state/settings.js";
import { DecisionBoundaryView } from "../views/decision-boundary-view.js";
import {
  effectiveDisplay,
  inputSpaceCaption,
  inputSpaceMode,
  inputSpaceTitle,
} from "../views/input-space-text.js";
import { NeuronMapPanel } from "../views/neuron-map-panel.js";
import { TestDigitsView } from "../views/test-digits-view.js";
import { DisplayToggles } from "../controls/display-toggles.js";
import { displayKeyState } from "./display-key-state.js";
import type { RunCard } from "./run-card.js";

export const decisionBoundaryCard: RunCard = {
  elementId: "view-boundary",
  text: "The network's output over the input plane; the white band is where it says 0.5.",
  build(card, run, context) {
    const keys = displayKeyState(context);
    const doc = card.root.ownerDocument;
    const toggles = new DisplayToggles(doc, (patch) => keys.change(patch));
    card.explanation.after(toggles.root);
    const view = new DecisionBoundaryView(card.body);
    const heading = card.root.querySelector("h2");
    let settings: Settings | null = null;
    // Title, caption, toggles and view follow the settings and the display keys.
    const show = () => {
      const mode = settings ? inputSpaceMode(settings.dataset) : "classes";
      toggles.render(keys.keys, mode);
      view.setDisplay(effectiveDisplay(keys.keys, mode));
      if (!settings) return;
      if (heading) heading.textContent = inputSpaceTitle(settings.dataset);
      card.explanation.textContent = inputSpaceCaption(settings, keys.keys);
    };
    show();
    const stop = keys.onChange(show);
    // A neuron the network diagram points at is drawn over the output (neuron-map-panel.ts).
    const neuron = new NeuronMapPanel(card, run);
    return {
      listener: {
        settings: (s) => {
          settings = s;
          view.setSettings(s);
          show();
        },
        configured: (preview) => {
          if (preview.kind === "plane" || preview.kind === "line")
            view.setPoints(preview.train, preview.test);
        },
        snapshot: (s) => {
          if (s.input.kind === "plane") view.setBoundary(s.input.boundary);
          else if (s.input.kind === "line") view.setCurve(s.input.curve);
        },
      },
      dispose: () => {
        stop();
        neuron.dispose();
      },
    };
  },
};

/** The digits card's explanation: what is shown and on which figures the run is measured. */
export function digitsExplanation(preview: Extract<DataPreview, { kind: "digits" }>): string {
  const n = preview.digits.labels.length;
  const count = (v: number) => v.toLocaleString("en");
  return (
    `A 784-pixel input has no plane to paint, so here are the first ${n} of the ` +
    `${count(preview.testCount)} held-out test digits with the network's guesses. To keep ` +
    `snapshots quick, training loss, accuracy, σ′ and gradients are measured on a fixed ` +
    `${count(preview.evalCount)} of the ${count(preview.trainCount)} training digits; test ` +
    `loss and accuracy on all ${count(preview.testCount)} test digits.`
  );
}

export const testDigitsCard: RunCard = {
  elementId: "view-digits",
  build(card) {
    const view = new TestDigitsView(card.body);
    return {
      listener: {
        configured: (preview) => {
          if (preview.kind !== "digits") return;
          view.setDigits(preview.digits);
          card.explanation.textContent = digitsExplanation(preview);
        },
        snapshot: (s) => {
          if (s.input.kind === "digits") view.setPredictions(s.input.predictions);
        },
      },
    };
  },
};
