import type { CellKind } from '../model';

/** What one cell's text means (REPORT-FORMAT §6). */
export interface CellValue {
  kind: CellKind;
  /** Exact decimal, ASCII digits, sign kept (`-417`), no thousands separators. */
  value: string | null;
  unit?: string;
  /** Offsets, relative to the cell text, of the figure itself (sign and digits), for edits. */
  numStart: number;
  numEnd: number;
}

const NUMBER = /^([+\-－]?)([0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?)[\s\u00a0\u2002\u3000]*(万元|元|件|个|条|项|次|人|宗|份|家|批|篇)?$/;
const NOT_APPLICABLE = /^(?:[/／\\＼]|[—–―-]+|－+|无|不适用|空)$/;

function asciiDigits(s: string): string {
  let o = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) o += String.fromCharCode(c - 0xfee0);
    else if (c === 0xff0e) o += '.';
    else if (c === 0x2c || c === 0xff0c) continue;
    else o += s[i];
  }
  return o;
}

/** Reads a trimmed cell text. */
export function readValue(text: string): CellValue {
  if (text === '') return { kind: 'blank', value: null, unit: undefined, numStart: 0, numEnd: 0 };
  const m = NUMBER.exec(text);
  if (m) {
    const sign = m[1] === '－' || m[1] === '-' ? '-' : '';
    let digits = asciiDigits(m[2]);
    // Strip leading zeros of the integer part for a canonical value ("007" → "7"), keep "0".
    digits = digits.replace(/^0+(?=\d)/, '');
    const value = sign && /^0(\.0+)?$/.test(digits) ? digits : sign + digits;
    return { kind: 'number', value, unit: m[3], numStart: 0, numEnd: m[1].length + m[2].length };
  }
  if (NOT_APPLICABLE.test(text)) return { kind: 'not-applicable', value: null, unit: undefined, numStart: 0, numEnd: 0 };
  return { kind: 'invalid', value: null, unit: undefined, numStart: 0, numEnd: 0 };
}

/** Characters of written Chinese (CJK ideographs): text of a label or header, not of a cell. */
export function hasCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) return true;
  }
  return false;
}

/** Whether `text[a, b)` is one or more ASCII digits and nothing else (`/^\d+$/` without the regex). */
export function isAsciiDigits(text: string, a = 0, b = text.length): boolean {
  if (b <= a) return false;
  for (let i = a; i < b; i++) { const c = text.charCodeAt(i); if (c < 0x30 || c > 0x39) return false; }
  return true;
}
