// A drawn digit made to look like an MNIST digit, by MNIST's own procedure (LeCun et al.): the
// writer's grey-level ink is cut to its bounding box, scaled (aspect ratio kept) so that its longer
// side fills a 20 × 20 box, with anti-aliasing (each output pixel averages the ink it covers), and
// placed in a 28 × 28 image so that its centre of mass lies at the image's centre. Pure: no DOM.

/** A grey-level image, row-major, each value the ink's coverage in [0, 1] (0: no ink). */
export interface InkImage {
  width: number;
  height: number;
  ink: Float32Array;
}

/** MNIST's image side, the box a digit is scaled into, and where its centre of mass goes. */
export const MNIST_SIDE = 28;
export const MNIST_BOX = 20;
/** The centre of a 28 × 28 image in pixel units (pixel i spans [i, i + 1]). */
export const MNIST_CENTRE = MNIST_SIDE / 2;

/** The smallest rectangle (half-open pixel ranges) that holds every inked pixel; null if none. */
export function inkBounds(
  image: InkImage,
): { left: number; top: number; right: number; bottom: number } | null {
  const { width, height, ink } = image;
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((ink[y * width + x] ?? 0) <= 0) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return right < 0 ? null : { left, top, right: right + 1, bottom: bottom + 1 };
}

/** The centre of mass (x, y) of `image`'s ink in pixel units, pixel i's centre at i + 0.5. */
export function centreOfMass(image: InkImage): { x: number; y: number; mass: number } {
  const { width, height, ink } = image;
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = ink[y * width + x] ?? 0;
      mass += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return mass > 0 ? { x: sx / mass, y: sy / mass, mass } : { x: NaN, y: NaN, mass: 0 };
}

/**
 * The 784 inputs (row-major 28 × 28, values in [0, 1]) MNIST's procedure makes of `image`, or null
 * when nothing is drawn. Throws when the image's size does not match its pixels.
 */
export function mnistInputs(image: InkImage): Float32Array | null {
  const { width, height, ink } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new Error(`an ink image must have a positive integer size, not ${width} × ${height}`);
  if (ink.length !== width * height)
    throw new Error(
      `an ink image of ${width} × ${height} needs ${width * height} values, not ${ink.length}`,
    );
  const box = inkBounds(image);
  if (!box) return null;
  const boxWidth = box.right - box.left;
  const boxHeight = box.bottom - box.top;
  // One drawn pixel becomes `scale` × `scale` output pixels: the longer side fills the 20-box.
  const scale = MNIST_BOX / Math.max(boxWidth, boxHeight);
  const mass = centreOfMass(image);
  // Resampling by covered area keeps the centre of mass where the scale maps it, so the offset
  // that puts it at (14, 14) is known before resampling: (x − left) · scale + offset = 14.
  const offsetX = MNIST_CENTRE - (mass.x - box.left) * scale;
  const offsetY = MNIST_CENTRE - (mass.y - box.top) * scale;
  const out = new Float32Array(MNIST_SIDE * MNIST_SIDE);
  for (let y = box.top; y < box.bottom; y++) {
    const y0 = offsetY + (y - box.top) * scale;
    for (let x = box.left; x < box.right; x++) {
      const v = Math.min(1, Math.max(0, ink[y * width + x] ?? 0));
      if (v === 0) continue;
      const x0 = offsetX + (x - box.left) * scale;
      spread(out, v, x0, y0, scale);
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = Math.min(1, out[i] ?? 0);
  return out;
}

/**
 * Adds the ink `v` of a drawn pixel covering [x0, x0 + s) × [y0, y0 + s) of the output to each
 * output pixel in proportion to the area it covers (a pixel's value is its mean ink coverage).
 */
function spread(out: Float32Array, v: number, x0: number, y0: number, s: number): void {
  const x1 = x0 + s;
  const y1 = y0 + s;
  const firstCol = Math.max(0, Math.floor(x0));
  const lastCol = Math.min(MNIST_SIDE - 1, Math.ceil(x1) - 1);
  const firstRow = Math.max(0, Math.floor(y0));
  const lastRow = Math.min(MNIST_SIDE - 1, Math.ceil(y1) - 1);
  for (let r = firstRow; r <= lastRow; r++) {
    const h = Math.min(y1, r + 1) - Math.max(y0, r);
    if (h <= 0) continue;
    for (let c = firstCol; c <= lastCol; c++) {
      const w = Math.min(x1, c + 1) - Math.max(x0, c);
      if (w <= 0) continue;
      const k = r * MNIST_SIDE + c;
      out[k] = (out[k] ?? 0) + v * w * h;
    }
  }
}
