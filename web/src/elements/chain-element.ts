// What <gradscope-chain> loads on first connect: the page's ChainView, drawn into the element's
// shadow root with the page's and the lab's styles, reading and writing its attributes.

import { ChainView } from "../lab/chain-view.js";
import type { AttributeStore } from "./attribute-store.js";
import { ChainStore } from "./chain-neurons.js";
import { pageCore } from "../runtime/page-wasm.js";
import { loadSheets } from "./element-styles.js";
import type { ElementContext, ElementImplementation } from "./gradscope-element.js";

export async function mountChain(
  body: HTMLElement,
  store: AttributeStore,
  context: ElementContext,
): Promise<ElementImplementation> {
  // The core first: the view reads the attributes, awaits the core, then writes them back.
  const [sheets] = await Promise.all([loadSheets(["page", "lab"]), pageCore()]);
  context.adopt(sheets);
  const view = new ChainView();
  await view.mount(body, { ...context, hash: new ChainStore(store, context.notify) });
  return { externalChange: () => view.hashChanged() };
}
