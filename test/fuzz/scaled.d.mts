// Types of scaled.mjs, for the TypeScript tests.

export interface Shape { name: string; build(n: number): string; small: number; full: number }
export const SHAPES: Shape[];
export const TIME_RATIO: number, RSS_RATIO: number, RSS_PER_BYTE: number;
export function scaledTime(check: (text: string) => void, shape: Shape, n: number): { msN: number; ms4n: number; ratio: number; bad: boolean; mb4n: number };
export function rssOf(corePath: string, shape: Shape, n: number): number;
export function scaledRss(corePath: string, shape: Shape, n: number): { rssN: number; rss4n: number; ratio: number; perByte: number; bad: boolean };
