// What <gradscope-playground> loads on first connect: the page's PlaygroundView, reading and
// writing the element's `config` attribute (config-store.ts) instead of the URL hash; its keys'
// problems and unknown keys go to the element's problem box.

import { PlaygroundView } from "../app/playground-view.js";
import { parsePageKeys } from "../state/page-keys.js";
import { linkedStory } from "../stories/story-catalogue.js";
import { unknownKeys } from "../state/url-table.js";
import type { AttributeStore } from "./attribute-store.js";
import { ConfigStore } from "./config-store.js";
import { loadSheets, sheetOf } from "./element-styles.js";
import layoutCss from "./element-layout.css?inline";
import type { ElementContext, ElementImplementation } from "./gradscope-element.js";
import { ELEMENT_MNIST, openTrainingPort } from "./run-resources.js";
import { unknownAttributes } from "./run-attributes.js";

/** The page keys a playground reads besides its own (the page's router reads the others). */
const PAGE_KEYS = ["steps", "autoplay", "story"];

export async function mountPlayground(
  element: HTMLElement,
  body: HTMLElement,
  store: AttributeStore,
  context: ElementContext,
): Promise<ElementImplementation> {
  context.adopt([...(await loadSheets(["page"])), sheetOf(layoutCss, import.meta.url)]);
  const config = new ConfigStore(store);
  const view = new PlaygroundView(openTrainingPort, { mnist: ELEMENT_MNIST });
  const known = new Set([...view.urlKeys, ...PAGE_KEYS]);
  // What the page's router says of the hash, said of `config`.
  const check = () => {
    const params = config.read();
    const page = parsePageKeys(params);
    const problems = [
      ...page.problems.filter((p) => PAGE_KEYS.some((k) => p.startsWith(`${k}:`))),
      ...unknownKeys(params, known),
    ];
    if (linkedStory(page.value.story))
      problems.push(`story: ${page.value.story} is told on another tab of the site, not here`);
    for (const p of problems) context.notify(`config: ${p}`);
    for (const p of unknownAttributes(element.getAttributeNames(), ["config"], element.localName))
      context.notify(p);
  };
  check();
  view.mount(body, { ...context, hash: config });
  // A changed `config` (markup, a script, a story chosen in the playground) is a followed link.
  config.onExternalChange(() => view.hashChanged());
  return {
    externalChange: check,
    disconnected: () => view.pause(),
  };
}
