import Decimal from 'decimal.js';

/**
 * Exact arithmetic for cell values, never binary floating point. Whole numbers of up to 13 digits
 * (every count in a real report) are added as JavaScript integers — a sum of up to 900 of them stays
 * below 2^53, so exact; longer whole numbers as BigInt; anything with a fraction (money) through
 * decimal.js, with enough significant digits for every operand so nothing is rounded.
 */
const INT = /^-?\d+$/;
/**
 * A value (always canonical here: `-?digits(.digits)?`, as cells are read and sums are written) that
 * is a whole number below 10^13, without a regex: the check every sum starts with.
 */
export const isSmallInteger = (v: string): boolean => v.length <= 13 && v.indexOf('.') < 0;

/** decimal.js constructors by precision: cloning one is costly, and the few precisions used recur. */
const BY_PRECISION = new Map<number, typeof Decimal>();
function exact(values: readonly string[]): typeof Decimal {
  let digits = 20;
  for (const v of values) digits = Math.max(digits, v.length);
  const precision = digits * 2 + 10;
  let D = BY_PRECISION.get(precision);
  if (!D) { D = Decimal.clone({ precision }); if (BY_PRECISION.size < 64) BY_PRECISION.set(precision, D); }
  return D;
}

export function sum(values: readonly string[]): string {
  if (values.length > 900) return bigSum(values);
  let n = 0;
  for (const v of values) {
    if (!isSmallInteger(v)) return bigSum(values);
    n += Number(v);
  }
  return String(n);
}

function bigSum(values: readonly string[]): string {
  if (values.every(v => INT.test(v))) { let s = 0n; for (const v of values) s += BigInt(v); return s.toString(); }
  const D = exact(values);
  let s = new D(0);
  for (const v of values) s = s.plus(v);
  return s.toFixed();
}

export function minus(a: string, b: string): string {
  if (isSmallInteger(a) && isSmallInteger(b)) return String(Number(a) - Number(b));
  if (INT.test(a) && INT.test(b)) return (BigInt(a) - BigInt(b)).toString();
  const D = exact([a, b]);
  return new D(a).minus(b).toFixed();
}
export function equal(a: string, b: string): boolean {
  if (isSmallInteger(a) && isSmallInteger(b)) return Number(a) === Number(b);
  if (INT.test(a) && INT.test(b)) return BigInt(a) === BigInt(b);
  const D = exact([a, b]);
  return new D(a).equals(b);
}
export function isNegative(a: string): boolean { return isSmallInteger(a) ? Number(a) < 0 : INT.test(a) ? BigInt(a) < 0n : new (exact([a]))(a).isNegative() && !new (exact([a]))(a).isZero(); }
export function isInteger(a: string): boolean { return INT.test(a) || new (exact([a]))(a).isInteger(); }
