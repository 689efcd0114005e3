// The confusion matrix's card: the test set counted by true class and the network's answer,
// computed in the worker (net.confusionMatrix) and sent with each snapshot while this card is
// shown; its caption's accuracy is the diagonal's share, as the status line's test accuracy.

import "../views/draw-confusion.css";
import { confusionCaption } from "../model/confusion.js";
import { ConfusionMatrixView } from "../views/confusion-matrix-view.js";
import type { RunCard } from "./run-card.js";

export const confusionCard: RunCard = {
  elementId: "view-confusion",
  text:
    "Every test sample counted by its true class (row) and the network's answer (column). " +
    "Errors (off the diagonal) are shaded vermillion by their share of the row, the largest " +
    "error darkest; the diagonal is shaded green by its share, so a weak class is pale.",
  build(card, run) {
    const view = new ConfusionMatrixView(card.body);
    const caption = card.body.ownerDocument.createElement("p");
    caption.className = "confusion-caption";
    caption.textContent = "The counts come with the run's next snapshot.";
    card.body.append(caption);
    run.wantConfusion(true);
    return {
      listener: {
        snapshot: (s, _history, sizes, settings) => {
          if (!s.confusion) return;
          view.show(s.confusion, settings.dataset);
          caption.textContent = confusionCaption(s.confusion, settings.dataset, sizes.at(-1) ?? 0);
        },
      },
      dispose: () => run.wantConfusion(false),
    };
  },
};
