#!/usr/bin/env node
// Each check of checks/index.ts timed alone, warm, over the reports of the 200-report compilation.
//
//   node bench/checks.mjs [--reports 200] [--bytes 2000000] [--runs 100] [--root DIR]
//
// Builds the checks from core/src into bench/.data/checks/checks.js (development build), parses the
// compilation once, then runs each check over every report `runs` times after a warm-up and prints
// the median of five such rounds in ms per pass over the compilation (what one full check spends in
// it), with parseReport and checkReport for scale. A profile (bench/profile.mjs) says which
// functions are hot; this says what a check costs without the profiler's overhead.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import { DATA, compilation } from './generate.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const SRC_ROOT = argv.includes('--root') ? path.resolve(argv[argv.indexOf('--root') + 1]) : ROOT;
const opt = (name, d) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? Number(argv[i + 1]) : d; };
const reports = opt('reports', 200), bytes = opt('bytes', 2_000_000), runs = opt('runs', 100);

const CHECKS = {
  structure: ['sectionFindings', 'tableFindings', 'rowFindings'],
  arithmetic: ['arithmeticFindings'],
  values: ['invalidNumberFindings', 'blankCellFindings', 'templateFindings', 'townshipRulesFindings'],
  narrative: ['narrativeFindings'],
  dates: ['dateFindings'],
  fees: ['processingFeeFindings'],
};

const OUT = path.join(DATA, 'checks', 'checks.js');
/** Whether checks/FILE.ts of the measured tree exports NAME (an older checkout has fewer checks). */
function has(file, name) {
  const f = path.join(SRC_ROOT, 'core', 'src', 'checks', `${file}.ts`);
  return fs.existsSync(f) && fs.readFileSync(f, 'utf8').includes(`export function ${name}(`);
}
async function build() {
  const src = p => JSON.stringify(path.join(SRC_ROOT, 'core', 'src', p));
  const entry = [
    `export { ReportDocument } from ${src('parse/document')};`,
    `export { parseReport } from ${src('parse/report')};`,
    `export { checkReport } from ${src('checks/index')};`,
    ...Object.entries(CHECKS).map(([file, names]) => [file, names.filter(n => has(file, n))]).filter(([, names]) => names.length)
      .map(([file, names]) => `export { ${names.join(', ')} } from ${src(`checks/${file}`)};`),
  ].join('\n');
  const esbuild = await import('esbuild');
  await esbuild.build({ stdin: { contents: entry, resolveDir: SRC_ROOT, loader: 'ts' }, outfile: OUT, nodePaths: [path.join(ROOT, 'node_modules')],
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
}

await build();
const m = require(OUT);
const text = compilation({ reports, bytes, seed: 1 }).text;
// Each report as analyseChunk checks it (no inline directives in the compilation: the text is the masked text).
const items = m.ReportDocument.parse(text).chunks.map(c => ({ report: c.report, text: c.text }));
const fns = { parseReport: it => m.parseReport(it.text), checkReport: it => m.checkReport(it.report, it.text) };
for (const names of Object.values(CHECKS)) for (const n of names) if (m[n]) fns[n] = it => m[n](it.report, it.text);

const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
process.stdout.write(`${items.length} reports, ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB; ms per pass over the compilation (median of 5 rounds of ${runs})\n`);
for (const [name, f] of Object.entries(fns)) {
  for (let i = 0; i < 10; i++) for (const it of items) f(it);
  const rounds = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) for (const it of items) f(it);
    rounds.push((performance.now() - t0) / runs);
  }
  process.stdout.write(`${median(rounds).toFixed(3).padStart(8)}  ${name}\n`);
}
