// The network diagram's card: every weight and bias of the run, updated with each snapshot.

import { catalogue } from "gradscope";
import { MAX_SHOWN } from "../views/network-diagram-geometry.js";
import { NetworkDiagramView } from "../views/network-diagram-view.js";
import type { RunCard } from "./run-card.js";

const TEXT =
  "Each line is a weight w, each ring a bias b: colour shows the sign, width the size. Hover over or tap one (or use the keys below) to read its value and gradient.";
const WIDE_LAYERS = ` Layers wider than ${MAX_SHOWN} are drawn as ${MAX_SHOWN} evenly spaced neurons ("${MAX_SHOWN} of 784").`;

export const networkCard: RunCard = {
  elementId: "view-network",
  text: TEXT,
  build(card) {
    const view = new NetworkDiagramView(card.body);
    return {
      listener: {
        settings: (s) => {
          const image = catalogue.dataset(s.dataset).kind === "image";
          card.explanation.textContent = image ? TEXT + WIDE_LAYERS : TEXT;
        },
        snapshot: (s, _history, sizes) => view.update([...sizes], s.layers),
      },
    };
  },
};
