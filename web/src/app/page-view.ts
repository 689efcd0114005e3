// The contract between the page's tab router and the views it shows. The playground is one view;
// the vanishing-gradient lab registers its own from web/src/lab/register.ts (see
// docs/playground.md, "Adding views").

import type { ParamStore } from "../state/param-store.js";

export interface ViewContext {
  /** The URL hash; a view reads and writes only the keys it lists in `urlKeys`. */
  readonly hash: ParamStore;
  /** Shows a line in the page's notice area (as text, never HTML). */
  notify(message: string): void;
  /**
   * Builds the view `id` without showing it, if it is not built yet (a view that works on another
   * view's state, e.g. the backprop view on the playground's run); resolves when its mount is done.
   */
  mountView(id: string): Promise<void>;
  /** The ids of the page's tabs (absent where there are none, e.g. in an element). */
  readonly tabs?: readonly string[];
}

/** What the page gives the router; the router adds what only it can do (mountView). */
export type PageContext = Omit<ViewContext, "mountView">;

export interface PageView {
  /** Stable id, used in the URL as #view=<id>: lower-case letters, digits and dashes. */
  readonly id: string;
  /** The tab's text. */
  readonly title: string;
  /** The hash keys this view owns (so the page does not report them as unknown). */
  readonly urlKeys: readonly string[];
  /** Builds the view into `container` the first time it is shown. */
  mount(container: HTMLElement, context: ViewContext): void | Promise<void>;
  /** Called when the view's tab is selected again or left (e.g. to pause work). */
  show?(): void;
  hide?(): void;
  /** Called when the hash changed outside the page (a link, the address bar). */
  hashChanged?(): void;
}

/** Where views are registered before the router draws the tabs. */
export class ViewRegistry {
  private readonly list: PageView[] = [];

  register(view: PageView): void {
    if (!/^[a-z0-9-]+$/.test(view.id)) {
      throw new Error(`view id ${JSON.stringify(view.id)} must use a-z, 0-9 and '-' only`);
    }
    if (this.list.some((v) => v.id === view.id)) {
      throw new Error(`a view with id ${JSON.stringify(view.id)} is already registered`);
    }
    this.list.push(view);
  }

  views(): readonly PageView[] {
    return this.list;
  }
}

/**
 * A view's part that exists once mount() has built it: returned checked, so a call that comes
 * too early fails with a message instead of reading null.
 */
export function mounted<T>(part: T | null, what: string): T {
  if (part === null) throw new Error(`${what} is used before its view is mounted`);
  return part;
}
