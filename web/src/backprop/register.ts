// The backprop view's entry point for the page (called by web/src/main.ts). The tab is registered at
// once (its id, title and URL keys are small), but the view — and KaTeX with it — is loaded only
// when the tab is first shown, so the playground's first load does not carry them.

import { catalogue } from "gradscope";
import type { PageView, ViewContext, ViewRegistry } from "../app/page-view.js";
import type { RunSource } from "../app/run-source.js";
import { tableKeys } from "../state/url-table.js";
import { SAMPLE_TABLE } from "./sample-key.js";

class BackpropTab implements PageView {
  readonly id = "backprop";
  readonly title = catalogue.view("backprop").title;
  readonly urlKeys = tableKeys(SAMPLE_TABLE);
  private view: PageView | null = null;
  /** Whether the tab is shown: the router calls show() before the module has loaded. */
  private visible = false;

  constructor(
    private readonly source: RunSource,
    private readonly sourceView: string,
  ) {}

  async mount(container: HTMLElement, context: ViewContext): Promise<void> {
    const { BackpropView } = await import("./backprop-view.js");
    const view = new BackpropView(this.source, this.sourceView);
    this.view = view;
    if (this.visible) view.show();
    await view.mount(container, context);
  }

  show(): void {
    this.visible = true;
    this.view?.show?.();
  }

  hide(): void {
    this.visible = false;
    this.view?.hide?.();
  }

  hashChanged(): void {
    this.view?.hashChanged?.();
  }
}

/** `source`: the view that owns the run (the playground), mounted hidden if the page opens here. */
export function registerBackpropView(
  registry: ViewRegistry,
  source: RunSource & { readonly id: string },
): void {
  registry.register(new BackpropTab(source, source.id));
}
