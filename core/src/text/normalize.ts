import { simplifiedCode } from './t2s';
import { upperBound } from '../search';

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
  /** The indices where `lineStart` is 1, ascending: the lines, for code that visits each. */
  lines: Int32Array;
}

/** The letters of a pinyin gloss: a–z and the vowels with tone marks (and ü, ń, ň, ǹ), by code below U+0200. */
const PINYIN_LETTER = (() => {
  const t = new Uint8Array(0x200);
  for (let c = 0x61; c <= 0x7a; c++) t[c] = 1;
  for (const ch of 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ') t[ch.charCodeAt(0)] = 1;
  return t;
})();
const isPinyinLetter = (c: number) => c < 0x200 && PINYIN_LETTER[c] === 1;

/**
 * Length of the pinyin gloss body starting at `i` — one to seven letters and `)` — within `src[i, to)`,
 * or 0 when there is none (what the pattern `^[a-zā…ǹ]{1,7}\)` matches, without a match object).
 */
function pinyinGlossLength(src: Uint16Array, i: number, to: number): number {
  let j = i;
  while (j < to && j - i < 7 && isPinyinLetter(src[j])) j++;
  return j > i && j < to && src[j] === 0x29 ? j - i + 1 : 0;
}

const DROP = 0, BREAK = 1;
/**
 * UTF-16 units → string in one native call, the same length (a lone surrogate stays as it is, or
 * becomes U+FFFD: either matches no label). On Node, a buffer's UTF-16 view is a plain copy — about
 * seven times faster than `TextDecoder`, which validates; elsewhere the decoder.
 */
const UTF16 = new TextDecoder('utf-16le');
interface NodeBufferInstance { buffer: ArrayBufferLike; byteOffset: number; write(s: string, offset: number, length: number, encoding: 'utf16le'): number }
type NodeBuffer = {
  from(b: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'utf16le'): string };
  allocUnsafe(n: number): NodeBufferInstance;
};
const NodeBuf = (globalThis as unknown as { Buffer?: NodeBuffer }).Buffer;
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const onNode = !!NodeBuf && typeof NodeBuf.from === 'function' && typeof NodeBuf.allocUnsafe === 'function' && littleEndian;
const unitsToString: (u: Uint16Array) => string = onNode
  ? u => NodeBuf!.from(u.buffer, u.byteOffset, u.byteLength).toString('utf16le')
  : u => UTF16.decode(u);

/** Work arrays (below) are kept from one report to the next up to this many units. */
const REUSE_LIMIT = 1 << 20;
/** The size of a reused array that must now hold `n` units, having held `had`: doubled at least, up to the limit (a longer text gets exactly its own). */
const reusedSize = (n: number, had: number) => (n > REUSE_LIMIT ? n : Math.min(REUSE_LIMIT, Math.max(n, had * 2, 4096)));

/**
 * The UTF-16 units of `src[from, to)` at [0, to - from) of a reused array, valid until the next call.
 * The normalising loop reads them there: a typed-array read per character instead of `charCodeAt`,
 * which on a report sliced from a compilation goes through the slice to its parent each time. On Node
 * one native copy (a buffer's `write`, which keeps lone surrogates as they are); elsewhere a loop.
 */
let unitBytes: NodeBufferInstance | null = null;
let units: Uint16Array = new Uint16Array(0);
function unitsOf(src: string, from: number, to: number): Uint16Array {
  const n = to - from;
  // Kept from one call to the next up to the work arrays' size (below); a longer text gets its own.
  let bytes = unitBytes, u = units;
  if (u.length < n) {
    const size = reusedSize(n, u.length);
    bytes = onNode ? NodeBuf!.allocUnsafe(size * 2) : null;
    u = bytes ? new Uint16Array(bytes.buffer, bytes.byteOffset, size) : new Uint16Array(size);
    if (n <= REUSE_LIMIT) { unitBytes = bytes; units = u; }
  }
  if (bytes) bytes.write(from === 0 && to === src.length ? src : src.slice(from, to), 0, n * 2, 'utf16le');
  else for (let i = 0; i < n; i++) u[i] = src.charCodeAt(from + i);
  return u;
}
/**
 * One table for every UTF-16 unit: 0 = dropped (white space, `|`, quotes), 1 = line break,
 * otherwise the folded unit (full-width → half-width, traditional → simplified).
 */
