// A sideways-scrolling block (a wide table, a long equation) inside a frame that shades the edge
// where more content is hidden: phones and headless browsers hide scrollbars, so without the
// shade a cut-off 10 × 10 Jacobian looks complete. The frame's classes follow scrolling and size.

/** The classes the frame carries while content is hidden past its left / right edge. */
export function hiddenEdges(scrollLeft: number, clientWidth: number, scrollWidth: number) {
  return { left: scrollLeft > 1, right: scrollLeft + clientWidth < scrollWidth - 1 };
}

/** Wraps `scroller` (overflow-x: auto) in a frame with edge shades; returns the frame. */
export function withScrollCue(scroller: HTMLElement): HTMLElement {
  const doc = scroller.ownerDocument;
  const frame = doc.createElement("div");
  frame.className = "bp-scroll-frame";
  frame.append(scroller);
  const update = () => {
    const edges = hiddenEdges(scroller.scrollLeft, scroller.clientWidth, scroller.scrollWidth);
    frame.classList.toggle("more-left", edges.left);
    frame.classList.toggle("more-right", edges.right);
  };
  scroller.addEventListener("scroll", update, { passive: true });
  const view = doc.defaultView;
  if (view && "ResizeObserver" in view) {
    const observer = new view.ResizeObserver(update);
    observer.observe(scroller);
    if (scroller.firstElementChild) observer.observe(scroller.firstElementChild);
  }
  return frame;
}
