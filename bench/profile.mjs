#!/usr/bin/env node
// CPU profile of a full check (ReportDocument.parse + allFindings) of the 200-report compilation.
//
//   node bench/profile.mjs [--reports 200] [--bytes 2000000] [--runs 5] [--top 15] [--json] [--root DIR]
//
// Builds its own unminified core with a source map (bench/.data/profile/core.js), so that the profile
// names functions whatever state dist/ is in. Runs one warm-up check and then N checks in a child
// `node --cpu-prof`, writes bench/.data/check-<reports>.cpuprofile (open it in Chrome DevTools or
// VS Code) and prints, mapped back to core/src through the source map:
//   - the functions with the most self time (the garbage collector included),
//   - the core functions with the most inclusive time (self + callees: where the phases go),
//   - the hot source lines (V8's positionTicks).
// Shares of samples do not depend on the machine's load, wall-clock times do.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import { DATA, compilation } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
// --root DIR: profile the core of another checkout (a scratch copy with a candidate fix) on the same input.
const SRC_ROOT = argv.includes('--root') ? path.resolve(argv[argv.indexOf('--root') + 1]) : ROOT;
const opt = (name, d) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? Number(argv[i + 1]) : d; };
const reports = opt('reports', 200), bytes = opt('bytes', 2_000_000), runs = opt('runs', 5), top = opt('top', 15);
const json = argv.includes('--json');

const CORE = path.join(DATA, 'profile', 'core.js');
/** The core as `node esbuild.mjs` builds dist/core.js (development: not minified, with a source map), into bench/.data/profile. */
async function buildCore() {
  const esbuild = await import('esbuild');
  await esbuild.build({ entryPoints: [path.join(SRC_ROOT, 'core', 'src', 'index.ts')], outfile: CORE, nodePaths: [path.join(ROOT, 'node_modules')], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    sourcemap: true, minify: false, logLevel: 'warning', legalComments: 'none' });
}

export async function profile({ reports = 200, bytes = 2_000_000, runs = 5, top = 15 } = {}) {
  fs.mkdirSync(DATA, { recursive: true });
  const input = path.join(DATA, `compilation-${reports}.txt`);
  const c = compilation({ reports, bytes, seed: 1 });
  fs.writeFileSync(input, c.text);
  const name = `check-${reports}.cpuprofile`;
  await buildCore();
  const script = `
    const core = require(${JSON.stringify(CORE)});
    const text = require('fs').readFileSync(${JSON.stringify(input)}, 'utf8');
    const check = () => core.allFindings(core.ReportDocument.parse(text)).length;
    check(); // warm-up, outside the measured loop (still in the profile, but once among ${runs + 1})
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < ${runs}; i++) check();
    console.log(JSON.stringify({ msPerCheck: Number(process.hrtime.bigint() - t0) / 1e6 / ${runs} }));`;
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', DATA, '--cpu-prof-name', name, '-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`profiled run failed: ${r.stderr}`);
  const { msPerCheck } = JSON.parse(r.stdout.trim().split('\n').pop());
  const file = path.join(DATA, name);
  const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { file, msPerCheck, bytes: c.bytes, reports, top: topSelf(prof, top), inclusive: topInclusive(prof, top), lines: topLines(prof, top) };
}

/** Self samples per source line of the core (V8's positionTicks), mapped to core/src: the hot lines. */
export function topLines(prof, n) {
  const map = sourceMap();
  const agg = new Map();
  let ticks = 0;
  for (const x of prof.nodes) {
    for (const pt of x.positionTicks ?? []) {
      ticks += pt.ticks;
      const cf = x.callFrame;
      if (cf.url.replace(/^file:\/\//, '') !== CORE) continue;
      const where = locate(map, { ...cf, lineNumber: pt.line - 1, columnNumber: Infinity });
      const key = `${cf.functionName || '(anonymous)'}\t${where}`;
      agg.set(key, (agg.get(key) ?? 0) + pt.ticks);
    }
  }
  return [...agg].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, hits]) => {
    const [fn, where] = k.split('\t');
    return { function: fn, where, percent: +(100 * hits / ticks).toFixed(1), source: sourceLine(where) };
  });
}
function sourceLine(where) {
  const m = /^(.*):(\d+)$/.exec(where);
  try { return fs.readFileSync(path.join(SRC_ROOT, m[1]), 'utf8').split('\n')[Number(m[2]) - 1].trim().slice(0, 90); } catch { return ''; }
}

/** A profile's nodes by id, the time sampled in each node (µs) and the total. */
function sampled(prof) {
  const byId = new Map(prof.nodes.map(x => [x.id, x]));
  const dt = new Map();
  for (let i = 0; i < prof.samples.length; i++) dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
  const total = [...dt.values()].reduce((a, b) => a + b, 0);
  return { byId, dt, total };
}

