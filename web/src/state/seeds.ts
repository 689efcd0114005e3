// The playground's two seeds: `dataSeed` draws the data points and the train/test split,
// `initSeed` the initial weights and biases and the mini-batch shuffle order. So "New weights"
// keeps the points and "New data" keeps the starting network's draw, and Reset (same seeds) starts
// the same run again. An old link's single `seed=N` sets both and is rewritten to the new keys.

import { numberKind, repeatedKey, type PropertyKind } from "./url-table.js";

/** The largest seed (the package takes 0 … 2³¹ − 1). */
export const SEED_MAX = 2 ** 31 - 1;

export const seedKind: PropertyKind<number> = numberKind(0, SEED_MAX, true);

/** The key old links use for both seeds. */
export const LEGACY_SEED_KEY = "seed";

export interface Seeds {
  dataSeed: number;
  initSeed: number;
}

/**
 * The seeds an old link's `seed=N` gives (both N) when the link names neither new key on its own
 * (an explicit dataSeed or initSeed wins), or a problem line for a bad N; {} without `seed`.
 */
export function legacySeeds(params: URLSearchParams): { seeds: Partial<Seeds>; problem?: string } {
  const text = params.get(LEGACY_SEED_KEY);
  if (text === null) return { seeds: {} };
  const v =
    text.length > 200 ? new Error("value longer than 200 characters") : seedKind.parse(text);
  if (v instanceof Error) return { seeds: {}, problem: `seed: ${v.message}; default used` };
  const repeated = repeatedKey(params, LEGACY_SEED_KEY);
  return {
    seeds: { dataSeed: v, initSeed: v },
    ...(repeated === null ? {} : { problem: repeated }),
  };
}

/**
 * A new seed for "New data" or "New weights": uniform over 0 … SEED_MAX from `random` (values in
 * [0, 1)), never equal to `current`, so the button always changes something.
 */
export function drawSeed(current: number, random: () => number): number {
  const span = SEED_MAX + 1;
  const v = Math.min(SEED_MAX, Math.floor(random() * span));
  return v === current ? (v + 1) % span : v;
}

/** A browser's random seed source: crypto when there is one. */
export function browserRandom(): number {
  const c = globalThis.crypto;
  if (c?.getRandomValues) return (c.getRandomValues(new Uint32Array(1))[0] ?? 0) / 2 ** 32;
  return Math.random();
}

/** What the transport bar says about the seeds after each seed action. */
export type SeedEvent = "load" | "reset" | "new-data" | "new-weights";

/** Reset's accessible name and tooltip: it starts the same run again. */
export function resetLabel(s: Seeds): string {
  return (
    `Reset: same seeds, same start — the same data and initial network again ` +
    `(data seed ${s.dataSeed}, weights seed ${s.initSeed}), back to step 0`
  );
}

/** The line under the transport buttons: the seeds in use and what the last action did. */
export function seedNote(event: SeedEvent, s: Seeds): string {
  const seeds = `data seed ${s.dataSeed}, weights seed ${s.initSeed}`;
  switch (event) {
    case "reset":
      return `Reset: same seeds, same start (${seeds}).`;
    case "new-data":
      return `New data: data seed ${s.dataSeed} draws new points and a new split; weights seed ${s.initSeed} kept.`;
    case "new-weights":
      return `New weights: weights seed ${s.initSeed} draws new initial weights and shuffle order; data seed ${s.dataSeed} kept.`;
    case "load":
      return `Seeds: ${seeds}. Reset starts this same run again.`;
  }
}
