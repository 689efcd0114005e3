// Every view of a run, by its catalogue id: the card module that builds it. A view added to the
// catalogue with host "run" fails to typecheck here until its card exists.

import type { RunViewId } from "../embed/run-view-ids.js";
import { activationCurvesCard } from "./activation-curves-card.js";
import { backpropCard } from "./backprop-card.js";
import { confusionCard } from "./confusion-card.js";
import { derivativeCard } from "./derivative-card.js";
import { drawDigitCard } from "./draw-digit-card.js";
import { decisionBoundaryCard, testDigitsCard } from "./input-space-cards.js";
import { networkCard } from "./network-card.js";
import type { RunCard } from "./run-card.js";
import { gradientNormsCard, lossAccuracyCard } from "./time-chart-cards.js";
import { withEditData } from "../views/edit-data.js";

export const RUN_CARDS: Readonly<Record<RunViewId, RunCard>> = {
  "activation-curves": activationCurvesCard,
  "derivative-distribution": derivativeCard,
  "gradient-norms": gradientNormsCard,
  "loss-accuracy": lossAccuracyCard,
  "decision-boundary": withEditData(decisionBoundaryCard),
  network: networkCard,
  "test-digits": testDigitsCard,
  "draw-digit": drawDigitCard,
  "confusion-matrix": confusionCard,
  backprop: backpropCard,
};
