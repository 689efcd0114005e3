// "Backprop, step by step" as a card of a run: the backprop view (loaded lazily, with KaTeX)
// traces one sample through the run's network as it is now, whenever the run is paused (tracing
// a moving network would show a step that is already gone).

import type { RunCard } from "./run-card.js";

export const backpropCard: RunCard = {
  elementId: "view-backprop",
  wide: true,
  text:
    "One sample through this run's network as it is now: the forward pass, then the four " +
    "equations of backpropagation with this sample's real vectors and matrices, and the update " +
    "it alone would make. It traces whenever training is paused.",
  async build(card, run, context) {
    const { BackpropView } = await import("../backprop/backprop-view.js");
    const view = new BackpropView(run, "", true);
    // The run is this card's own: there is no other view to mount first.
    await view.mount(card.body, { ...context, mountView: () => Promise.resolve() });
    view.show();
    return { listener: {}, dispose: () => view.hide() };
  },
};
