/**
 * Writing a new value the way the figure it replaces was written, so a fix changes the number and
 * nothing else about the cell: full-width digits stay full-width (`１３` → `１１`), thousands
 * separators stay (`1,000` → `1,200`, `1，000` → `1，200`), a leading `+` stays (`+19` → `+20`),
 * and a figure written as HTML character references stays references (`&#49;&#51;` → `&#49;&#49;`,
 * decimal or hexadecimal as written).
 */

const FULL_WIDTH_DIGIT = /[０-９]/;
const SEPARATED = /\d[,，]\d{3}(?!\d)|[０-９][,，][０-９]{3}(?![０-９])/;
const REFERENCES = /^(?:&#(?:[xX][0-9a-fA-F]+|\d+);)+$/;
const HEX_REFERENCE = /^&#[xX]/;

/** The characters `&#…;` stands for (a figure written as references), else the text itself. */
function dereferenced(written: string): string {
  if (!REFERENCES.test(written)) return written;
  return written.replace(/&#([xX]?)([0-9a-fA-F]+);/g, (_, x: string, n: string) => String.fromCodePoint(parseInt(n, x ? 16 : 10)));
}

/** `value` (ASCII: `7`, `1200`, `12.5`) written in the style of `written`, the figure it replaces. */
export function writtenLike(written: string, value: string): string {
  const figure = dereferenced(written.trim());
  let out = value;
  const separator = SEPARATED.exec(figure)?.[0].match(/[,，]/)?.[0];
  if (separator) {
    const [whole, fraction] = out.split('.');
    out = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator) + (fraction !== undefined ? `.${fraction}` : '');
  }
  if (/^[+＋]/.test(figure) && /^\d/.test(out)) out = figure[0] + out;
  if (FULL_WIDTH_DIGIT.test(figure)) out = out.replace(/[0-9]/g, d => String.fromCharCode(0xff10 + d.charCodeAt(0) - 48)).replace('.', figure.includes('．') ? '．' : '.');
  if (figure !== written.trim()) {
    const hex = HEX_REFERENCE.test(written.trim());
    out = [...out].map(ch => hex ? `&#x${ch.codePointAt(0)!.toString(16)};` : `&#${ch.codePointAt(0)};`).join('');
  }
  return out;
}
