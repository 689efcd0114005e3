// What <gradscope-softmax> loads on first connect: the page's SoftmaxView with KaTeX, drawn into
// the element's shadow root, reading and writing its attributes.

import { SoftmaxView } from "../softmax/softmax-view.js";
import { loadSheets } from "./element-styles.js";
import type { ElementContext, ElementImplementation } from "./gradscope-element.js";

export async function mountSoftmax(
  body: HTMLElement,
  context: ElementContext,
): Promise<ElementImplementation> {
  context.adopt(await loadSheets(["page", "katex", "softmax"]));
  const view = new SoftmaxView();
  await view.mount(body, context);
  return { externalChange: () => view.hashChanged() };
}
