// What <gradscope-softmax> loads on first connect: the page's SoftmaxView with KaTeX, drawn into
// the element's shadow root, reading and writing its attributes.

import { SoftmaxView } from "../softmax/softmax-view.js";
import { pageCore } from "../runtime/page-wasm.js";
import { loadSheets } from "./element-styles.js";
import type { ElementContext, ElementImplementation } from "./gradscope-element.js";

export async function mountSoftmax(
  body: HTMLElement,
  context: ElementContext,
): Promise<ElementImplementation> {
  // The core first: the view reads the attributes, awaits the core, then writes them back.
  const [sheets] = await Promise.all([loadSheets(["page", "katex", "softmax"]), pageCore()]);
  context.adopt(sheets);
  const view = new SoftmaxView();
  await view.mount(body, context);
  return { externalChange: () => view.hashChanged() };
}
