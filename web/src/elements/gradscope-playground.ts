// <gradscope-playground config="…">: the whole playground (settings, buttons, story, every card)
// in one element, its `config` attribute in the playground's hash syntax standing where the URL
// hash stands on the site. Registering it loads nothing else.

import {
  GradscopeElement,
  reflectAttributes,
  type ElementContext,
  type ElementImplementation,
} from "./gradscope-element.js";

const KEYS = ["config"];

export class GradscopePlaygroundElement extends GradscopeElement {
  static readonly observedAttributes = KEYS;

  constructor() {
    super(KEYS);
  }

  protected async implement(context: ElementContext): Promise<ElementImplementation> {
    const { mountPlayground } = await import("./playground-element.js");
    return mountPlayground(this, this.body, this.store, context);
  }
}

reflectAttributes(GradscopePlaygroundElement, KEYS);
