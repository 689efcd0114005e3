// The target class t and the log-likelihood cost: C = −ln aₜ typeset with its numbers, and BP1 two
// ways side by side — the shortcut δᴸ = a − y and the general product Jᵀ ∂C/∂a — per class in a
// table, with a sentence on whether they agree.

import { typeset } from "../math/typeset.js";
import type { LogLikelihoodWorked } from "./log-likelihood.js";
import { markValue, texNumber, texText, valueCell } from "./number-cell.js";
import { probabilityTexts } from "./softmax-text.js";

export class CostPanel {
  private readonly target: HTMLSelectElement;
  private readonly costEquation: HTMLElement;
  private readonly deltaEquation: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly caption: HTMLElement;
  private readonly cost: HTMLElement;
  private n = 0;

  constructor(
    container: HTMLElement,
    private readonly onChange: (target: number) => void,
  ) {
    const doc = container.ownerDocument;
    const row = doc.createElement("div");
    row.className = "control-row softmax-controls";
    this.target = doc.createElement("select");
    this.target.id = "softmax-target";
    const label = doc.createElement("label");
    label.htmlFor = this.target.id;
    label.textContent = "Target class t (y is one-hot)";
    const costLine = doc.createElement("span");
    costLine.className = "cost-line";
    this.cost = doc.createElement("span");
    this.cost.className = "cost-value";
    costLine.append("cost C = ", this.cost);
    row.append(label, this.target, costLine);
    this.costEquation = doc.createElement("div");
    this.costEquation.className = "softmax-equation";
    this.deltaEquation = doc.createElement("div");
    this.deltaEquation.className = "softmax-equation";
    const table = doc.createElement("table");
    table.className = "softmax-table";
    const caption = doc.createElement("caption");
    caption.textContent = "Per class j: a, y, ∂C/∂a, and δᴸ both ways";
    const head = doc.createElement("thead");
    const hr = doc.createElement("tr");
    for (const text of ["j", "aⱼ", "yⱼ", "∂C/∂aⱼ", "aⱼ − yⱼ", "(Jᵀ ∂C/∂a)ⱼ", "difference"]) {
      const th = doc.createElement("th");
      th.scope = "col";
      th.textContent = text;
      hr.append(th);
    }
    head.append(hr);
    this.body = doc.createElement("tbody");
    table.append(caption, head, this.body);
    const scroll = doc.createElement("div");
    scroll.className = "softmax-table-box";
    scroll.append(table);
    this.caption = doc.createElement("p");
    this.caption.className = "softmax-caption cost-caption";
    container.append(row, this.costEquation, this.deltaEquation, scroll, this.caption);
    this.target.addEventListener("change", () => this.onChange(Number(this.target.value)));
  }

  /** `target` (t) is 1-based; `p` the probabilities from the package. */
  show(p: ArrayLike<number>, target: number, worked: LogLikelihoodWorked, sentence: string): void {
    const doc = this.body.ownerDocument;
    const n = p.length;
    if (n !== this.n) {
      this.n = n;
      this.target.replaceChildren(
        ...Array.from({ length: n }, (_, k) => {
          const o = doc.createElement("option");
          o.value = String(k + 1);
          o.textContent = `class ${k + 1}`;
          return o;
        }),
      );
    }
    this.target.value = String(target);
    const t = target - 1;
    const texts = probabilityTexts(p);
    typeset(
      this.costEquation,
      String.raw`C = -\ln a_{${target}} = -\ln(${texText(texts[t] as string)}) = ${texNumber(worked.cost)}`,
      { display: true },
    );
    typeset(
      this.deltaEquation,
      // Two lines, so that the equation fits a phone's width.
      String.raw`\begin{gathered} \delta^L = J^{\mathsf T}\,\frac{\partial C}{\partial a},\quad` +
        String.raw`\frac{\partial C}{\partial a_i} = \begin{cases} -1/a_{${target}}, & i = ${target} \\ 0, & i \ne ${target}\end{cases}` +
        String.raw`\\ \Longrightarrow\quad \delta^L_j = -\frac{J_{${target}j}}{a_{${target}}} = a_j - y_j \end{gathered}`,
      { display: true },
    );
    this.body.replaceChildren(
      ...Array.from({ length: n }, (_, j) => {
        const tr = doc.createElement("tr");
        if (j === t) tr.className = "target-row";
        const th = doc.createElement("th");
        th.scope = "row";
        th.textContent = String(j + 1);
        const product = worked.product;
        const undefinedCell = () => {
          const td = doc.createElement("td");
          td.className = "value undefined";
          td.textContent = "undefined (÷ 0)";
          return td;
        };
        const shortcut = worked.shortcut[j] as number;
        tr.append(
          th,
          valueCell(doc, `cost.a[${j}]`, p[j] as number, texts[j]),
          valueCell(doc, `cost.y[${j}]`, j === t ? 1 : 0),
          valueCell(doc, `costGradient[${j}]`, worked.costGradient[j] as number),
          valueCell(doc, `delta.shortcut[${j}]`, shortcut),
          product ? valueCell(doc, `delta.product[${j}]`, product[j] as number) : undefinedCell(),
          product
            ? valueCell(doc, `delta.difference[${j}]`, shortcut - (product[j] as number))
            : undefinedCell(),
        );
        return tr;
      }),
    );
    markValue(this.cost, "cost", worked.cost);
    this.caption.textContent = sentence;
  }
}
