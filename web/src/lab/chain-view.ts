// The chain view: the seed's section 4 made interactive. The learner edits a network with one
// neuron per layer and sees ∂C/∂b_1 = σ'(z_1) × w_2 × σ'(z_2) × … × σ'(z_n) × ∂C/∂a_n term by term,
// checked live against backprop, and why it vanishes (|w σ'| < 1/4) or explodes (w = 100, z = 0).

import { catalogue, init, type ChainProduct, type Gradscope } from "gradscope";
import { mounted, type PageView, type ViewContext } from "../app/page-view.js";
import { parseParams, sameState, tableKeys, writeParams } from "../state/url-table.js";
import { createViewCard } from "../views/view-card.js";
import { ChainEditor, type ParameterKind } from "./chain-editor.js";
import { ChainGradientChart } from "./chain-gradient-chart.js";
import { explodingExample, randomNormal, smallWeights } from "./chain-presets.js";
import { ChainProductStrip, termLabel } from "./chain-product-strip.js";
import {
  CHAIN_ACTIVATIONS,
  CHAIN_COSTS,
  CHAIN_TABLE,
  chainCostsAfter,
  DEFAULT_CHAIN,
  MAX_NEURONS,
  MIN_NEURONS,
  reconcileChain,
  resizeChain,
  type ChainActivation,
  type ChainCost,
  type ChainState,
} from "./chain-state.js";
import { button, labelled, numberInput, selectOf } from "./labeled-control.js";
import { SeededNormal } from "./seeded-normal.js";
import { formatNumber } from "../views/number-format.js";

interface Parts {
  neurons: HTMLSelectElement;
  activation: HTMLSelectElement;
  cost: HTMLSelectElement;
  x: HTMLInputElement;
  y: HTMLInputElement;
  editor: ChainEditor;
  strip: ChainProductStrip;
  chart: ChainGradientChart;
  factors: HTMLElement;
  ceiling: HTMLElement;
}

export class ChainView implements PageView {
  readonly id = "chain";
  readonly title = "Lab: the chain";
  readonly urlKeys = tableKeys(CHAIN_TABLE);

  private context: ViewContext | null = null;
  private gs: Gradscope | null = null;
  private parts: Parts | null = null;
  private state: ChainState = DEFAULT_CHAIN;
  private readonly rng = new SeededNormal(1);
  private frame = 0;
  /** The product the chart draws at the next frame: the latest, however many came this frame. */
  private chartProduct: ChainProduct | null = null;

  async mount(container: HTMLElement, context: ViewContext): Promise<void> {
    this.context = context;
    this.state = this.readHash();
    container.classList.add("lab");
    const status = container.ownerDocument.createElement("p");
    status.textContent = "Loading the WebAssembly core…";
    container.append(status);
    // The chain is a few dozen multiplications: it runs on the page, not in a worker.
    try {
      this.gs = await init();
    } catch (e) {
      status.textContent = "The WebAssembly core could not be loaded; the chain needs it.";
      throw e; // the tab router shows the reason as a notice
    }
    status.remove();
    this.parts = this.build(container);
    this.applyState(this.state, true);
  }

  hashChanged(): void {
    if (!this.parts) return;
    const next = this.readHash();
    if (!sameState(CHAIN_TABLE, next, this.state)) this.applyState(next, true);
  }

  private readHash(): ChainState {
    const context = mounted(this.context, "the view context");
    const parsed = parseParams(CHAIN_TABLE, DEFAULT_CHAIN, context.hash.read());
    const { state, problems } = reconcileChain(parsed.value);
    for (const p of [...parsed.problems, ...problems]) context.notify(p);
    return state;
  }

