import Decimal from 'decimal.js';

/** Exact decimal arithmetic for cell values (never binary floating point). */
export function sum(values: readonly string[]): string {
  let s = new Decimal(0);
  for (const v of values) s = s.plus(v);
  return s.toFixed();
}
export function minus(a: string, b: string): string { return new Decimal(a).minus(b).toFixed(); }
export function plus(a: string, b: string): string { return new Decimal(a).plus(b).toFixed(); }
export function equal(a: string, b: string): boolean { return new Decimal(a).equals(b); }
export function isNegative(a: string): boolean { return new Decimal(a).isNegative() && !new Decimal(a).isZero(); }
export function isInteger(a: string): boolean { return new Decimal(a).isInteger(); }
export function isZero(a: string): boolean { return new Decimal(a).isZero(); }
