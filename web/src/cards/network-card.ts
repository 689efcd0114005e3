// The network diagram's card: every weight and bias of the run, updated with each snapshot; for a
// plane data set the input features' toggles and each neuron's map over the plane (the worker
// sends the maps only while this card is shown); a selected weight or bias can be set by hand.

import { catalogue } from "gradscope";
import { takesFeatures } from "../model/feature-labels.js";
import { neuronFocus } from "../run/neuron-focus.js";
import { MAX_SHOWN } from "../views/network-diagram-geometry.js";
import { NetworkDiagramView } from "../views/network-diagram-view.js";
import type { RunCard } from "./run-card.js";

const TEXT =
  "Each line is a weight w, each ring a bias b: colour shows the sign, width the size. Hover over or tap one (or use the keys below) to read its value and gradient; click, tap or select it with the keys to set it by hand.";
const WIDE_LAYERS = ` Layers wider than ${MAX_SHOWN} are drawn as ${MAX_SHOWN} evenly spaced neurons ("${MAX_SHOWN} of 784").`;
const MAPS =
  " Each neuron is drawn as its activation over the input plane (orange low, blue high); point at one to see it large in the decision-boundary card. The buttons beside the inputs choose the input features.";
const NO_MAPS = " A 784-pixel input has no plane, so the neurons are drawn without maps.";

/** The card's explanation for a data set of `kind`. */
export function networkExplanation(kind: "plane" | "line" | "image"): string {
  if (kind === "image") return TEXT + WIDE_LAYERS + NO_MAPS;
  return kind === "plane" ? TEXT + MAPS : TEXT;
}

export const networkCard: RunCard = {
  elementId: "view-network",
  text: TEXT,
  build(card, run) {
    const focus = neuronFocus(run);
    const view = new NetworkDiagramView(card.body, {
      features: (features) => run.changeSettings({ features }),
      setParameter: (change) => run.setParameter(change),
      inspect: (ref) => focus.set(ref),
    });
    run.wantNeuronMaps(true);
    return {
      listener: {
        settings: (s) => {
          card.explanation.textContent = networkExplanation(catalogue.dataset(s.dataset).kind);
          view.setSettings(s, takesFeatures(s));
        },
        snapshot: (s, _history, sizes) => view.update([...sizes], s.layers, s.neuronMaps ?? null),
      },
      dispose: () => {
        run.wantNeuronMaps(false);
        focus.set(null);
      },
    };
  },
};
