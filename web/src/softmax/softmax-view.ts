// The softmax panel (#view=softmax): editable logits z → the probabilities a = softmax(z) as bars,
// the Jacobian ∂aᵢ/∂zⱼ as a heatmap beside the course notes' formula, a nudge that shows
// Δa ≈ h × column j of J, and a one-hot target with the log-likelihood cost and δᴸ = a − y beside the
// general Jᵀ∂C/∂a (Nielsen, chapter 3, "Softmax"). No training run: a and J come from the core
// (gs.softmax, gs.softmaxJacobian) on the main thread, a few microseconds per call.

import "./softmax.css";
import { catalogue, type Gradscope } from "gradscope";
import { mounted, type PageView, type ViewContext } from "../app/page-view.js";
import { button } from "../lab/labeled-control.js";
import { typesetElement } from "../math/typeset.js";
import { parseParams, sameState, tableKeys, writeParams } from "../state/url-table.js";
import { appendCardSource } from "../views/card-source-line.js";
import { createViewCard } from "../views/view-card.js";
import { CostPanel } from "./cost-panel.js";
import { JacobianHeatmap } from "./jacobian-heatmap.js";
import { compareNudge, nudged } from "./linear-nudge.js";
import { workLogLikelihood } from "./log-likelihood.js";
import { LogitEditor } from "./logit-editor.js";
import { NudgePanel } from "./nudge-panel.js";
import {
  addClass,
  applyPreset,
  DEFAULT_SOFTMAX,
  MAX_CLASSES,
  MIN_CLASSES,
  reconcileSoftmax,
  removeClass,
  SOFTMAX_PRESETS,
  SOFTMAX_TABLE,
  withLogit,
  type SoftmaxState,
} from "./softmax-state.js";
import {
  columnSumCaption,
  costCaption,
  jacobianCaption,
  nudgeCaption,
  probabilityCaption,
} from "./softmax-text.js";
import { pageCore } from "../runtime/page-wasm.js";

interface Parts {
  editor: LogitEditor;
  add: HTMLButtonElement;
  remove: HTMLButtonElement;
  classCount: HTMLElement;
  probabilities: HTMLElement;
  heatmap: JacobianHeatmap;
  jacobianText: HTMLElement;
  columnText: HTMLElement;
  nudge: NudgePanel;
  cost: CostPanel;
}

function paragraph(doc: Document, className: string): HTMLElement {
  const p = doc.createElement("p");
  p.className = className;
  return p;
}

export class SoftmaxView implements PageView {
  readonly id = "softmax";
  readonly title = catalogue.view("softmax").title;
  readonly urlKeys = tableKeys(SOFTMAX_TABLE);

  private context: ViewContext | null = null;
  private core: Gradscope | null = null;
  private parts: Parts | null = null;
  private state: SoftmaxState = { ...DEFAULT_SOFTMAX };

  async mount(container: HTMLElement, context: ViewContext): Promise<void> {
    this.context = context;
    this.state = this.readHash();
    container.classList.add("softmax-panel");
    const status = container.ownerDocument.createElement("p");
    status.textContent = "Loading the WebAssembly core…";
    container.append(status);
    // A softmax of at most ten logits is microseconds: it runs on the page, not in a worker.
    try {
      this.core = await pageCore(); // the page's one compiled .wasm
    } catch (e) {
      status.textContent = "The WebAssembly core could not be loaded; the softmax panel needs it.";
      throw e; // the tab router shows the reason as a notice
    }
    status.remove();
    this.parts = this.build(container);
    this.applyState(this.state);
  }

  hashChanged(): void {
    if (!this.parts) return;
    const next = this.readHash();
    if (!sameState(SOFTMAX_TABLE, next, this.state)) this.applyState(next);
  }

  private readHash(): SoftmaxState {
    const context = mounted(this.context, "the view context");
    const parsed = parseParams(SOFTMAX_TABLE, DEFAULT_SOFTMAX, context.hash.read());
    const { state, problems } = reconcileSoftmax(parsed.value);
    for (const p of [...parsed.problems, ...problems]) context.notify(p);
    return state;
  }

