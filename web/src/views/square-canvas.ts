// Sizes a square canvas to `css` CSS pixels at the screen's device-pixel ratio (sharp on high-DPI
// screens), touching its bitmap only when the size changed (which clears it). Returns the ratio.

export function sizeSquareCanvas(canvas: HTMLCanvasElement, css: number): number {
  const ratio = canvas.ownerDocument.defaultView?.devicePixelRatio ?? 1;
  const px = Math.round(css * ratio);
  if (canvas.width !== px) {
    canvas.width = px;
    canvas.height = px;
    canvas.style.width = `${css}px`;
    canvas.style.height = `${css}px`;
  }
  return ratio;
}
