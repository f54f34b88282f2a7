#!/usr/bin/env node
// The inference stage's worst table: the slowest single call of inferTable (a table's readings and
// its solve) over every fixture report (seeds, real, real2; text and HTML), whole and in windows of
// 3,000 characters every 700, warm.
//
//   node bench/solver.mjs [--root DIR]
//
// Builds the core (from DIR, default this checkout) into bench/.data/solver/core.js with the call
// timed where tables.ts makes it. Prints the worst over three passes (a garbage collection falling
// inside a table counts there) and, per input, the least of five runs' worst (what the table itself
// costs): the figure the fuzzer's "solver's worst table under 5 ms" means.
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { DATA } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const SRC_ROOT = argv.includes('--root') ? path.resolve(argv[argv.indexOf('--root') + 1]) : ROOT;
const CORE = path.join(DATA, 'solver', 'core.js');
/** placeRows' call of the inference stage (its argument was `read.map(r => r.tokens)` before the rows became RowTokens themselves). */
const CALL = /inferTable\(ctx\.text, (?:read\.map\(r => r\.tokens\)|read), relations\)/;

const esbuild = await import('esbuild');
await esbuild.build({
  entryPoints: [path.join(SRC_ROOT, 'core', 'src', 'index.ts')], outfile: CORE, nodePaths: [path.join(ROOT, 'node_modules')],
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning',
  plugins: [{ name: 'time-inferTable', setup(b) {
    b.onLoad({ filter: /parse[\\/]tables\.ts$/ }, a => {
      const src = fs.readFileSync(a.path, 'utf8');
      const call = CALL.exec(src)?.[0];
      if (!call) throw new Error(`bench/solver.mjs: ${CALL} not found in ${a.path}`);
      const timed = `((t0, x) => (x = ${call}, globalThis.__worstTable = Math.max(globalThis.__worstTable, performance.now() - t0), x))(performance.now())`;
      return { contents: src.replace(call, timed), loader: 'ts' };
    });
  } }],
});
const core = createRequire(import.meta.url)(CORE);

const files = [];
for (const dir of ['seeds', 'real', 'real2']) {
  const d = path.join(ROOT, 'test', 'fixtures', dir);
  for (const f of fs.readdirSync(d).sort()) if (/\.(txt|html?)$/.test(f)) files.push(path.join(d, f));
}
const texts = files.map(f => core.decodeBytes(fs.readFileSync(f)).text);
const inputs = [];
for (const [i, t] of texts.entries()) {
  inputs.push({ file: i, text: t });
  for (let a = 0; a + 3000 <= t.length; a += 700) inputs.push({ file: i, text: t.slice(a, a + 3000) });
}
const worstOf = text => { globalThis.__worstTable = 0; core.allFindings(core.ReportDocument.parse(text)); return globalThis.__worstTable; };
for (let r = 0; r < 3; r++) for (const x of inputs) worstOf(x.text); // warm
let worst = 0;
for (let r = 0; r < 3; r++) for (const x of inputs) worst = Math.max(worst, worstOf(x.text));
const least = inputs.map(x => Math.min(...Array.from({ length: 5 }, () => worstOf(x.text))));
const at = least.indexOf(Math.max(...least));
console.log(`${inputs.length} inputs (${files.length} files, whole and in 3,000-character windows)`);
console.log(`worst table, any run: ${worst.toFixed(2)} ms`);
console.log(`worst table, least of 5 runs per input: ${least[at].toFixed(2)} ms (${path.relative(ROOT, files[inputs[at].file])})`);
