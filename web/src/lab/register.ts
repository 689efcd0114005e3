// The vanishing-gradient lab's entry point for the page (called by web/src/main.ts): the
// chain view (the seed's section 4) and the deep-network experiment on MNIST (Nielsen, ch. 5).

import "./lab.css";
import type { ViewRegistry } from "../app/page-view.js";
import { pagePool } from "../runtime/page-pool.js";
import { ChainView } from "./chain-view.js";
import { VanishingView } from "./vanishing-view.js";

export function registerViews(registry: ViewRegistry): void {
  registry.register(new ChainView());
  registry.register(new VanishingView(() => pagePool().open("lab")));
}
