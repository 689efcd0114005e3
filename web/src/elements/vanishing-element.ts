// What <gradscope-vanishing> loads on first connect: the page's VanishingView, drawn into the
// element's shadow root, its workers and digits found relative to this script.

import { VanishingView } from "../lab/vanishing-view.js";
import { pagePool } from "../runtime/page-pool.js";
import { ELEMENT_MNIST } from "./element-data.js";
import { loadSheets } from "./element-styles.js";
import type { ElementContext, ElementImplementation } from "./gradscope-element.js";

export async function mountVanishing(
  body: HTMLElement,
  context: ElementContext,
): Promise<ElementImplementation> {
  context.adopt(await loadSheets(["page", "lab"]));
  const view = new VanishingView(
    () => pagePool().open("lab"),
    () => ELEMENT_MNIST,
  );
  view.mount(body, context);
  return {
    externalChange: () => view.hashChanged(),
    // A removed element stops its training, as leaving the lab's tab does.
    disconnected: () => view.hide(),
  };
}
