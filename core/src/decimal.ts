import Decimal from 'decimal.js';

/**
 * Exact decimal arithmetic for cell values, never binary floating point on fractions. Whole
 * numbers of up to 15 digits (every count in a real report) are added as JavaScript integers,
 * which is exact below 2^53; anything else (money with decimals, 30-digit junk) goes through decimal.js.
 */
const SMALL_INT = /^-?\d{1,15}$/;
const small = (v: string) => SMALL_INT.test(v);

export function sum(values: readonly string[]): string {
  let n = 0;
  for (const v of values) {
    if (!small(v)) {
      let s = new Decimal(0);
      for (const w of values) s = s.plus(w);
      return s.toFixed();
    }
    n += Number(v);
  }
  return String(n);
}
export function minus(a: string, b: string): string { return small(a) && small(b) ? String(Number(a) - Number(b)) : new Decimal(a).minus(b).toFixed(); }
export function plus(a: string, b: string): string { return small(a) && small(b) ? String(Number(a) + Number(b)) : new Decimal(a).plus(b).toFixed(); }
export function equal(a: string, b: string): boolean { return small(a) && small(b) ? Number(a) === Number(b) : new Decimal(a).equals(b); }
export function isNegative(a: string): boolean { return small(a) ? Number(a) < 0 : new Decimal(a).isNegative() && !new Decimal(a).isZero(); }
export function isInteger(a: string): boolean { return small(a) || new Decimal(a).isInteger(); }
export function isZero(a: string): boolean { return small(a) ? Number(a) === 0 : new Decimal(a).isZero(); }
