// <gradscope-softmax>: the softmax panel (Nielsen, chapter 3) as an element. Attributes logits,
// target, nudge, as in the page's URL; the panel and KaTeX are loaded on first connect.

import { attributesOf } from "./attribute-store.js";
import {
  GradscopeElement,
  reflectAttributes,
  type ElementContext,
  type ElementImplementation,
} from "./gradscope-element.js";
import { SOFTMAX_KEYS } from "./softmax-attributes.js";

const ATTRIBUTES = attributesOf(SOFTMAX_KEYS);

export class GradscopeSoftmaxElement extends GradscopeElement {
  static readonly observedAttributes = ATTRIBUTES;

  constructor() {
    super(SOFTMAX_KEYS);
  }

  protected async implement(context: ElementContext): Promise<ElementImplementation> {
    const { mountSoftmax } = await import("./softmax-element.js");
    return mountSoftmax(this.body, context);
  }
}

reflectAttributes(GradscopeSoftmaxElement, ATTRIBUTES);
