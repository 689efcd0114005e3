// The chain view: Nielsen's chapter-5 chain made interactive. The learner edits a network with one
// neuron per layer and sees ∂C/∂b_1 = σ'(z_1) × w_2 × σ'(z_2) × … × σ'(z_n) × ∂C/∂a_n multiplied
// from the output back, as backprop does, checked live against backprop, and why it vanishes
// (|w σ'| below the activation's σ′ ceiling) or explodes (w = 100, z = 0).

import { catalogue, type ChainProduct, type Gradscope } from "gradscope";
import { mounted, type PageView, type ViewContext } from "../app/page-view.js";
import { parseParams, sameState, tableKeys, writeParams } from "../state/url-table.js";
import { createViewCard } from "../views/view-card.js";
import { ChainEditor, type ParameterKind } from "./chain-editor.js";
import { ChainGradientChart } from "./chain-gradient-chart.js";
import { explodingExample, randomNormal, smallWeights } from "./chain-presets.js";
import { ChainProductStrip } from "./chain-product-strip.js";
import {
  ceilingSentence,
  chainFactors,
  explodingActivation,
  explodingParagraph,
  NIELSEN_CHAPTER_5,
  vanishingParagraph,
} from "./chain-text.js";
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
import { pageCore } from "../runtime/page-wasm.js";

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
  vanish: HTMLElement;
  explode: HTMLElement;
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
      this.gs = await pageCore(); // the page's one compiled .wasm
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
      "With one neuron per layer, backprop's four equations collapse to one product, " +
        "∂C/∂b₁ = σ′(z₁) × w₂ × σ′(z₂) × … × w_n × σ′(z_n) × ∂C/∂a_n (Nielsen, chapter 5). Change any weight, bias or the input and every factor updates.",
    );
    intro.root.classList.add("wide-card");
    const source = doc.createElement("p");
    source.className = "lab-source";
    const link = doc.createElement("a");
    link.href = NIELSEN_CHAPTER_5;
    link.textContent =
      "Nielsen, Neural Networks and Deep Learning, chapter 5: why are deep neural networks hard to train?";
    link.rel = "noopener";
    source.append("From ", link, ".");
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
    intro.body.append(source, controls, presets, editorBox);

    const productCard = createViewCard(
      doc,
      "lab-chain-product",
      "∂C/∂b₁, factor by factor, from the output back",
      "Backprop multiplies from the output back: it starts at ∂C/∂a_n; a factor σ′(z_j) turns ∂C/∂a_j into δ_j = ∂C/∂b_j " +
        "(BP1 at the output, BP2 elsewhere), a factor w_j turns δ_j into ∂C/∂a_(j−1) (BP2). Each box shows the factor and the running value it makes. " +
        "The last one is δ₁ = ∂C/∂b₁, shown beside the value the core's backprop computes for the same network.",
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
    // Both paragraphs follow the activation and the chain (showFactors).
    const vanish = doc.createElement("p");
    vanish.className = "chain-vanishing";
    const explode = doc.createElement("p");
    explode.className = "chain-exploding";
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
    return {
      neurons,
      activation,
      cost,
      x,
      y,
      editor,
      strip,
      chart,
      factors,
      ceiling,
      vanish,
      explode,
    };
  }

  private explode(): void {
    const gs = mounted(this.gs, "the WebAssembly core");
    const act = explodingActivation(this.state.chainAct);
    if (act !== this.state.chainAct)
      this.context?.notify(
        `the exploding example puts every z at 0, where ${this.state.chainAct}′ is at most 0.01: ` +
          `${act} used instead`,
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
    parts.editor.setActivation(state.chainAct);
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
    this.showFactors(p);
  }

  private showFactors(p: ChainProduct): void {
    const gs = mounted(this.gs, "the WebAssembly core");
    const parts = mounted(this.parts, "the controls");
    const doc = parts.factors.ownerDocument;
    const act = this.state.chainAct;
    parts.ceiling.textContent = ceilingSentence(act);
    const items = chainFactors(p, act).map((f) => {
      const li = doc.createElement("li");
      li.className = f.cls;
      li.textContent = f.text;
      return li;
    });
    parts.factors.replaceChildren(...items);
    parts.vanish.textContent = vanishingParagraph(act, p.neurons.length);
    const used = explodingActivation(act);
    parts.explode.textContent = explodingParagraph(act, gs.activations.derivative(used, 0));
  }
}
