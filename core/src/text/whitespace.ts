/**
 * What `String.prototype.trim` removes and the pattern `\s` matches: white space (the Zs category,
 * tab, VT, FF, BOM) and line terminators — by code, so a caller needs no one-character string.
 */
export function isJsWhiteSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
