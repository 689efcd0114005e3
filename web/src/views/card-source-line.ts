// The line under a card's title that names the section of Nielsen's book it illustrates (a link)
// and the equation it shows (card-sources.ts).

import type { CostName, ViewId } from "gradscope";
import { cardSource } from "./card-sources.js";
import type { ViewCard } from "./view-card.js";

export interface CardSourceLine {
  /** Rewrites the line for the chosen cost (the loss card names the cost's formula). */
  show(cost: CostName): void;
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
  const show = (cost: CostName) => {
    const source = cardSource(view, cost);
    equation.textContent = source.equation;
    link.href = source.href;
    link.textContent = `${source.section} ↗`;
  };
  show("quadratic");
  return { show };
}
