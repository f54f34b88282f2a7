/**
 * Bytes of a report file → text. Offices save UTF-8 (with or without BOM), UTF-16 (Word's
 * "Unicode text") and GB18030/GBK (Windows editors in Chinese). The BOM decides when there is one;
 * otherwise UTF-8 if the bytes are valid UTF-8, else UTF-16 if every other byte is mostly zero,
 * else GB18030 (a superset of GBK).
 */
export interface Decoded { text: string; encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030'; binary: boolean }

function looksUtf16(b: Uint8Array, odd: boolean): boolean {
  const n = Math.min(b.length, 4000);
  if (n < 4) return false;
  let zeros = 0;
  for (let i = odd ? 1 : 0; i < n; i += 2) if (b[i] === 0) zeros++;
  return zeros > n / 2 * 0.3;
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

export function decodeBytes(b: Uint8Array, utf8?: Utf8Decoder): Decoded {
  let d: Omit<Decoded, 'binary'>;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) d = { text: decoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8-bom' };
  else if (b[0] === 0xff && b[1] === 0xfe) d = { text: decoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  else if (b[0] === 0xfe && b[1] === 0xff) d = { text: decoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' };
  else {
    const text = utf8Text(b, utf8);
    if (text !== null) d = { text, encoding: 'utf-8' };
    else if (looksUtf16(b, true)) d = { text: decoder('utf-16le').decode(b), encoding: 'utf-16le' };
    else if (looksUtf16(b, false)) d = { text: decoder('utf-16be').decode(b), encoding: 'utf-16be' };
    else d = { text: decoder('gb18030').decode(b), encoding: 'gb18030' };
  }
  return { ...d, binary: looksBinary(d.text) };
}
