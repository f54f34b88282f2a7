/**
 * Bytes of a report file → text. Offices save UTF-8 (with or without BOM), UTF-16 (Word's
 * "Unicode text", with or without BOM) and GB18030/GBK (Windows editors in Chinese). The BOM decides
 * when there is one. Otherwise:
 * - zero bytes that sit mostly on one parity: UTF-16 of that byte order (text with ASCII in it);
 * - valid UTF-8: UTF-8 — unless the text is also valid GBK and reads as common Chinese in GBK but as
 *   a mix of unrelated alphabets in UTF-8 (`一业要学` saved as GBK is valid UTF-8: `һҵҪѧ`);
 * - else the reading, of UTF-16LE, UTF-16BE and GB18030, whose characters are most plausibly a
 *   Chinese report's (ASCII, CJK ideographs and punctuation, full-width forms): dense Chinese in
 *   UTF-16 has no zero bytes at all.
 * `guessed` says the encoding was inferred (no BOM), so a front end can say which one it assumed.
 */
export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
  binary: boolean;
  /** No byte-order mark said so: the encoding was inferred from the bytes (always false for UTF-8 without a BOM). */
  guessed: boolean;
}

/** Bytes looked at to infer an encoding. */
const SAMPLE = 8000;

/** A zero byte among the first 4,000 (one native scan; most files have none). */
const hasZero = (b: Uint8Array) => b.subarray(0, 4000).indexOf(0) >= 0;

/** Whether the zero bytes of the first bytes sit on the odd (UTF-16LE) or even (UTF-16BE) places: ASCII in UTF-16. */
function zerosOnParity(b: Uint8Array, odd: boolean): boolean {
  const n = Math.min(b.length, 4000);
  if (n < 4) return false;
  let zeros = 0;
  for (let i = odd ? 1 : 0; i < n; i += 2) if (b[i] === 0) zeros++;
  return zeros > n / 2 * 0.3;
}

/**
 * A character a Chinese report is made of: printable ASCII and line breaks, Latin letters (the pinyin
 * of web junk, `總計(jì)`), CJK ideographs, CJK and general punctuation, full-width forms.
 */
function plausible(c: number): boolean {
  return (c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13
    || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3000 && c <= 0x303f)
    || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f) || (c >= 0xa0 && c <= 0x24f);
}

/** The share of a text's first characters that are plausible. */
function plausibleShare(text: string): number {
  const n = Math.min(text.length, SAMPLE);
  if (n === 0) return 0;
  let good = 0;
  for (let i = 0; i < n; i++) if (plausible(text.charCodeAt(i))) good++;
  return good / n;
}

/** A CJK character: ideographs, CJK punctuation, kana, full-width forms. */
const CJK = /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The alphabets (by Unicode block) of a text's letters below U+0800 — what GBK bytes read as UTF-8
 * turn into. Latin-1 letters, Latin Extended, IPA and the modifier letters count as one: real text
 * mixes those; Greek, Cyrillic, Armenian, Hebrew, Arabic and the rest each count apart.
 */
function alphabets(text: string): number {
  const seen = new Set<number>();
  const n = Math.min(text.length, SAMPLE);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xc0 || c === 0xd7 || c === 0xf7) continue;
    seen.add(c < 0x370 ? 0 : c < 0x400 ? 1 : c < 0x530 ? 2 : c < 0x590 ? 3 : c < 0x600 ? 4 : c < 0x700 ? 5 : c < 0x800 ? 6 : 7);
  }
  return seen.size;
}

/**
 * The share of the two-byte GBK pairs of the first bytes that fall in GB2312 — its symbols (A1–A9)
 * and its 6,763 common ideographs (B0–F7), each with a trail byte A1–FE — and how many pairs there are.
 */
function gb2312Pairs(b: Uint8Array): { pairs: number; share: number } {
  const n = Math.min(b.length, SAMPLE);
  let pairs = 0, common = 0;
  for (let i = 0; i < n; i++) {
    const lead = b[i];
    if (lead < 0x80) continue;
    const trail = i + 1 < n ? b[i + 1] : 0;
    pairs++;
    if (((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7)) && trail >= 0xa1 && trail <= 0xfe) common++;
    i += trail >= 0x30 && trail <= 0x39 ? 3 : 1;
  }
  return { pairs, share: pairs ? common / pairs : 0 };
}

