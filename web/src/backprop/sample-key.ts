// The backprop view's URL key `sample` (`sample=train:12`, `sample=test:3`): which sample of the
// run's data the view traces. One row walked by url-table.ts's serializer like every other table;
// the range check needs the run's set sizes, so it is a separate step (checkSampleRange). Also the
// words the page uses for a sample ("training sample 12 (class 1)"). Pure: no DOM.

import type { DataKind } from "gradscope";
import {
  parseParams,
  type ParseResult,
  type PropertyKind,
  type PropertyTable,
} from "../state/url-table.js";
import type { SampleRef, TracedSample } from "./backprop-input.js";

export interface SampleKeys {
  sample: SampleRef;
}

export const SAMPLE_DEFAULTS: Readonly<SampleKeys> = Object.freeze({
  sample: Object.freeze({ set: "train", index: 0 }) as SampleRef,
});

/** Seven digits: more than any data set has samples, few enough to stay an exact integer. */
const SAMPLE_TEXT = /^(train|test):(\d{1,7})$/;

function describe(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

export function formatSample(ref: SampleRef): string {
  return `${ref.set}:${ref.index}`;
}

/**
 * `sample=drawn`: the digit drawn on this page's draw-a-digit card. The URL does not carry its
 * pixels, so a link with it traces train:0 (with a notice) until a digit is drawn and sent.
 */
export const DRAWN_SAMPLE_TEXT = "drawn";

/** What the backprop view's status records as traced: "train:12", or "drawn". */
export function formatTraced(sample: TracedSample): string {
  return sample.set === "drawn" ? DRAWN_SAMPLE_TEXT : formatSample(sample);
}

export const sampleKind: PropertyKind<SampleRef> = {
  parse(text) {
    const m = SAMPLE_TEXT.exec(text);
    if (!m) return new Error(`${describe(text)} is not train:<index> or test:<index>`);
    return { set: m[1] === "test" ? "test" : "train", index: Number(m[2]) };
  },
  format: formatSample,
  equals: (a, b) => a.set === b.set && a.index === b.index,
};

export const SAMPLE_TABLE: PropertyTable<SampleKeys> = [{ key: "sample", kind: sampleKind }];

/** The `sample` key of `params`; a malformed value is left at train:0 with a problem line. */
export function parseSampleKeys(params: URLSearchParams): ParseResult<SampleKeys> {
  return parseParams(SAMPLE_TABLE, SAMPLE_DEFAULTS, params);
}

/** Writes `keys` into `params`, leaving out the default (train:0); other owners' keys are kept. */
export function writeSampleKeys(keys: SampleKeys, params: URLSearchParams): void {
  if (sampleKind.equals(keys.sample, SAMPLE_DEFAULTS.sample)) params.delete("sample");
  else params.set("sample", formatSample(keys.sample));
}

/** How many samples each set of the run has. */
export interface SetSizes {
  train: number;
  test: number;
}

/** "training" or "test": the set's name in a sentence. */
export function setWord(set: SampleRef["set"]): string {
  return set === "train" ? "training" : "test";
}

/**
 * Null when `ref` names a sample of a run with these set sizes; otherwise the notice, naming the
 * value and the allowed range, and saying that train:0 is used instead.
 */
export function checkSampleRange(ref: SampleRef, sizes: SetSizes): string | null {
  const count = sizes[ref.set];
  if (ref.index < count) return null;
  const range = count === 0 ? "none" : `0 … ${count - 1}`;
  return (
    `sample: ${formatSample(ref)} is out of range (${setWord(ref.set)} samples: ${range}); ` +
    `${formatSample(SAMPLE_DEFAULTS.sample)} used`
  );
}

/** E.g. "training sample 12 (class 1)" for the 2-D sets, "test sample 3 (digit 7)" for images. */
export function describeSample(ref: SampleRef, label: number, kind: DataKind): string {
  return `${setWord(ref.set)} sample ${ref.index} (${kind === "image" ? "digit" : "class"} ${label})`;
}

/** A regression sample: "training sample 12 (y = 0.42)". */
export function describeValueSample(ref: SampleRef, y: number): string {
  return `${setWord(ref.set)} sample ${ref.index} (y = ${Number(y.toPrecision(3))})`;
}
