import { simplifiedCode } from './t2s';

/**
 * Text normalised for label matching, with a map back to the source.
 * Dropped: all white space, `|`, quotes, pinyin glosses like `(jì)` that web mirrors insert.
 * Folded: full-width ASCII to half-width, traditional to simplified characters.
 * So `總 計(jì)`, `总计` and `总 计` all read `总计`.
 */
export interface NormText {
  text: string;
  /** Source offset of each normalised character. */
  map: Int32Array;
  /** 1 where the character is the first visible one of its source line. */
  lineStart: Uint8Array;
}

const PINYIN = /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}\)/;

function isSkipped(c: number): boolean {
  switch (c) {
    case 0x20: case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0xa0: case 0x3000: case 0xfeff:
    case 0x7c: // |
    case 0x22: case 0x27: case 0x201c: case 0x201d: case 0x2018: case 0x2019: // quotes
    case 0x300c: case 0x300d: case 0x300e: case 0x300f: case 0xff02: case 0xff07: case 0xff5c:
      return true;
  }
  return c >= 0x2000 && c <= 0x200b;
}

/** Normalises `src[from, to)`. */
export function normalize(src: string, from = 0, to = src.length): NormText {
  const n = to - from;
  const codes = new Uint16Array(n);
  const map = new Int32Array(n);
  const lineStart = new Uint8Array(n);
  let k = 0;
  let atLine = 1;
  for (let i = from; i < to; i++) {
    let c = src.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) { atLine = 1; continue; }
    if (isSkipped(c)) continue;
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c >= 0x3400) c = simplifiedCode(c);
    if (c === 0x28 /* ( */) {
      const m = PINYIN.exec(src.slice(i + 1, Math.min(to, i + 10)));
      if (m) { i += m[0].length; continue; }
    }
    codes[k] = c; map[k] = i; lineStart[k] = atLine; atLine = 0; k++;
  }
  let text = '';
  for (let p = 0; p < k; p += 8192) text += String.fromCharCode.apply(null, codes.subarray(p, Math.min(k, p + 8192)) as unknown as number[]);
  return { text, map: map.subarray(0, k), lineStart: lineStart.subarray(0, k) };
}

/** Source offset just past normalised index `ni - 1` (the end of a match ending at `ni`). */
export function sourceEnd(nt: NormText, ni: number, fallback: number): number {
  if (ni <= 0) return fallback;
  return nt.map[ni - 1] + 1;
}

/** Source offset of normalised index `ni` (or `fallback` past the end). */
export function sourceStart(nt: NormText, ni: number, fallback: number): number {
  return ni < nt.map.length ? nt.map[ni] : fallback;
}
