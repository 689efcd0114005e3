// The legend under the canvas views: a colour swatch per entry, then one line of plain text.

export function swatchLegend(
  doc: Document,
  entries: readonly (readonly [colour: string, text: string])[],
  note: string,
): HTMLElement {
  const list = doc.createElement("ul");
  list.className = "swatch-legend";
  for (const [colour, text] of entries) {
    const item = doc.createElement("li");
    const swatch = doc.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = colour;
    item.append(swatch, doc.createTextNode(text));
    list.append(item);
  }
  const last = doc.createElement("li");
  last.textContent = note;
  list.append(last);
  return list;
}
