// σ′(z) per layer: the distribution of the activation's derivative at each snapshot; its
// explanation is computed from the settings (captions.ts).

import { catalogue } from "gradscope";
import { derivativeCaption } from "../views/captions.js";
import { DerivativeDistributionChart } from "../views/derivative-distribution-chart.js";
import { measuredOnSubset, type RunCard } from "./run-card.js";

export const derivativeCard: RunCard = {
  elementId: "view-derivatives",
  wide: true,
  build(card, run) {
    const chart = new DerivativeDistributionChart(card.body);
    return {
      frame: 2,
      listener: {
        settings: (s) => {
          const image = catalogue.dataset(s.dataset).kind === "image";
          card.explanation.textContent =
            derivativeCaption(s) +
            (image ? measuredOnSubset(run.shownViews.has("test-digits")) : "");
        },
        snapshot: (s, _history, _sizes, settings) => chart.update(s.layers, settings),
      },
    };
  },
};
