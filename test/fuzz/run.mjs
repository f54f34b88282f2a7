#!/usr/bin/env node
// `npm run fuzz`: fast-check and mutation fuzzing of the core (dist/core.js) over the real corpus
// and the hostile inputs of issue 6. At least 100,000 cases per run, spread over worker threads.
//
//   node test/fuzz/run.mjs [--cases N] [--seed S|random] [--workers W] [--batch B] [--no-big]
//                          [--budget-base MS] [--budget-per-kb MS] [--failures DIR]
//   node test/fuzz/run.mjs --replay test/fuzz/failures/<file>.json …
//
// Prints the cases run, each distinct failure (a minimal repro is saved in test/fuzz/failures/),
// the slowest case per KB and the peak heap; exits 1 when a property failed.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { confirmTime, DEFAULT_BUDGET, mergeStats, newStats, replay } from './engine.mjs';
import { hostileCases } from './hostile.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.join(HERE, '..', '..');
const CORE = path.join(ROOT, 'dist', 'core.js');

function args(argv) {
  const o = { cases: 100000, seed: 1, workers: Math.max(1, Math.min(2, availableParallelism())), batch: 2000, big: true, budget: { ...DEFAULT_BUDGET }, failures: path.join(HERE, 'failures'), replay: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], next = () => argv[++i];
    if (a === '--cases') o.cases = Number(next());
    else if (a === '--seed') { const s = next(); o.seed = s === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(s); }
    else if (a === '--workers') o.workers = Math.max(1, Number(next()));
    else if (a === '--batch') o.batch = Math.max(1, Number(next()));
    else if (a === '--no-big') o.big = false;
    else if (a === '--budget-base') o.budget.base = Number(next());
    else if (a === '--budget-per-kb') o.budget.perKB = Number(next());
    else if (a === '--failures') o.failures = path.resolve(next());
    else if (a === '--replay') o.replay.push(path.resolve(next()));
    else if (a === '--help' || a === '-h') { console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 11).map(l => l.replace(/^\/\/ ?/, '')).join('\n')); process.exit(0); }
    else { console.error(`unknown argument ${a}`); process.exit(2); }
  }
  if (!Number.isInteger(o.cases) || o.cases < 0) { console.error('--cases takes a whole number'); process.exit(2); }
  return o;
}

