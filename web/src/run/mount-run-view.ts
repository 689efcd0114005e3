// One view of a run, anywhere in a document: its card (title from the catalogue, explanation and
// source line computed from the run's settings, the view itself) built into a slot and kept up to
// date with the run. The playground mounts its cards this way; so does <gradscope-view>.

import { catalogue } from "gradscope";
import type { ViewContext } from "../app/page-view.js";
import { cardNotApplicable } from "../cards/card-applies.js";
import { RUN_CARDS } from "../cards/run-cards.js";
import type { RunViewId } from "../embed/run-view-ids.js";
import { appendCardSource } from "../views/card-source-line.js";
import { createViewCard } from "../views/view-card.js";
import type { RunController } from "./run-controller.js";

export interface MountRunViewOptions {
  /**
   * What a card does when its view cannot show the run's data (a decision boundary on MNIST):
   * "explain" (default) says so inside the card; "hide" hides the card (the playground, whose
   * boundary and test-digits cards take turns in one place).
   */
  inapplicable?: "explain" | "hide";
}

/**
 * Builds view `id`'s card into `slot` (appended, synchronously, so cards mounted one after the
 * other keep their order) and keeps it updated from `run`; resolves when the view is built (the
 * backprop view loads lazily) to a function that detaches it: unsubscribes and removes the card.
 */
export async function mountRunView(
  id: RunViewId,
  slot: HTMLElement | ShadowRoot,
  run: RunController,
  context: ViewContext,
  options: MountRunViewOptions = {},
): Promise<() => void> {
  const spec = RUN_CARDS[id];
  const doc = slot.ownerDocument;
  const card = createViewCard(doc, spec.elementId, catalogue.view(id).title, spec.text ?? "");
  if (spec.wide) card.root.classList.add("wide");
  const source = appendCardSource(card, id);
  const note = doc.createElement("p");
  note.className = "view-inapplicable";
  note.hidden = true;
  card.root.append(note);
  slot.append(card.root);
  run.shownViews.add(id);
  const hide = options.inapplicable === "hide";
  const showApplicability = (text: string | null) => {
    card.root.classList.toggle("inapplicable", text !== null);
    if (hide) {
      card.root.hidden = text !== null;
      return;
    }
    note.textContent = text ?? "";
    note.hidden = text === null;
    for (const child of card.root.children) {
      if (child === note || child.tagName === "H2") continue;
      (child as HTMLElement).hidden = text !== null;
    }
  };

  let parts;
  try {
    parts = await spec.build(card, run, context);
  } catch (e) {
    run.shownViews.delete(id);
    card.root.remove();
    throw e;
  }
  const built = parts;
  // After the build, so that what the build added to the card is hidden too when inapplicable.
  const own = run.subscribe({
    settings: (s) => {
      source.show(s);
      showApplicability(cardNotApplicable(id, s.dataset));
    },
  });
  const stop = run.subscribe(built.listener, { frame: built.frame ?? 0 });
  let detached = false;
  return () => {
    if (detached) return;
    detached = true;
    own();
    stop();
    built.dispose?.();
    run.shownViews.delete(id);
    card.root.remove();
  };
}
