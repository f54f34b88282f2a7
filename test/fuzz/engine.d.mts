// Types of engine.mjs, for test/fuzz/properties.test.ts (the engine itself is plain JavaScript so
// that `node test/fuzz/run.mjs` and its worker threads need no TypeScript loader).

export interface Budget { base: number; perKB: number }
export const DEFAULT_BUDGET: Budget;

export interface Failure {
  property: string;
  kind: string;
  sig: string;
  message: string;
  origin: string;
  text?: string;
  edits?: { start: number; oldEnd: number; text: string }[];
  merged?: boolean;
  widen?: [number, number];
  originalLength?: number;
  stack?: string;
  hostile?: string;
}

export interface Slow { ms: number; kb: number; msPerKB: number; name: string }
/** A scaled shape's figures at n and 4n (RSS growth in MB, when measured). */
export interface Scaled { name: string; n: number; mb4n: number; msN: number; ms4n: number; timeRatio: number; rssN?: number; rss4n?: number; rssRatio?: number }
export interface Stats {
  cases: number; hostile: number; shrinkRuns: number; ms: number;
  slowestPerKB: Slow | null; slowestPerKBLarge: Slow | null; slowest: Slow | null; peakHeap: number; peakHeapTotal: number; scaled: Scaled[];
}

export interface FuzzOptions {
  cases?: number; seed?: number; big?: boolean; hostile?: boolean; budget?: Budget; minimise?: boolean;
  /** Repetitions for the linear-time check of the repeated labels (default 5,000 against 40,000). */
  scalingN?: number | null;
  /** The path of a built core (dist/core.js): the scaled shapes' peak RSS is measured in child processes that load it. */
  rss?: string | null;
}

/** In-process fuzzing of `core` (dist/core.js or core/src): the hostile inputs, then `cases` random cases. */
export function fuzz(core: unknown, options?: FuzzOptions): { stats: Stats; failures: Failure[] };
export function runHostile(core: unknown, options?: { big?: boolean; names?: string[] | null; budget?: Budget; minimise?: boolean; scalingN?: number | null; rss?: string | null }): { stats: Stats; failures: Failure[] };
export function runRandom(core: unknown, options: { numRuns: number; seed: number; budget?: Budget }): { stats: Stats; failures: Failure[] };
export function minimizeText(core: unknown, text: string, sig: string, options?: { maxChecks?: number }): string;
export function replay(core: unknown, saved: Partial<Failure>, options?: { budget?: Budget }): { violations: Failure[]; ms: number; kb: number };
