// How the deep-network experiment is shared out: one worker-pool channel per core (as many as the
// browser reports, never more than there are networks), each training its share of the networks;
// and how many images train and how many are held out. Pure.

/** Workers for `variants` networks on a machine with `cores` logical cores (0 or unknown: 1). */
export function workerCount(cores: number | undefined, variants: number): number {
  const c = cores !== undefined && Number.isInteger(cores) && cores > 0 ? cores : 1;
  return Math.max(1, Math.min(c, variants));
}

/** The variants round-robin over `workers` workers (the first ones get one more when uneven). */
export function assignVariants(variants: readonly string[], workers: number): string[][] {
  const out: string[][] = Array.from({ length: workers }, () => []);
  variants.forEach((v, i) => out[i % workers]?.push(v));
  return out.filter((share) => share.length > 0);
}

/**
 * Training and held-out images out of `n`: as asked when they fit (9,000 + 1,000 of the bundled
 * 10,000), else a small file split in half rather than refused.
 */
export function splitSamples(
  n: number,
  samples: number,
  testSamples: number,
): { samples: number; testSamples: number } {
  if (samples + testSamples <= n) return { samples, testSamples };
  const train = Math.min(samples, Math.floor(n / 2));
  return { samples: train, testSamples: Math.min(testSamples, n - train) };
}