  private build(container: HTMLElement): Parts {
    const doc = container.ownerDocument;
    const intro = createViewCard(
      doc,
      "softmax-probabilities",
      this.title,
      "Softmax turns the weighted inputs z (logits) of n output neurons into probabilities a: " +
        "positive, summing to 1, in the logits' order. Drag a slider or type a logit; the bars " +
        "are the package's softmax.",
    );
    intro.root.classList.add("wide-card");
    appendCardSource(intro, "softmax");
    const formula = typesetElement(doc, String.raw`a_j = \frac{e^{z_j}}{\sum_{k=1}^{n} e^{z_k}}`, {
      display: true,
    });
    const presets = doc.createElement("div");
    presets.className = "softmax-buttons";
    presets.setAttribute("role", "group");
    presets.setAttribute("aria-label", "Presets");
    for (const preset of SOFTMAX_PRESETS) {
      presets.append(
        button(
          doc,
          preset.label,
          () => this.applyState(applyPreset(this.state, preset)),
          preset.hint,
        ),
      );
    }
    const classes = doc.createElement("div");
    classes.className = "softmax-buttons";
    classes.setAttribute("role", "group");
    classes.setAttribute("aria-label", "Classes");
    const classCount = doc.createElement("span");
    classCount.className = "class-count";
    const add = button(doc, "Add a class", () => this.applyState(addClass(this.state)));
    const remove = button(doc, "Remove the last class", () =>
      this.applyState(removeClass(this.state)),
    );
    classes.append(classCount, add, remove);
    const editorBox = doc.createElement("div");
    const editor = new LogitEditor(editorBox, (j, v) =>
      this.applyState(withLogit(this.state, j + 1, v), false),
    );
    const probabilities = paragraph(doc, "softmax-caption probability-caption");
    intro.body.append(formula, presets, classes, editorBox, probabilities);

    const jacobianCard = createViewCard(
      doc,
      "softmax-jacobian",
      "The Jacobian ∂aᵢ/∂zⱼ",
      "How much each probability aᵢ (row) moves per unit change of each logit zⱼ (column): the " +
        "package's softmax Jacobian for these logits. Hover, tap or focus an entry for its value.",
    );
    const grid = doc.createElement("div");
    grid.className = "softmax-two-columns";
    const mapBox = doc.createElement("div");
    const heatmap = new JacobianHeatmap(mapBox);
    const text = doc.createElement("div");
    text.className = "softmax-text";
    const jacobianFormula = typesetElement(
      doc,
      String.raw`\frac{\partial a_i}{\partial z_j} = \begin{cases} -a_i\,a_j, & i \ne j \\ a_i\,(1 - a_i), & i = j \end{cases}`,
      { display: true },
    );
    const seedNote = paragraph(doc, "softmax-note");
    seedNote.textContent =
      "The course notes write the softmax of inputs x and differentiate its outputs by xⱼ; here " +
      "the inputs are the weighted inputs z and the outputs are a, as at a network's output layer.";
    const jacobianText = paragraph(doc, "softmax-caption jacobian-caption");
    const columnText = paragraph(doc, "softmax-caption column-caption");
    text.append(jacobianFormula, seedNote, jacobianText, columnText);
    grid.append(mapBox, text);
    jacobianCard.body.append(grid);

    const nudgeCard = createViewCard(
      doc,
      "softmax-nudge",
      "Nudge one logit: Δa ≈ h × column j of J",
      "Column j of the Jacobian predicts how a moves when zⱼ moves by a small h. The actual " +
        "change comes from two calls to the package's softmax (for the largest aₜ as −Σ of the " +
        "others' changes, which float32 keeps accurate); h × column j is worked out here from " +
        "its Jacobian.",
    );
    const nudge = new NudgePanel(nudgeCard.body, (n) =>
      this.applyState({ ...this.state, nudge: n }),
    );

    const costCard = createViewCard(
      doc,
      "softmax-cost",
      "A target class t: the cost C = −ln aₜ and δᴸ",
      "With a one-hot target y (1 for class t, 0 elsewhere), the log-likelihood cost is " +
        "C = −ln aₜ. BP1 at a softmax output " +
        "is δᴸ = Jᵀ ∂C/∂a in general; for this cost it collapses to a − y (Nielsen, chapter 3).",
    );
    const cost = new CostPanel(costCard.body, (target) =>
      this.applyState({ ...this.state, target }),
    );

    // Logits and Jacobian side by side on wide screens (softmax.css): dragging a slider shows
    // the matrix react, also at a projector's 150 % zoom.
    const top = doc.createElement("div");
    top.className = "softmax-top";
    top.append(intro.root, jacobianCard.root);
    container.append(top, nudgeCard.root, costCard.root);
    return {
      editor,
      add,
      remove,
      classCount,
      probabilities,
      heatmap,
      jacobianText,
      columnText,
      nudge,
      cost,
    };
  }

  /** New state: recompute and redraw (`rewriteEditor` false while a logit is being edited). */
  private applyState(next: SoftmaxState, rewriteEditor = true): void {
    const parts = mounted(this.parts, "the softmax panel");
    this.state = reconcileSoftmax(next).state;
    const n = this.state.logits.length;
    if (rewriteEditor) parts.editor.setLogits(this.state.logits);
    parts.classCount.textContent = `${n} classes (${MIN_CLASSES}–${MAX_CLASSES})`;
    parts.add.disabled = n >= MAX_CLASSES;
    parts.remove.disabled = n <= MIN_CLASSES;
    this.recompute();
    this.context?.hash.update((p) => writeParams(SOFTMAX_TABLE, this.state, p));
  }

  private recompute(): void {
    const core = mounted(this.core, "the WebAssembly core");
    const parts = mounted(this.parts, "the softmax panel");
    const { logits, target, nudge } = this.state;
    const n = logits.length;
    try {
      const a = core.softmax(logits);
      const jacobian = core.softmaxJacobian(a);
      parts.editor.showProbabilities(a);
      parts.probabilities.textContent = probabilityCaption(a);
      parts.heatmap.show(jacobian, n);
      parts.jacobianText.textContent = jacobianCaption(a, jacobian);
      parts.columnText.textContent = columnSumCaption(n, jacobian);

      const j = nudge.j - 1;
      const full = compareNudge(a, core.softmax(nudged(logits, j, nudge.h)), jacobian, j, nudge.h);
      const half = compareNudge(
        a,
        core.softmax(nudged(logits, j, nudge.h / 2)),
        jacobian,
        j,
        nudge.h / 2,
      );
      parts.nudge.show(n, nudge, full, nudgeCaption(j, nudge.h, full, half));

      const worked = workLogLikelihood(a, jacobian, target - 1);
      parts.cost.show(a, target, worked, costCaption(a, target - 1, worked));
    } catch (e) {
      this.context?.notify(`softmax: ${(e as Error).message}`);
    }
  }
}
