import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { documentJson, type ReportDocument } from '../../core/src';

/** The real reports copied from the shared corpus, byte for byte (see test/fixtures/README.md). */
export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const SEEDS = readdirSync(path.join(FIXTURES, 'seeds')).filter(f => f.endsWith('.txt')).sort();
export const REAL = readdirSync(path.join(FIXTURES, 'real')).filter(f => f.endsWith('.txt')).sort();
export const seed = (prefix: string): string => readFileSync(path.join(FIXTURES, 'seeds', SEEDS.find(f => f.startsWith(prefix))!), 'utf8');
export const real = (name: string): string => readFileSync(path.join(FIXTURES, 'real', name), 'utf8');
export const fixturePath = (...p: string[]): string => path.join(FIXTURES, ...p);

/** Everything the CLI's JSON says of a parsed document: two documents are the same model when these are equal. */
export const snapshot = (d: ReportDocument): string => JSON.stringify(documentJson(d, 'zh-CN'));
