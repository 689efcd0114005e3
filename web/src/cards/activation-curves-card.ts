// The activation functions and their derivatives, the run's own highlighted; the explanation is
// computed from the settings (captions.ts).

import { activationCaption } from "../views/captions.js";
import { ActivationCurvesChart } from "../views/activation-curves-chart.js";
import type { RunCard } from "./run-card.js";

export const activationCurvesCard: RunCard = {
  elementId: "view-activations",
  build(card) {
    const chart = new ActivationCurvesChart(card.body);
    return {
      listener: {
        settings: (s) => {
          card.explanation.textContent = activationCaption(s);
          chart.setChosen(s.activation);
        },
        curves: (c) => chart.setCurves(c),
      },
    };
  },
};
