/**
 * mulberry32: a small, fast pseudo-random generator in [0, 1) whose sequence depends only on
 * its seed — playlists' `--seed`, the benchmark data generator and the test fakes all need
 * results that replay exactly.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