let FOLD: Uint16Array | null = null;
function foldTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  for (const c of [0x20, 0x09, 0x0b, 0x0c, 0xa0, 0x3000, 0xfeff, 0x7c, 0x22, 0x27, 0x201c, 0x201d, 0x2018, 0x2019,
    0x300c, 0x300d, 0x300e, 0x300f, 0xff02, 0xff07, 0xff5c]) t[c] = DROP;
  for (let c = 0x2000; c <= 0x200b; c++) t[c] = DROP;
  t[0x0a] = BREAK; t[0x0d] = BREAK; t[0] = DROP; t[1] = DROP;
  for (let c = 0xff01; c <= 0xff5e; c++) if (t[c] === c) t[c] = c - 0xfee0;
  for (let c = 0x3400; c < 0xd800; c++) t[c] = simplifiedCode(c);
  return t;
}

/**
 * Work arrays reused from one report to the next (a report's normalised text is only used while that
 * report is parsed): no fresh typed arrays per report. Documents past `REUSE_LIMIT` units get their own.
 */
const workOf = (n: number) => ({ codes: new Uint16Array(n), map: new Int32Array(n), lineStart: new Uint8Array(n), lines: new Int32Array(n) });
type Work = ReturnType<typeof workOf>;
/** `normalize`'s arrays, and `normalizeText`'s own (it runs while a report's normalised text is still read). */
let work = workOf(0), textWork = workOf(0);
/** `w`, or arrays to replace it that hold `n` units. */
const grown = (w: Work, n: number): Work => (w.codes.length < n ? workOf(reusedSize(n, w.codes.length)) : w);
function workArrays(n: number) {
  if (n > REUSE_LIMIT) return workOf(n);
  return (work = grown(work, n));
}

/** The number of line starts `foldInto` wrote last. */
let lineCount = 0;

/**
 * The one normalising loop: folds `src[from, to)` into `w.codes`, the source offset of each unit
 * into `w.map`, a 1 in `w.lineStart` for the first unit of each source line, and that unit's index
 * into `w.lines` (their number in `lineCount`). Returns the number of units.
 */
function foldInto(text: string, from: number, to: number, w: Work): number {
  const fold = (FOLD ??= foldTable());
  const src = unitsOf(text, from, to), end = to - from;
  const { codes, map, lineStart, lines } = w;
  // Hot loop: every array written unconditionally but the line starts, cleared in one native call.
  lineStart.fill(0, 0, end);
  let k = 0, n = 0;
  let atLine = 1;
  for (let i = 0; i < end; i++) {
    const c = fold[src[i]];
    if (c <= BREAK) { if (c === BREAK) atLine = 1; continue; }
    if (c === 0x28 /* ( */) {
      const g = pinyinGlossLength(src, i + 1, Math.min(end, i + 10));
      if (g) { i += g; continue; }
    }
    codes[k] = c;
    map[k] = from + i;
    if (atLine) { lineStart[k] = 1; lines[n++] = k; atLine = 0; }
    k++;
  }
  lineCount = n;
  return k;
}

/**
 * Normalises `src[from, to)`. The result's `map` and `lineStart` are views of work arrays that the
 * next call reuses: read them before normalising another text.
 */
export function normalize(src: string, from = 0, to = src.length): NormText {
  const w = workArrays(to - from);
  const k = foldInto(src, from, to, w);
  return { text: unitsToString(w.codes.subarray(0, k)), map: w.map.subarray(0, k), lineStart: w.lineStart.subarray(0, k), lines: w.lines.subarray(0, lineCount) };
}

/**
 * Only the normalised text of `src[from, to)` (= `normalize(src, from, to).text`), in arrays of its
 * own: for the many short lines the report splitter classifies, and words read while a report's
 * normalised text is in use.
 */
export function normalizeText(src: string, from = 0, to = src.length): string {
  const n = to - from;
  const w = n > REUSE_LIMIT ? workOf(n) : (textWork = grown(textWork, n));
  const k = foldInto(src, from, to, w);
  if (k <= 128) return String.fromCharCode.apply(null, w.codes.subarray(0, k) as unknown as number[]);
  return unitsToString(w.codes.subarray(0, k));
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

/** A window of a normalised text: its characters and, for each, its source offset. */
export interface NormWindow { text: string; map: Int32Array }

/**
 * The normalisation of `src[from, to)` cut from `nt`, the normalisation of the whole of `src`:
 * the characters whose source offsets lie in the window. The same as normalising the window
 * itself, except that a pinyin gloss the window cuts is dropped whole, as in the whole text.
 */
export function windowOf(nt: NormText, from: number, to: number): NormWindow {
  const a = upperBound(nt.map, from - 1), b = upperBound(nt.map, to - 1);
  return { text: nt.text.slice(a, b), map: nt.map.subarray(a, b) };
}