/** Valid UTF-8 that is really GBK: no CJK in its UTF-8 reading, two alphabets or more there, and common GB2312 Chinese in its GBK reading. */
function utf8IsReallyGbk(b: Uint8Array, utf8: string): boolean {
  if (!NON_ASCII.test(utf8) || CJK.test(utf8)) return false;
  if (alphabets(utf8) < 2) return false;
  const { pairs, share } = gb2312Pairs(b);
  return pairs >= 2 && share >= 0.95 && !decoder('gb18030').decode(b.subarray(0, Math.min(b.length, SAMPLE))).includes('\ufffd');
}

/** A character that counts against a text: NUL and the other C0 controls but tab, line feed, form feed and carriage return; U+FFFD. */
const SUSPECT = /[\x00-\x08\x0b\x0e-\x1f\ufffd]/;

/** NUL bytes or many control characters in the first 8 KB: not a text file. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  const head = n < text.length ? text.slice(0, n) : text;
  // Most files have none at all: one native scan says so.
  if (!SUSPECT.test(head)) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad / n > 0.1;
}

/** Decoders made once (making one is far dearer than a report's decoding); `decode` without `stream` leaves none in a state. */
const decoders = new Map<string, InstanceType<typeof TextDecoder>>();
const decoder = (label: string, fatal = false) => {
  const k = `${label}/${fatal}`;
  let d = decoders.get(k);
  if (!d) decoders.set(k, (d = new TextDecoder(label, { fatal })));
  return d;
};

/**
 * A faster way the platform may have to decode UTF-8: the text of `b`, or null when `b` is not
 * valid UTF-8. It must give what a fatal `TextDecoder('utf-8')` gives for bytes without a BOM.
 * (On Node 20 the CLI passes one: `TextDecoder` there is several times slower than validating the
 * bytes natively and converting them with the platform's converter.)
 */
export type Utf8Decoder = (b: Uint8Array) => string | null;

/** Valid UTF-8 without a BOM → its text, else null: the platform's decoder when given, else a fatal `TextDecoder`. */
function utf8Text(b: Uint8Array, utf8?: Utf8Decoder): string | null {
  if (utf8) return utf8(b);
  try { return decoder('utf-8', true).decode(b); } catch { return null; }
}

type Encoding = Decoded['encoding'];
type Guessable = Exclude<Encoding, 'utf-8' | 'utf-8-bom'>;

/** Of UTF-16LE, UTF-16BE and GB18030, the reading of bytes without a BOM whose first characters are the most plausible (GB18030 on a tie). */
function likeliest(b: Uint8Array): Guessable {
  const head = b.subarray(0, Math.min(b.length, 2 * SAMPLE) & ~1);
  const gb = plausibleShare(decoder('gb18030').decode(head));
  let best: Guessable = 'gb18030', score = gb;
  for (const e of ['utf-16le', 'utf-16be'] as const) {
    const s = plausibleShare(decoder(e).decode(head));
    if (s >= 0.9 && s > score) { best = e; score = s; }
  }
  return best;
}

export function decodeBytes(b: Uint8Array, utf8?: Utf8Decoder): Decoded {
  let d: Omit<Decoded, 'binary'>;
  const whole = (encoding: Guessable) => ({ text: decoder(encoding).decode(b), encoding, guessed: true });
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) d = { text: decoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8-bom', guessed: false };
  else if (b[0] === 0xff && b[1] === 0xfe) d = { text: decoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le', guessed: false };
  else if (b[0] === 0xfe && b[1] === 0xff) d = { text: decoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be', guessed: false };
  else if (hasZero(b) && zerosOnParity(b, true)) d = whole('utf-16le');
  else if (hasZero(b) && zerosOnParity(b, false)) d = whole('utf-16be');
  else {
    const text = utf8Text(b, utf8);
    if (text !== null && !utf8IsReallyGbk(b, text)) d = { text, encoding: 'utf-8', guessed: false };
    else d = whole(text !== null ? 'gb18030' : likeliest(b));
  }
  return { ...d, binary: looksBinary(d.text) };
}
