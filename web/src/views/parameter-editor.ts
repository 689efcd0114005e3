// The network diagram's editor for the selected weight or bias: its name, an editable number and
// a Set button. A change that parses (parameter-change.ts) is handed to `onSet` (the card posts it
// to the worker as `set-parameter`); anything else is refused here with a message, never sent.

import type { LayerSnapshot } from "../model/protocol.js";
import { parseParameterValue, type ParameterChange } from "../model/parameter-change.js";
import type { Target } from "./network-diagram-geometry.js";
import { sup } from "../backprop/backprop-names.js";

/** The parameter a diagram target names (a neuron of l ≥ 2: its bias), or null (an input). */
export function parameterOf(
  target: Target | null,
):
  | { kind: "weight"; layer: number; row: number; col: number }
  | { kind: "bias"; layer: number; row: number }
  | null {
  if (!target) return null;
  if (target.kind === "weight") return { ...target };
  return target.layer >= 2 ? { kind: "bias", layer: target.layer, row: target.index - 1 } : null;
}

/** The parameter's symbol, e.g. "w²₁₂" or "b³₂". */
export function parameterSymbol(p: NonNullable<ReturnType<typeof parameterOf>>): string {
  const digits = (n: number) => String(n).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)] ?? d);
  if (p.kind === "bias") return `b${sup(p.layer)}${digits(p.row + 1)}`;
  // w^l_jk; a comma only where an index has two digits (w²₁₂,₁ is j = 12, k = 1).
  const comma = p.row + 1 > 9 || p.col + 1 > 9 ? "," : "";
  return `w${sup(p.layer)}${digits(p.row + 1)}${comma}${digits(p.col + 1)}`;
}

/** The parameter's value in `layers`, or NaN when the snapshot does not have it. */
export function parameterValue(
  p: NonNullable<ReturnType<typeof parameterOf>>,
  layers: readonly LayerSnapshot[],
): number {
  const snap = layers.find((s) => s.layer === p.layer);
  if (!snap) return NaN;
  return p.kind === "weight"
    ? (snap.weights[p.row * snap.cols + p.col] ?? NaN)
    : (snap.biases[p.row] ?? NaN);
}

export class ParameterEditor {
  readonly root: HTMLFormElement;
  private readonly label: HTMLLabelElement;
  private readonly input: HTMLInputElement;
  private readonly message: HTMLElement;
  private param: ReturnType<typeof parameterOf> = null;
  private shownKey = "";

  constructor(
    doc: Document,
    idPrefix: string,
    private readonly onSet: (change: ParameterChange) => void,
  ) {
    this.root = doc.createElement("form");
    this.root.className = "parameter-editor";
    this.root.hidden = true;
    this.root.noValidate = true;
    this.input = doc.createElement("input");
    this.input.type = "text";
    this.input.inputMode = "decimal";
    this.input.autocomplete = "off";
    this.input.id = `${idPrefix}-parameter-value`;
    this.label = doc.createElement("label");
    this.label.htmlFor = this.input.id;
    this.label.textContent = "Set the selected weight or bias to";
    const set = doc.createElement("button");
    set.type = "submit";
    set.textContent = "Set";
    this.message = doc.createElement("p");
    this.message.className = "parameter-editor-message";
    this.message.id = `${idPrefix}-parameter-message`;
    this.message.setAttribute("aria-live", "polite");
    this.input.setAttribute("aria-describedby", this.message.id);
    this.root.append(this.label, this.input, set, this.message);
    this.root.addEventListener("submit", (e) => {
      e.preventDefault();
      this.submit();
    });
  }

  /** Shows the editor for `target` (hidden for none or an input neuron) with its value now. */
  show(target: Target | null, layers: readonly LayerSnapshot[]): void {
    const p = parameterOf(target);
    this.param = p;
    this.root.hidden = p === null;
    if (!p) return;
    const key = JSON.stringify(p);
    const fresh = key !== this.shownKey;
    this.shownKey = key;
    this.label.textContent = `Set ${parameterSymbol(p)} to`;
    // Typing is never overwritten by a snapshot; a new selection starts from its value.
    const typing = this.input.matches(":focus");
    if (fresh || !typing) this.input.value = formatEditable(parameterValue(p, layers));
    if (fresh) this.setMessage("", false);
  }

  private submit(): void {
    const p = this.param;
    if (!p) return;
    const parsed = parseParameterValue(this.input.value);
    if (!parsed.ok) {
      this.setMessage(parsed.message, true);
      return;
    }
    this.setMessage(
      `${parameterSymbol(p)} set to ${parsed.value}; the link does not carry a hand-set value.`,
      false,
    );
    this.onSet({ ...p, value: parsed.value });
  }

  private setMessage(text: string, invalid: boolean): void {
    this.message.textContent = text;
    this.message.classList.toggle("invalid", invalid);
    this.input.setAttribute("aria-invalid", String(invalid));
  }
}

/** A value as the field shows it: enough digits to edit (float32 has about 7). */
export function formatEditable(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : "";
}
