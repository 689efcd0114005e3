// The drawing pad's preprocessing, checked against MNIST's procedure on shapes whose answer is
// known: the longer side fills 20 pixels, the centre of mass lands at (14, 14), ink stays in [0, 1].
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  centreOfMass,
  inkBounds,
  mnistInputs,
  MNIST_SIDE,
  type InkImage,
} from "../../web/src/model/mnist-preprocess.js";

/** A `size` × `size` pad with ink 1 where `inked(x, y)`. */
function pad(size: number, inked: (x: number, y: number) => boolean, level = 1): InkImage {
  const ink = new Float32Array(size * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) if (inked(x, y)) ink[y * size + x] = level;
  return { width: size, height: size, ink };
}

const digit = (pixels: Float32Array): InkImage => ({
  width: MNIST_SIDE,
  height: MNIST_SIDE,
  ink: pixels,
});

/** Σ over columns of the column's largest value: a solid shape's width in pixels. */
function extent(pixels: Float32Array, along: "x" | "y"): number {
  let sum = 0;
  for (let i = 0; i < MNIST_SIDE; i++) {
    let most = 0;
    for (let j = 0; j < MNIST_SIDE; j++) {
      const v = along === "x" ? pixels[j * MNIST_SIDE + i] : pixels[i * MNIST_SIDE + j];
      most = Math.max(most, v ?? 0);
    }
    sum += most;
  }
  return sum;
}

function assertInRange(pixels: Float32Array): void {
  assert.equal(pixels.length, 784);
  for (const v of pixels) assert.ok(v >= 0 && v <= 1, `pixel ${v} outside [0, 1]`);
}

test("a wide solid bar fills 20 pixels across and 10 down, its mass at (14, 14)", () => {
  // 100 × 50 pixels of ink off-centre in a 280 pad: scale 20/100, so 20 × 10 in the output.
  const out = mnistInputs(pad(280, (x, y) => x >= 30 && x < 130 && y >= 170 && y < 220));
  assert.ok(out);
  assertInRange(out);
  const c = centreOfMass(digit(out));
  assert.ok(Math.abs(c.x - 14) <= 0.5 && Math.abs(c.y - 14) <= 0.5, `centre ${c.x}, ${c.y}`);
  assert.ok(Math.abs(extent(out, "x") - 20) < 1e-4, `width ${extent(out, "x")}`);
  assert.ok(Math.abs(extent(out, "y") - 10) < 1e-4, `height ${extent(out, "y")}`);
  // Area is scaled by (20/100)²: 5000 inked pixels become 200 pixels' worth of ink.
  assert.ok(Math.abs(c.mass - 200) < 1e-3, `mass ${c.mass}`);
  const box = inkBounds(digit(out));
  assert.ok(box);
  assert.ok(box.right - box.left <= 21 && box.bottom - box.top <= 11);
});

test("a lopsided L is centred by its mass, not its box, and its longer side is 20", () => {
  // A tall L: a 20-wide stem 100 high and a 60-wide foot 20 high. Its mass sits low and left.
  const out = mnistInputs(
    pad(
      200,
      (x, y) =>
        (x >= 50 && x < 70 && y >= 40 && y < 140) || (x >= 50 && x < 110 && y >= 120 && y < 140),
    ),
  );
  assert.ok(out);
  assertInRange(out);
  const c = centreOfMass(digit(out));
  assert.ok(Math.abs(c.x - 14) <= 0.5 && Math.abs(c.y - 14) <= 0.5, `centre ${c.x}, ${c.y}`);
  assert.ok(Math.abs(extent(out, "y") - 20) < 1e-4, `height ${extent(out, "y")}`);
  assert.ok(Math.abs(extent(out, "x") - 12) < 1e-4, `width ${extent(out, "x")}`);
  // The box is not centred: the stem's top is further from the centre than the foot's bottom.
  const box = inkBounds(digit(out));
  assert.ok(box);
  assert.ok(14 - box.top > box.bottom - 14, `box rows ${box.top} … ${box.bottom}`);
});

test("grey ink keeps its level; a single dot grows to the 20-box, centred", () => {
  const grey = mnistInputs(pad(100, (x, y) => x >= 10 && x < 50 && y >= 10 && y < 50, 0.5));
  assert.ok(grey);
  assert.ok(Math.abs(Math.max(...grey) - 0.5) < 1e-6);
  const dot = mnistInputs(pad(50, (x, y) => x === 7 && y === 40));
  assert.ok(dot);
  // One pixel scaled 20 times covers rows and columns 4 … 23 exactly.
  for (let r = 0; r < MNIST_SIDE; r++)
    for (let c = 0; c < MNIST_SIDE; c++) {
      const inside = r >= 4 && r < 24 && c >= 4 && c < 24;
      assert.ok(Math.abs((dot[r * MNIST_SIDE + c] ?? 0) - (inside ? 1 : 0)) < 1e-5, `${r},${c}`);
    }
});

test("an empty pad gives nothing to predict; a malformed image is refused, naming its size", () => {
  assert.equal(mnistInputs(pad(28, () => false)), null);
  assert.throws(
    () => mnistInputs({ width: 10, height: 10, ink: new Float32Array(99) }),
    /10 × 10 needs 100 values, not 99/,
  );
  assert.throws(() => mnistInputs({ width: 0, height: 5, ink: new Float32Array(0) }), /0 × 5/);
});
