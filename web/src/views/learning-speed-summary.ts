// The sentences the gradient card and the status line say about the measured norms: how much
// slower (or faster) the first hidden layer learns than the output layer, and which layers have
// no gradient at all. Computed from the latest snapshot's norms, never fixed text.

export interface LayerNorms {
  /** Layer number l (2 is the first hidden layer; the last is the output layer L). */
  layer: number;
  /** ‖∂C/∂bˡ‖: Nielsen's speed of learning of layer l. */
  biasGradNorm: number;
  weightGradNorm: number;
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** 12 → "¹²", −4 → "⁻⁴". */
export function superscript(n: number): string {
  const digits = [...String(Math.abs(Math.trunc(n)))].map((d) => SUPERSCRIPT[Number(d)]).join("");
  return n < 0 ? `⁻${digits}` : digits;
}

/** A ratio ≥ 1 as the page writes it: 3.2, 45, 870, then 1.3·10⁴. */
export function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return "∞";
  if (r < 10) return r.toFixed(1);
  if (r < 1000) return String(Math.round(r));
  let e = Math.floor(Math.log10(r));
  let mantissa = Number((r / 10 ** e).toFixed(1));
  if (mantissa >= 10) {
    mantissa /= 10;
    e += 1;
  }
  return `${mantissa.toFixed(1)}·10${superscript(e)}`;
}

/** How a layer is named in a sentence: "layer 2", or "the output layer". */
function layerName(l: number, output: number): string {
  return l === output ? "the output layer" : `layer ${l}`;
}

/** Within this factor the two layers are said to learn "at about the same speed". */
export const SAME_SPEED_FACTOR = 1.5;

/**
 * One sentence comparing ‖∂C/∂b²‖ (the first hidden layer) with ‖∂C/∂bᴸ‖ (the output layer),
 * e.g. "Layer 2 learns 1.3·10⁴× slower than the output layer (‖∂C/∂b²‖ = 2.1e-6, ‖∂C/∂b⁵‖ =
 * 2.7e-2)." Says so when a layer has no gradient, when the norms are not finite, when layer 2
 * is the faster one, and when there is no hidden layer to compare.
 */
export function learningSpeedSummary(
  layers: readonly LayerNorms[],
  format: (v: number) => string,
): string {
  const first = layers[0];
  const last = layers[layers.length - 1];
  if (!first || !last || first === last)
    return "Only the output layer has weights: there is no earlier layer to compare it with.";
  const [a, b] = [first.biasGradNorm, last.biasGradNorm];
  const normA = `‖∂C/∂b${superscript(first.layer)}‖`;
  const normB = `‖∂C/∂b${superscript(last.layer)}‖`;
  const values = `(${normA} = ${format(a)}, ${normB} = ${format(b)})`;
  const name = layerName(first.layer, last.layer);
  const Name = name.charAt(0).toUpperCase() + name.slice(1);
  if (!Number.isFinite(a) || !Number.isFinite(b))
    return `The gradient is not a finite number ${values}: training diverged, so no speeds can be compared.`;
  if (a === 0 && b === 0)
    return `Neither ${name} nor the output layer has any gradient ${values}: neither learns.`;
  // ∂C/∂wᴸ = δᴸ (aᴸ⁻¹)ᵀ (BP4): when the layer before outputs 0, only the output's biases learn.
  if (a === 0 && last.weightGradNorm === 0)
    return (
      `${Name} has no gradient ${values}: it does not learn at all, and the output layer learns ` +
      `only its biases (‖∂C/∂w${superscript(last.layer)}‖ = 0: the layer before it outputs 0).`
    );
  if (a === 0)
    return `${Name} has no gradient ${values}: it does not learn at all, while the output layer does.`;
  if (b === 0)
    return `The output layer has no gradient ${values}: it does not learn, while ${name} does.`;
  const r = b / a;
  if (r < SAME_SPEED_FACTOR && r > 1 / SAME_SPEED_FACTOR)
    return `${Name} and the output layer learn at about the same speed ${values}.`;
  if (r >= SAME_SPEED_FACTOR)
    return `${Name} learns ${formatRatio(r)}× slower than the output layer ${values}.`;
  return `${Name} learns ${formatRatio(1 / r)}× faster than the output layer ${values}.`;
}

/** "2", "2 and 3", "2, 3 and 4". */
function listLayers(layers: readonly number[]): string {
  if (layers.length <= 1) return layers.join("");
  return `${layers.slice(0, -1).join(", ")} and ${layers[layers.length - 1]}`;
}

function layersPhrase(layers: readonly number[], output: number): string {
  const words = layers.length === 1 ? "layer" : "layers";
  const outputNote = !layers.includes(output)
    ? ""
    : layers.length === 1
      ? " (the output layer)"
      : ` (${output} is the output layer)`;
  return `${words} ${listLayers(layers)}${outputNote}`;
}

/**
 * The status line's note on exact zeros: "" when every layer has a gradient; otherwise which
 * layers have ‖∂C/∂w‖ = 0 and which ‖∂C/∂b‖ = 0 (they differ when a dead layer's zero
 * activations reach the next layer's weights but not its biases).
 */
export function noGradientNote(layers: readonly LayerNorms[]): string {
  const output = layers[layers.length - 1]?.layer ?? 0;
  const w = layers.filter((l) => l.weightGradNorm === 0).map((l) => l.layer);
  const b = layers.filter((l) => l.biasGradNorm === 0).map((l) => l.layer);
  if (w.length === 0 && b.length === 0) return "";
  if (w.length === b.length && w.every((l, i) => l === b[i]))
    return `no gradient in ${layersPhrase(w, output)} (‖∂C/∂w‖ = ‖∂C/∂b‖ = 0): ${w.length === 1 ? "it does" : "they do"} not learn`;
  const parts: string[] = [];
  if (w.length > 0) parts.push(`‖∂C/∂w‖ = 0 in ${layersPhrase(w, output)}`);
  if (b.length > 0) parts.push(`‖∂C/∂b‖ = 0 in ${layersPhrase(b, output)}`);
  return `no gradient: ${parts.join("; ")}`;
}
