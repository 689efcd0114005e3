// The frame every view sits in: a titled section with a short explanation and a body.

export interface ViewCard {
  root: HTMLElement;
  /** The short explanation under the title (a view may reword it for the data set). */
  explanation: HTMLElement;
  body: HTMLElement;
}

export function createViewCard(
  doc: Document,
  id: string,
  title: string,
  explanation: string,
): ViewCard {
  const root = doc.createElement("section");
  root.className = "view-card";
  root.id = id;
  root.setAttribute("aria-labelledby", `${id}-title`);
  const heading = doc.createElement("h2");
  heading.id = `${id}-title`;
  heading.textContent = title;
  const text = doc.createElement("p");
  text.className = "view-explanation";
  text.textContent = explanation;
  const body = doc.createElement("div");
  body.className = "view-body";
  root.append(heading, text, body);
  return { root, explanation: text, body };
}