/** Inclusive (self + callees) time of the core's functions: where the phases of a check go. */
export function topInclusive(prof, n) {
  const { byId, dt, total } = sampled(prof);
  const parent = new Map();
  for (const x of prof.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const map = sourceMap();
  const agg = new Map();
  for (const [id, us] of dt) {
    const seen = new Set();
    for (let k = id; k !== undefined; k = parent.get(k)) {
      const cf = byId.get(k).callFrame;
      if (cf.url.replace(/^file:\/\//, '') !== CORE || !cf.functionName) continue;
      const key = `${cf.functionName}\t${locate(map, cf)}`;
      if (seen.has(key)) continue; // recursion counts once
      seen.add(key);
      agg.set(key, (agg.get(key) ?? 0) + us);
    }
  }
  return [...agg].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => {
    const [fn, where] = k.split('\t');
    return { function: fn, where, totalMs: +(us / 1000).toFixed(1), percent: +(100 * us / total).toFixed(1) };
  });
}

/** Self time per function (summed over its nodes), from a .cpuprofile's samples. */
export function topSelf(prof, n) {
  const { byId, dt, total } = sampled(prof);
  const map = sourceMap();
  const agg = new Map();
  for (const [id, us] of dt) {
    const cf = byId.get(id).callFrame;
    const where = cf.url ? locate(map, cf) : '';
    const key = `${cf.functionName || '(anonymous)'}\t${where || cf.url || ''}`;
    agg.set(key, (agg.get(key) ?? 0) + us);
  }
  return [...agg].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => {
    const [fn, where] = k.split('\t');
    return { function: fn, where, selfMs: +(us / 1000).toFixed(1), percent: +(100 * us / total).toFixed(1) };
  });
}

// --- just enough of a source-map reader to name core/src files and lines (VLQ "mappings") ---
function sourceMap() {
  const p = CORE + '.map';
  if (!fs.existsSync(p)) return null;
  const m = JSON.parse(fs.readFileSync(p, 'utf8'));
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lines = [];
  let src = 0, sl = 0, sc = 0;
  for (const line of m.mappings.split(';')) {
    const segs = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const v = [];
      let shift = 0, val = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        val += (d & 31) << shift;
        if (d & 32) shift += 5;
        else { v.push(val & 1 ? -(val >>> 1) : val >>> 1); val = 0; shift = 0; }
      }
      col += v[0];
      if (v.length >= 4) { src += v[1]; sl += v[2]; sc += v[3]; segs.push([col, src, sl]); }
    }
    lines.push(segs);
  }
  return { lines, sources: m.sources };
}
function locate(map, cf) {
  const file = cf.url.replace(/^file:\/\//, '');
  if (!map || file !== CORE) return path.relative(ROOT, file).replace(/^.*node_modules\//, '') + `:${cf.lineNumber + 1}`;
  const segs = map.lines[cf.lineNumber] ?? [];
  if (!segs.length) return `dist/core.js:${cf.lineNumber + 1}`;
  let best = null;
  for (const s of segs) { if (s[0] <= cf.columnNumber) best = s; else break; }
  if (!best) return `dist/core.js:${cf.lineNumber + 1}`;
  const abs = path.resolve(path.dirname(CORE), map.sources[best[1]]);
  const src = abs.startsWith(SRC_ROOT + path.sep) ? path.relative(SRC_ROOT, abs) : abs.replace(/^.*node_modules\//, '');
  return `${src}:${best[2] + 1}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const p = await profile({ reports, bytes, runs, top });
  if (json) console.log(JSON.stringify(p, null, 2));
  else {
    console.log(`full check of ${reports} reports, ${(p.bytes / 1e6).toFixed(2)} MB: ${p.msPerCheck.toFixed(0)} ms per check (${(p.bytes / 1e6 / (p.msPerCheck / 1000)).toFixed(1)} MB/s while profiling)`);
    console.log(`profile: ${path.relative(process.cwd(), p.file)}\n`);
    console.log('self ms   self %  function                         where');
    for (const t of p.top) console.log(`${String(t.selfMs).padStart(7)}  ${String(t.percent).padStart(6)}  ${t.function.padEnd(32)} ${t.where}`);
    console.log('\ntotal ms  total %  function (self + callees, core only)  where');
    for (const t of p.inclusive) console.log(`${String(t.totalMs).padStart(8)}  ${String(t.percent).padStart(7)}  ${t.function.padEnd(36)} ${t.where}`);
    console.log('\nself %  hot line (core)                         source');
    for (const t of p.lines) console.log(`${String(t.percent).padStart(6)}  ${(t.function + ' ' + t.where).padEnd(40)} ${t.source}`);
  }
}
