import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';

/**
 * Traditional → simplified, one UTF-16 unit at a time, for label matching.
 * The mapping is OpenCC's own character dictionary run through its converter once; the result is a
 * flat table so that normalising a 5 MB compilation costs one array read per character.
 */
let table: Uint16Array | null = null;

function build(): Uint16Array {
  const convert = ConverterFactory([TSCharacters]);
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  // Convert the CJK blocks in one call and keep only one-to-one changes.
  const from = 0x3400, to = 0x9fff;
  const chars: string[] = [];
  for (let c = from; c <= to; c++) chars.push(String.fromCharCode(c));
  const src = chars.join('\n');
  const out = convert(src).split('\n');
  if (out.length === chars.length) {
    for (let i = 0; i < chars.length; i++) {
      const o = out[i];
      if (o.length === 1 && o !== chars[i]) t[from + i] = o.charCodeAt(0);
    }
  }
  return t;
}

/** The simplified form of UTF-16 unit `c` (itself when it has none). */
export function simplifiedCode(c: number): number {
  if (c < 0x3400) return c;
  return (table ??= build())[c];
}