  private build(container: HTMLElement): Parts {
    const doc = container.ownerDocument;
    const intro = createViewCard(
      doc,
      "lab-chain",
      "The simplest deep network: one neuron per layer",
      "The seed's section 4: with one neuron per layer, backprop's four equations collapse to one product, " +
        "∂C/∂b₁ = σ′(z₁) × w₂ × σ′(z₂) × … × w_n × σ′(z_n) × ∂C/∂a_n. Change any weight, bias or the input and every factor updates.",
    );
    intro.root.classList.add("wide-card");
    const controls = doc.createElement("form");
    controls.className = "lab-controls";
    controls.setAttribute("aria-label", "Chain settings");
    controls.addEventListener("submit", (e) => e.preventDefault());
    const neurons = selectOf(
      doc,
      Array.from({ length: MAX_NEURONS - MIN_NEURONS + 1 }, (_, i) => ({
        value: String(i + MIN_NEURONS),
        text: String(i + MIN_NEURONS),
      })),
      String(this.state.chainW.length),
    );
    const activation = selectOf(
      doc,
      CHAIN_ACTIVATIONS.map((a) => ({ value: a, text: a })),
      this.state.chainAct,
    );
    const cost = selectOf(
      doc,
      CHAIN_COSTS.map((c) => ({
        value: c,
        text: catalogue.costs.find((r) => r.name === c)?.label ?? c,
      })),
      this.state.chainCost,
    );
    const x = numberInput(doc, this.state.chainX, -1000, 1000, "any");
    const y = numberInput(doc, this.state.chainY, -1000, 1000, "any");
    controls.append(
      labelled(doc, "chain-neurons", "Neurons n", neurons),
      labelled(doc, "chain-activation", "Activation σ", activation),
      labelled(doc, "chain-cost", "Cost C", cost),
      labelled(doc, "chain-x", "Input x = a₀", x),
      labelled(doc, "chain-y", "Target y", y),
    );
    const presets = doc.createElement("div");
    presets.className = "lab-presets";
    presets.setAttribute("role", "group");
    presets.setAttribute("aria-label", "Presets");
    presets.append(
      button(doc, "Small weights |w| < 1", () => this.applyState(smallWeights(this.state), true)),
      button(
        doc,
        "Nielsen's exploding example",
        () => this.explode(),
        "w_j = 100 and b_j = −100·a_(j−1), so every z_j = 0",
      ),
      button(doc, "Random N(0, 1)", () =>
        this.applyState(randomNormal(this.state, this.rng), true),
      ),
    );
    const editorBox = doc.createElement("div");
    editorBox.className = "chain-editor-box";
    const editor = new ChainEditor(editorBox, (kind, j, v) => this.setParameter(kind, j, v));
    intro.body.append(controls, presets, editorBox);

    const productCard = createViewCard(
      doc,
      "lab-chain-product",
      "∂C/∂b₁, factor by factor",
      "Each box is one factor of the product with its value; under it, the running product of it and every factor before it. " +
        "The last running product is ∂C/∂b₁, shown beside the value the core's backprop computes for the same network.",
    );
    const strip = new ChainProductStrip(productCard.body);

    const whyCard = createViewCard(
      doc,
      "lab-chain-why",
      "Why the gradient vanishes, or explodes",
      "Going back one neuron multiplies the gradient by w_(j+1) σ′(z_j).",
    );
    const grid = doc.createElement("div");
    grid.className = "lab-two-columns";
    const chartBox = doc.createElement("div");
    const text = doc.createElement("div");
    text.className = "lab-text";
    const ceiling = doc.createElement("p");
    const factors = doc.createElement("ul");
    factors.className = "factor-list";
    factors.setAttribute("aria-label", "The factors w_(j+1) σ′(z_j)");
    const vanish = doc.createElement("p");
    vanish.textContent =
      "Vanishing: σ′ of the sigmoid is at most σ′(0) = 1/4. If every |w_j| < 1, each factor |w_(j+1) σ′(z_j)| < 1/4, " +
      "so ∂C/∂b₁ is more than 4^(n−1) times smaller than ∂C/∂b_n: the first layers learn far more slowly than the last.";
    const explode = doc.createElement("p");
    explode.textContent =
      "Exploding (Nielsen's example): make every w_j = 100 and choose b_j = −100·a_(j−1), so every z_j = 0 and σ′(z_j) = 1/4. " +
      "Now each factor is 100 × 1/4 = 25 and the gradient grows 25-fold per layer going back. Either way the gradient in early " +
      "layers is unstable: it is a product of many factors that are rarely all near 1.";
    text.append(ceiling, factors, vanish, explode);
    grid.append(chartBox, text);
    whyCard.body.append(grid);
    const chart = new ChainGradientChart(chartBox);

    container.append(intro.root, productCard.root, whyCard.root);

    neurons.addEventListener("change", () =>
      this.applyState(resizeChain(this.state, Number(neurons.value)), true),
    );
    activation.addEventListener("change", () => {
      // A cost the new activation does not take falls back as reconcileChain says (silently:
      // the menu shows it).
      const act = activation.value as ChainActivation;
      this.applyState(reconcileChain({ ...this.state, chainAct: act }).state, false);
    });
    cost.addEventListener("change", () => {
      const c = cost.value as ChainCost;
      const next = reconcileChain({ ...this.state, chainCost: c });
      for (const p of next.problems) this.context?.notify(p);
      this.applyState(next.state, false);
    });
    const numberChange = (input: HTMLInputElement, key: "chainX" | "chainY") => {
      input.addEventListener("input", () => {
        const v = Number(input.value);
        if (input.value.trim() === "" || !Number.isFinite(v) || Math.abs(v) > 1000) return;
        const next = reconcileChain({ ...this.state, [key]: v });
        if (next.problems.length === 0) this.applyState(next.state, false);
      });
    };
    numberChange(x, "chainX");
    numberChange(y, "chainY");
    return { neurons, activation, cost, x, y, editor, strip, chart, factors, ceiling };
  }

