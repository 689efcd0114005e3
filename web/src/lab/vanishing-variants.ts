// The networks the deep-network experiment sets side by side: the book's setting and its
// remedies, with the labels the lab's menu, table and charts show.
import type { ActivationName, InitName } from "gradscope";

export interface VanishingVariant {
  id: string;
  label: string;
  activation: ActivationName;
  init: InitName;
}

export const VANISHING_VARIANTS: readonly VanishingVariant[] = Object.freeze([
  { id: "book", label: "sigmoid, N(0, 1/n_in) (the book)", activation: "sigmoid", init: "scaled" },
  { id: "relu-he", label: "ReLU + He init", activation: "relu", init: "he" },
  { id: "tanh", label: "tanh, N(0, 1/n_in)", activation: "tanh", init: "scaled" },
  { id: "leaky-relu-he", label: "leaky ReLU + He init", activation: "leaky-relu", init: "he" },
  { id: "large", label: 'sigmoid, "large" N(0, 1) init', activation: "sigmoid", init: "large" },
]);

/** A variant's label, or its id when it is not one of VANISHING_VARIANTS. */
export function variantLabel(id: string): string {
  return VANISHING_VARIANTS.find((v) => v.id === id)?.label ?? id;
}
