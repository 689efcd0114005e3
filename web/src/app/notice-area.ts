// The visible notice line: problems with the URL, errors from the worker. Text only.

export class NoticeArea {
  private readonly list: HTMLUListElement;

  constructor(private readonly root: HTMLElement) {
    const doc = root.ownerDocument;
    this.list = doc.createElement("ul");
    const dismiss = doc.createElement("button");
    dismiss.type = "button";
    dismiss.className = "notice-dismiss";
    dismiss.textContent = "Dismiss";
    dismiss.setAttribute("aria-label", "Dismiss notices");
    dismiss.addEventListener("click", () => this.clear());
    root.append(this.list, dismiss);
    root.hidden = true;
  }

  add(message: string): void {
    const item = this.root.ownerDocument.createElement("li");
    item.textContent = message;
    this.list.append(item);
    // Keep the last few: a notice area that grows without end hides the page.
    while (this.list.children.length > 6) this.list.firstElementChild?.remove();
    this.root.hidden = false;
  }

  clear(): void {
    this.list.replaceChildren();
    this.root.hidden = true;
  }
}
