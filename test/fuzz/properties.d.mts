// Types of properties.mjs, for the TypeScript tests.

export interface Violation { property: string; kind: string; sig: string; message: string }
export interface ConcreteCase {
  text: string;
  edits?: { start: number; oldEnd: number; text: string }[];
  merged?: boolean;
  widen?: [number, number];
  expectFindings?: boolean;
  expectNoArithmetic?: boolean;
  expectFix?: { key: string; newText: string };
}
/** Every property on one concrete case; never throws. */
export function checkCase(core: unknown, c: ConcreteCase, options?: { timing?: boolean; budget?: { base: number; perKB: number } }): { violations: Violation[]; ms: number; kb: number };
export function applyOffsetEdits(text: string, edits: { start: number; end: number; newText: string }[]): string;
export const ARITHMETIC: Set<string>;
