// One colour meaning per chart family in the deep-network lab: the charts that compare networks
// colour each network the same way in every run, whatever networks are chosen (Okabe–Ito hues);
// the per-network charts colour hidden layers by a dark-to-light ramp of one hue that no network
// uses, so "blue" never means a network on one chart and a layer on the next. Pure.

import { OKABE_ITO } from "../views/palette.js";

const VARIANT_STYLES: Readonly<Record<string, { stroke: string; dash?: number[] }>> = {
  book: { stroke: OKABE_ITO.vermillion },
  "relu-he": { stroke: OKABE_ITO.bluishGreen },
  tanh: { stroke: OKABE_ITO.reddishPurple },
  "leaky-relu-he": { stroke: OKABE_ITO.black },
  // Orange is near the book's vermillion: dashed as well, so the two never look alike.
  large: { stroke: OKABE_ITO.orange, dash: [8, 4] },
};

/** A network's line (the same in every run and every comparing chart). */
export function variantStyle(id: string): { stroke: string; dash?: number[] } {
  const c = VARIANT_STYLES[id];
  if (c === undefined) throw new Error(`no colour for variant ${id}`);
  return c;
}

/** A network's colour. */
export function variantColour(id: string): string {
  return variantStyle(id).stroke;
}

/** Blues from dark (hidden layer 1, next to the input) to light (the last hidden layer). */
const LAYER_RAMP = ["#08306b", "#08519c", "#2171b5", "#4292c6", "#6baed6", "#9ecae1"] as const;

/** Hidden layer l's colour (1-based) and dash: beyond six layers the ramp repeats dashed. */
export function hiddenLayerStyle(l: number): { stroke: string; dash?: number[] } {
  const i = l - 1;
  const stroke = LAYER_RAMP[i % LAYER_RAMP.length] as string;
  return i < LAYER_RAMP.length ? { stroke } : { stroke, dash: [6, 3] };
}