const mb = n => `${(n / 1024 / 1024).toFixed(0)} MB`;
const slug = s => s.replace(/[^A-Za-z0-9一-龥]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

function save(dir, n, f) {
  const base = path.join(dir, `${String(n).padStart(2, '0')}-${slug(f.sig)}`);
  const repro = { ...f, reproduce: `node test/fuzz/run.mjs --replay ${path.relative(ROOT, `${base}.json`)}` };
  writeFileSync(`${base}.json`, `${JSON.stringify(repro, null, 2)}\n`);
  // The text as a file too (lone surrogates cannot be written as UTF-8: the .json holds the exact text).
  if (typeof f.text === 'string') writeFileSync(`${base}.txt`, f.text);
  return `${base}.json`;
}

function printFailure(f, file, i) {
  console.log(`\n  ${i}. [${f.property}] ${f.kind}`);
  console.log(`     ${f.message}`);
  console.log(`     from: ${f.origin}${f.originalLength ? ` (minimised from ${f.originalLength} to ${f.text.length} characters)` : ''}`);
  if (typeof f.text === 'string' && f.text.length <= 300) console.log(`     text: ${JSON.stringify(f.text)}`);
  if (f.edits) console.log(`     edits: ${JSON.stringify(f.edits).slice(0, 300)}${f.merged ? ' (folded into one update)' : ''}`);
  if (f.stack) console.log(`     ${f.stack.split('\n').slice(0, 5).join('\n       ')}`);
  if (f.diff) console.log(`     incremental: …${JSON.stringify(f.diff.incremental).slice(0, 160)}\n     full:        …${JSON.stringify(f.diff.full).slice(0, 160)}`);
  console.log(`     repro: ${path.relative(ROOT, file)}`);
}

async function main() {
  const o = args(process.argv.slice(2));
  if (!existsSync(CORE)) { console.error('dist/core.js is missing: run `node esbuild.mjs` first (npm run fuzz does).'); process.exit(2); }

  if (o.replay.length) {
    process.setSourceMapsEnabled(true);
    const core = createRequire(import.meta.url)(CORE);
    let bad = 0;
    for (const file of o.replay) {
      const r = replay(core, JSON.parse(readFileSync(file, 'utf8')), { budget: o.budget });
      console.log(`${path.relative(ROOT, file)}: ${r.violations.length ? 'FAILS' : 'passes'} (${r.ms.toFixed(0)} ms, ${r.kb.toFixed(1)} KB)`);
      for (const v of r.violations) console.log(`  [${v.property}] ${v.kind}: ${v.message}${v.stack ? `\n    ${v.stack.split('\n').slice(0, 5).join('\n    ')}` : ''}`);
      if (r.violations.length) bad++;
    }
    process.exit(bad ? 1 : 0);
  }

  mkdirSync(o.failures, { recursive: true });
  for (const f of readdirSync(o.failures)) if (/\.(json|txt)$/.test(f)) rmSync(path.join(o.failures, f));

  // Tasks: the 50 MB file alone, the other hostile inputs in a few groups, then the random batches.
  const tasks = [];
  const hostile = hostileCases();
  if (o.big) for (const h of hostile.filter(x => x.big)) tasks.push({ kind: 'hostile', names: [h.name] });
  // One task per hostile input, so that the slow ones spread over the workers.
  for (const h of hostile.filter(x => !x.big)) tasks.push({ kind: 'hostile', names: [h.name] });
  for (let done = 0, k = 0; done < o.cases; k++) {
    const n = Math.min(o.batch, o.cases - done);
    tasks.push({ kind: 'random', numRuns: n, seed: (o.seed + k * 1000003) >>> 0 });
    done += n;
  }

  console.log(`nianbao fuzz: ${o.cases} random cases + ${hostile.length - (o.big ? 0 : 1)} hostile inputs, seed ${o.seed}, ${o.workers} worker(s), budget ${o.budget.base} ms + ${o.budget.perKB} ms/KB`);
  const started = Date.now();
  const stats = newStats();
  const failures = [];
  const seen = new Set();
  let next = 0, errors = 0;
  const workers = [];
  const progress = () => {
    const s = ((Date.now() - started) / 1000).toFixed(0);
    process.stderr.write(`  … ${stats.cases - stats.hostile} random + ${stats.hostile} hostile cases, ${failures.length} failure(s), ${s} s\n`);
  };

  await new Promise(resolve => {
    let running = 0;
    const give = w => {
      if (next >= tasks.length) { w.terminate(); if (--running === 0) resolve(); return; }
      w.postMessage({ type: 'task', id: next, task: tasks[next] });
      next++;
    };
    for (let i = 0; i < Math.min(o.workers, tasks.length || 1); i++) {
      const w = new Worker(new URL('./worker.mjs', import.meta.url), {
        workerData: { corePath: CORE, budget: o.budget, known: [...seen] },
        resourceLimits: { maxOldGenerationSizeMb: 6144 },
      });
      running++;
      w.on('message', msg => {
        if (msg.type === 'error') { errors++; console.error(`\nworker error: ${msg.error}`); }
        else {
          mergeStats(stats, msg.stats);
          const fresh = msg.failures.filter(f => !seen.has(f.sig));
          for (const f of fresh) { seen.add(f.sig); failures.push(f); }
          if (fresh.length) for (const x of workers) x.postMessage({ type: 'known', sigs: fresh.map(f => f.sig) });
          progress();
        }
        give(w);
      });
      w.on('error', e => { errors++; console.error(`\nworker crashed: ${e?.stack ?? e}`); if (--running === 0) resolve(); });
      workers.push(w);
      give(w);
    }
    if (!tasks.length) resolve();
  });

  // Time failures are measured again here, alone, so that the load of the other workers does not count.
  const timeFailures = failures.filter(f => f.property === 'time');
  let dropped = 0;
  if (timeFailures.length) {
    process.setSourceMapsEnabled(true);
    const core = createRequire(import.meta.url)(CORE);
    for (const f of timeFailures) {
      const again = confirmTime(core, f, o.budget);
      const i = failures.indexOf(f);
      if (again) failures[i] = again; else { failures.splice(i, 1); dropped++; }
    }
  }
  const secs = (Date.now() - started) / 1000;
  const rss = process.resourceUsage().maxRSS * 1024;
  console.log(`\ncases run: ${stats.cases} (${stats.cases - stats.hostile} random, ${stats.hostile} hostile) in ${secs.toFixed(0)} s; ${stats.shrinkRuns} more runs while shrinking`);
  if (stats.slowestPerKB) {
    const s = stats.slowestPerKB;
    console.log(`slowest case per KB: ${s.msPerKB.toFixed(2)} ms/KB (${s.ms.toFixed(1)} ms for ${s.kb.toFixed(1)} KB) — ${s.name}`);
    const l = stats.slowestPerKBLarge;
    if (l) console.log(`slowest case per KB of those ≥ 16 KB: ${l.msPerKB.toFixed(2)} ms/KB (${l.ms.toFixed(0)} ms for ${l.kb.toFixed(1)} KB) — ${l.name}`);
    const t = stats.slowest;
    console.log(`slowest case: ${t.ms.toFixed(0)} ms for ${t.kb.toFixed(1)} KB (${t.msPerKB.toFixed(2)} ms/KB) — ${t.name}`);
  }
  for (const x of stats.scaled.sort((a, b) => a.name.localeCompare(b.name))) {
    console.log(`scaled: ${x.name}, n = ${x.n} vs 4n (${x.mb4n.toFixed(1)} MB): ${x.msN.toFixed(0)} → ${x.ms4n.toFixed(0)} ms (×${x.timeRatio.toFixed(2)})${x.rss4n === undefined ? '' : `, peak RSS +${x.rssN.toFixed(0)} → +${x.rss4n.toFixed(0)} MB (×${x.rssRatio.toFixed(2)})`}`);
  }
  console.log(`peak heap: ${mb(stats.peakHeap)} used (${mb(stats.peakHeapTotal)} allocated) in one worker; peak RSS of the run: ${mb(rss)}`);
  console.log(`failures: ${failures.length}${errors ? ` (+${errors} harness errors)` : ''}${dropped ? ` (${dropped} slow case(s) under load were within budget when re-measured alone)` : ''}`);
  failures.forEach((f, i) => printFailure(f, save(o.failures, i + 1, f), i + 1));
  process.exit(errors ? 2 : failures.length ? 1 : 0);
}

main().catch(e => { console.error(e); process.exit(2); });
