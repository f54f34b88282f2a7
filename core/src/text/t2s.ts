import { T2S_PAIRS } from './t2sTable';

/**
 * Traditional → simplified, one UTF-16 unit at a time, for label matching.
 * The mapping is OpenCC's own character dictionary run through its converter, generated as data
 * (`t2sTable.ts`, by `scripts/gen-t2s.js`), and read into a flat table so that normalising a 5 MB
 * compilation costs one array read per character.
 */
let table: Uint16Array | null = null;

function build(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) t[T2S_PAIRS.charCodeAt(i)] = T2S_PAIRS.charCodeAt(i + 1);
  return t;
}

/** The simplified form of UTF-16 unit `c` (itself when it has none). */
export function simplifiedCode(c: number): number {
  if (c < 0x3400) return c;
  return (table ??= build())[c];
}