  private explode(): void {
    const gs = mounted(this.gs, "the WebAssembly core");
    const act = this.state.chainAct === "relu" ? "sigmoid" : this.state.chainAct;
    if (act !== this.state.chainAct)
      this.context?.notify(
        "the exploding example needs z = 0 to be differentiable: sigmoid used instead of ReLU",
      );
    this.applyState(explodingExample({ ...this.state, chainAct: act }, gs.chain), true);
  }

  private setParameter(kind: ParameterKind, j: number, v: number): void {
    const key = kind === "w" ? "chainW" : "chainB";
    const list = [...this.state[key]];
    list[j - 1] = v;
    this.applyState({ ...this.state, [key]: list }, false);
  }

  /** New state: recompute, redraw (`rebuildEditor` when parameters changed from outside the editor). */
  private applyState(state: ChainState, rebuildEditor: boolean): void {
    const parts = mounted(this.parts, "the controls");
    this.state = state;
    parts.neurons.value = String(state.chainW.length);
    parts.activation.value = state.chainAct;
    parts.cost.value = state.chainCost;
    const allowed = chainCostsAfter(state.chainAct);
    for (const o of parts.cost.options) o.disabled = !allowed.includes(o.value as ChainCost);
    if (Number(parts.x.value) !== state.chainX) parts.x.value = String(state.chainX);
    if (Number(parts.y.value) !== state.chainY) parts.y.value = String(state.chainY);
    if (rebuildEditor) parts.editor.setParameters(state.chainW, state.chainB);
    this.recompute();
    this.context?.hash.update((p) => writeParams(CHAIN_TABLE, state, p));
  }

  private recompute(): void {
    const gs = mounted(this.gs, "the WebAssembly core");
    const parts = mounted(this.parts, "the controls");
    const s = this.state;
    let p: ChainProduct;
    try {
      p = gs.chain.product({
        weights: s.chainW,
        biases: s.chainB,
        activation: s.chainAct,
        cost: s.chainCost,
        x: s.chainX,
        y: s.chainY,
      });
    } catch (e) {
      this.context?.notify(`chain: ${(e as Error).message}`);
      return;
    }
    const maxDerivative = gs.activations.maxDerivative(s.chainAct);
    parts.editor.showNeurons(p.neurons, maxDerivative);
    parts.strip.show(p, maxDerivative);
    // The chart redraws at most once per frame while a slider is dragged, with the latest product.
    this.chartProduct = p;
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (this.chartProduct) parts.chart.update(this.chartProduct);
      });
    }
    this.showFactors(p, maxDerivative);
  }

  private showFactors(p: ChainProduct, maxDerivative: number): void {
    const parts = mounted(this.parts, "the controls");
    const doc = parts.factors.ownerDocument;
    parts.ceiling.textContent =
      `For ${this.state.chainAct}, σ′(z) ≤ ${formatNumber(maxDerivative)}` +
      (this.state.chainAct === "sigmoid" ? " (= σ′(0) = 1/4)" : "") +
      `, so |w σ′| < ${formatNumber(maxDerivative)} whenever |w| < 1. The factors of this chain:`;
    const items: HTMLLIElement[] = [];
    for (let j = 1; j < p.neurons.length; ++j) {
      const f = (p.neurons[j]?.w ?? 0) * (p.neurons[j - 1]?.sigmaPrime ?? 0);
      const li = doc.createElement("li");
      const a = Math.abs(f);
      li.className = a < 0.25 ? "factor-small" : a > 1 ? "factor-large" : "factor-mid";
      const label = `|${termLabel({ kind: "weight", j: j + 1, value: 0, running: 0 })} ${termLabel({ kind: "sigma-prime", j, value: 0, running: 0 })}|`;
      li.textContent = `${label} = ${formatNumber(a)}${a < 0.25 ? " < 1/4" : a > 1 ? " > 1" : ""}`;
      items.push(li);
    }
    parts.factors.replaceChildren(...items);
  }
}
