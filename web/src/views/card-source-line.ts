// The line under a card's title that names the section of Nielsen's book it illustrates (a link)
// and the equation it shows (card-sources.ts).

import type { ViewId } from "gradscope";
import { cardSource, type SourceSettings } from "./card-sources.js";
import type { ViewCard } from "./view-card.js";

export interface CardSourceLine {
  /** Rewrites the line for the settings (the cost's formula, the activations' symbols). */
  show(settings: SourceSettings): void;
}

export function appendCardSource(card: ViewCard, view: ViewId): CardSourceLine {
  const doc = card.root.ownerDocument;
  const line = doc.createElement("p");
  line.className = "view-source";
  const equation = doc.createElement("span");
  equation.className = "view-equation";
  const link = doc.createElement("a");
  link.className = "view-book";
  link.target = "_blank";
  link.rel = "noopener";
  line.append(equation, " ", link);
  card.explanation.after(line);
  const show = (settings: SourceSettings) => {
    const source = cardSource(view, settings);
    equation.textContent = source.equation;
    link.href = source.href;
    link.textContent = `${source.section} ↗`;
  };
  show({ activation: "sigmoid", output: "sigmoid", cost: "quadratic" });
  return { show };
}
