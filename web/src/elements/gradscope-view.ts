// <gradscope-view run="…" name="…">: one view of a run (a catalogue id with host "run"), following
// the <gradscope-run> of that id in the same document, also one that comes later. Its own `time`
// and `smooth` attributes are the time charts' keys. Registering it loads nothing else.

import { attributesOf } from "./attribute-store.js";
import {
  GradscopeElement,
  reflectAttributes,
  type ElementContext,
  type ElementImplementation,
} from "./gradscope-element.js";
import { VIEW_KEYS } from "./run-attribute-names.js";

const ATTRIBUTES = attributesOf(VIEW_KEYS);

export class GradscopeViewElement extends GradscopeElement {
  static readonly observedAttributes = ATTRIBUTES;

  constructor() {
    super(VIEW_KEYS);
  }

  protected async implement(context: ElementContext): Promise<ElementImplementation> {
    const { mountView } = await import("./view-element.js");
    return mountView(this, this.body, context);
  }
}

reflectAttributes(GradscopeViewElement, ATTRIBUTES);
