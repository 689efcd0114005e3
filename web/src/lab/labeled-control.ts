// Small builders for the lab's labelled form controls (every control gets an accessible name).

export function labelled(
  doc: Document,
  id: string,
  text: string,
  control: HTMLElement,
): HTMLElement {
  const row = doc.createElement("div");
  row.className = "control-row";
  const label = doc.createElement("label");
  label.htmlFor = id;
  label.textContent = text;
  control.id = id;
  row.append(label, control);
  return row;
}

export function selectOf(
  doc: Document,
  options: readonly { value: string; text: string }[],
  value: string,
): HTMLSelectElement {
  const select = doc.createElement("select");
  for (const o of options) {
    const option = doc.createElement("option");
    option.value = o.value;
    option.textContent = o.text;
    select.append(option);
  }
  select.value = value;
  return select;
}

export function numberInput(
  doc: Document,
  value: number,
  min: number,
  max: number,
  step: number | "any",
): HTMLInputElement {
  const input = doc.createElement("input");
  input.type = "number";
  input.min = String(min);
  input.max = String(max);
  input.step = String(step);
  input.value = String(value);
  return input;
}

export function button(
  doc: Document,
  text: string,
  onClick: () => void,
  title?: string,
): HTMLButtonElement {
  const b = doc.createElement("button");
  b.type = "button";
  b.textContent = text;
  if (title) b.title = title;
  b.addEventListener("click", onClick);
  return b;
}
