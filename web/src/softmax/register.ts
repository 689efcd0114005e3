// The softmax panel's entry point for the page (called by web/src/main.ts). The tab is registered
// at once (its id, title and URL keys are small), but the panel itself — and KaTeX with it — is
// loaded only when the tab is first shown, so the playground's first load does not carry them.

import { catalogue } from "gradscope";
import type { PageView, ViewContext, ViewRegistry } from "../app/page-view.js";
import { tableKeys } from "../state/url-table.js";
import { SOFTMAX_TABLE } from "./softmax-state.js";

class SoftmaxTab implements PageView {
  readonly id = "softmax";
  readonly title = catalogue.view("softmax").title;
  readonly urlKeys = tableKeys(SOFTMAX_TABLE);
  private view: PageView | null = null;

  async mount(container: HTMLElement, context: ViewContext): Promise<void> {
    const { SoftmaxView } = await import("./softmax-view.js");
    const view = new SoftmaxView();
    await view.mount(container, context);
    this.view = view;
  }

  hashChanged(): void {
    this.view?.hashChanged?.();
  }
}

export function registerSoftmaxView(registry: ViewRegistry): void {
  registry.register(new SoftmaxTab());
}
