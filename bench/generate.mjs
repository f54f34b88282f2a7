#!/usr/bin/env node
// Benchmark data from the real corpus (test/fixtures): large compilations of department reports and
// folders of single-report files. Deterministic: the same seed gives the same bytes (for a given
// parser — the cells to vary are located with dist/core.js, so run `node esbuild.mjs` first).
//
//   node bench/generate.mjs compilation [--reports 200] [--bytes 2000000] [--seed 1] [--errors 0.1] [--out FILE]
//   node bench/generate.mjs folder [--count 10000] [--seed 1] [--out DIR]
//
// Figures are varied *consistently*: an increment of one leaf cell of the `requests` table is carried
// into its row total, its column total, the grand total and the `new` row (so every row-sum,
// column-sum and balance relation still holds), an increment of one appeals part into its group
// total; `active` figures (no relations) are redrawn. A fraction `--errors` of the reports get one
// deliberate error (a row total off by 1–5: a row-sum and a column-sum finding, both fixable).
// Every varied report is re-checked: its findings must be the source's plus exactly the planted
// ones, else the source text is used unvaried (counted as `fallbacks`).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DATA = path.join(ROOT, 'bench', '.data');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

let core;
function loadCore() {
  if (!core) {
    const p = path.join(ROOT, 'dist', 'core.js');
    if (!fs.existsSync(p)) throw new Error('dist/core.js missing: run `node esbuild.mjs` first');
    core = require(p);
  }
  return core;
}

/** mulberry32: small, fast, seeded. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  next.pick = a => a[Math.floor(next() * a.length)];
  return next;
}

/** The real corpus: complete reports (seeds + pingtan archive) and cut-off excerpts. */
export function loadCorpus() {
  const read = dir => fs.readdirSync(path.join(FIXTURES, dir)).filter(f => f.endsWith('.txt')).sort()
    .map(f => ({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(FIXTURES, dir, f), 'utf8') }));
  const seeds = read('seeds');
  const real = read('real');
  const complete = [...seeds, ...real.filter(r => !r.name.includes('excerpt'))];
  const excerpts = real.filter(r => r.name.includes('excerpt'));
  const encodings = fs.existsSync(path.join(FIXTURES, 'encodings'))
    ? fs.readdirSync(path.join(FIXTURES, 'encodings')).sort().map(f => ({ name: `encodings/${f}`, bytes: fs.readFileSync(path.join(FIXTURES, 'encodings', f)) }))
    : [];
  return { complete: complete.map(prepare), seeds: complete.slice(0, seeds.length).map(prepare), excerpts: excerpts.map(prepare), encodings };
}

/** A corpus text with what variation needs: its cells (offsets into the text) and its finding codes. */
function prepare(src) {
  let text = src.text.replace(/^\uFEFF/, '');
  let r = parsed(text);
  if (r.report.title == null && r.report.tables.length) {
    // A compilation starts every department report with its title; give one to reports that lack it.
    const org = /发布机构[:：]\s*\|?\s*([^|\n]+?)\s*\|/.exec(text)?.[1] ?? '某单位';
    text = `${org}${r.report.year ?? 2023}年政府信息公开工作年度报告\n${text}`;
    r = parsed(text);
  }
  // Rows the parser could not split cleanly (glued or miscounted figures) are left as written:
  // changing their digits would change how they split.
  const badRows = new Set(r.report.tables.flatMap(t => t.rows.filter(w => w.problem).map(w => `${t.id}.${w.key}`)));
  const badTables = new Set([...badRows].map(b => b.split('.')[0]));
  const cells = new Map([...r.report.cells].filter(([k]) => !badTables.has(k.split('.')[0])));
  // A flattened page (the pingtan archive: the whole report on a few very long lines) splits its
  // figures by their widths: it is used as written.
  const flattened = text.split('\n').some(l => l.length > 1000);
  // Padding repeats prose of the first section only: lines before the first table.
  const proseEnd = Math.min(text.length, ...r.report.tables.map(t => t.start), ...[...r.report.cells.values()].map(c => c.start));
  return { name: src.name, text, cells, codes: codesOf(r.findings), template: r.report.template, flattened, proseEnd };
}

function parsed(text) {
  const reps = loadCore().ReportDocument.parse(text).reports();
  if (reps.length !== 1) throw new Error(`corpus text reads as ${reps.length} reports`);
  return reps[0];
}
const codesOf = findings => findings.map(f => f.code).sort().join(',');

const LEAF_SKIP = new Set(['new', 'carried', 'total', 'carryover']);
const PARTS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg'];
const APPEAL_PARTS = ['upheld', 'corrected', 'other', 'pending'];
const plain = c => c && c.kind === 'number' && /^\d+$/.test(c.text);

/**
 * One varied copy of a prepared report. Returns { text, broken } — `broken` true when a deliberate
 * error was planted, `verbatim` when the source is used as written (flattened pages) — or null when the variation could not be verified (the caller uses the source).
 */
export function varyReport(src, r, { errorRate = 0, padTo = 0 } = {}) {
  if (src.flattened) return { text: src.text, broken: false, verbatim: true };
  const cells = src.cells;
  const add = new Map(); // key → increment
  const bump = (k, d) => add.set(k, (add.get(k) ?? 0) + d);
  const leafRows = [...new Set([...cells.keys()].filter(k => k.startsWith('requests.')).map(k => k.split('.')[1]))]
    .filter(row => !LEAF_SKIP.has(row) && plain(cells.get(`requests.${row}.total`)));
  const chain = (row, col) => [`requests.${row}.${col}`, `requests.${row}.total`, `requests.total.${col}`, 'requests.total.total', `requests.new.${col}`, 'requests.new.total'];
  for (let n = r.int(1, 6); n > 0 && leafRows.length; n--) {
    const row = r.pick(leafRows), col = r.pick(PARTS), d = r.int(1, 20);
    const keys = chain(row, col);
    if (keys.every(k => plain(cells.get(k)))) for (const k of keys) bump(k, d);
  }
  for (const g of ['review', 'suitDirect', 'suitAfterReview']) {
    if (r() < 0.5) continue;
    const keys = [`appeals.${g}.${r.pick(APPEAL_PARTS)}`, `appeals.${g}.total`];
    if (keys.every(k => plain(cells.get(k)))) { const d = r.int(1, 9); for (const k of keys) bump(k, d); }
  }
  const redraw = new Map();
  for (const [k, c] of cells) if (k.startsWith('active.') && plain(c) && !k.endsWith('.amount')) redraw.set(k, String(r() < 0.3 ? 0 : r.int(0, 400)));
  let broken = false;
  if (errorRate > 0 && r() < errorRate && leafRows.length) {
    bump(`requests.${r.pick(leafRows)}.total`, r.int(1, 5));
    broken = true;
  }
  // Apply from the end so offsets stay valid.
  const edits = [];
  for (const [k, d] of add) { const c = cells.get(k); edits.push({ start: c.start, end: c.end, text: String(BigInt(c.text) + BigInt(d)) }); }
  for (const [k, v] of redraw) if (!add.has(k)) { const c = cells.get(k); edits.push({ start: c.start, end: c.end, text: v }); }
  edits.sort((a, b) => b.start - a.start);
  let text = src.text;
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  if (padTo > 0) text = pad(text, src.proseEnd, padTo, r);
  const got = codesOf(parsed(text).findings);
  // A planted error is one row-sum finding, or a row-sum and a column-sum one when no single cell explains both.
  const plus = (...c) => codesOf([...src.codes.split(',').filter(Boolean), ...c].map(code => ({ code })));
  const ok = broken ? got === plus('row-sum') || got === plus('row-sum', 'column-sum') : got === src.codes;
  const want = broken ? plus('row-sum') : src.codes;
  if (!ok) { if (process.env.BENCH_DEBUG) console.error(`${src.name}: want ${want}\n  got ${got}`); return null; }
  return { text, broken };
}

/**
 * Grows a report towards `bytes` (UTF-8) by repeating prose paragraphs of its first section (lines
 * of 50–600 characters, ending before offset `proseEnd`), each copy right after its original.
 */
function pad(text, proseEnd, bytes, r) {
  let have = Buffer.byteLength(text);
  if (have >= bytes) return text;
  const lines = text.split('\n');
  const prose = [];
  for (let i = 0, at = 0; i < lines.length && at + lines[i].length < proseEnd; at += lines[i].length + 1, i++) {
    if (i >= 3 && lines[i].length >= 50 && lines[i].length <= 600 && !lines[i].includes('|')) prose.push(i);
  }
  if (!prose.length) return text;
  const extra = new Map();
  while (have < bytes) {
    const i = r.pick(prose);
    extra.set(i, (extra.get(i) ?? 0) + 1);
    have += Buffer.byteLength(lines[i]) + 1;
  }
  const out = [];
  lines.forEach((l, i) => { out.push(l); for (let k = extra.get(i) ?? 0; k > 0; k--) out.push(l); });
  return out.join('\n');
}

/**
 * A compilation of `reports` department reports, about `bytes` bytes of UTF-8. With `seedsOnly`,
 * varied copies of the seeds alone (every row one place per cell: no inference to do).
 */
export function compilation({ reports = 200, bytes = 2_000_000, seed = 1, errors = 0.1, seedsOnly = false } = {}) {
  const loaded = loadCorpus();
  const corpus = seedsOnly ? { ...loaded, complete: loaded.seeds } : loaded;
  const r = rng(seed);
  const parts = [];
  let broken = 0, fallbacks = 0, have = 0;
  for (let i = 0; i < reports; i++) {
    const padTo = Math.floor((bytes - have) / (reports - i)); // reports that cannot grow leave more to the others
    const src = corpus.complete[i < corpus.complete.length ? i : r.int(0, corpus.complete.length - 1)];
    const v = varyReport(src, r, { errorRate: errors, padTo });
    if (!v) fallbacks++;
    if (v?.broken) broken++;
    parts.push((v ? v.text : src.text).replace(/\n*$/, '\n'));
    have += Buffer.byteLength(parts[i]) + 1;
  }
  const text = parts.join('\n');
  // The compilation must split back into the same reports.
  const split = loadCore().ReportDocument.parse(text).reports().length;
  if (split !== reports) throw new Error(`compilation of ${reports} reports reads as ${split}`);
  return { text, reports, broken, fallbacks, bytes: Buffer.byteLength(text), sha256: sha(text) };
}

/**
 * A folder of `count` single-report files: 90% varied complete reports, 8% cut-off excerpts, 2% the
 * encoding fixtures (GB18030, UTF-8 with BOM and CRLF, UTF-16LE) as they are. 100 files a subfolder.
 */
export function folder({ count = 10_000, seed = 1, out = path.join(DATA, `folder-${count}`), errors = 0.1 } = {}) {
  const corpus = loadCorpus();
  const r = rng(seed);
  // Replace only a folder this generator made (it has a manifest) or an empty one: never someone's files.
  if (fs.existsSync(out)) {
    const own = fs.existsSync(path.join(out, '.manifest.json')) || fs.readdirSync(out).length === 0;
    if (!own) throw new Error(`${out} exists and was not made by bench/generate.mjs: choose another --out`);
    fs.rmSync(out, { recursive: true, force: true });
  }
  const hash = crypto.createHash('sha256');
  let bytes = 0, fallbacks = 0;
  for (let i = 0; i < count; i++) {
    const dir = path.join(out, String(Math.floor(i / 100)).padStart(3, '0'));
    if (i % 100 === 0) fs.mkdirSync(dir, { recursive: true });
    const x = r();
    let data;
    if (x < 0.02 && corpus.encodings.length) data = r.pick(corpus.encodings).bytes;
    else if (x < 0.10) data = Buffer.from(r.pick(corpus.excerpts).text);
    else {
      const src = r.pick(corpus.complete);
      const v = varyReport(src, r, { errorRate: errors });
      if (!v) fallbacks++;
      data = Buffer.from(v ? v.text : src.text);
    }
    fs.writeFileSync(path.join(dir, `report-${String(i).padStart(5, '0')}.txt`), data);
    hash.update(data);
    bytes += data.length;
  }
  const manifest = { kind: 'folder', count, seed, errors, bytes, fallbacks, sha256: hash.digest('hex') };
  fs.writeFileSync(path.join(out, '.manifest.json'), JSON.stringify(manifest, null, 2));
  return { dir: out, ...manifest };
}

/** The folder, generated only when missing or made with other parameters. */
export function ensureFolder(opts) {
  const count = opts.count ?? 10_000, seed = opts.seed ?? 1, errors = opts.errors ?? 0.1;
  const out = opts.out ?? path.join(DATA, `folder-${count}`);
  try {
    const m = JSON.parse(fs.readFileSync(path.join(out, '.manifest.json'), 'utf8'));
    if (m.count === count && m.seed === seed && m.errors === errors) return { dir: out, ...m, cached: true };
  } catch { /* generate */ }
  return { ...folder({ count, seed, out, errors }), cached: false };
}

const sha = s => crypto.createHash('sha256').update(s).digest('hex');

function args(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) if (argv[i].startsWith('--')) o[argv[i].slice(2)] = argv[i + 1]?.startsWith('--') || argv[i + 1] === undefined ? true : argv[++i];
  return o;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [what, ...rest] = process.argv.slice(2);
  const o = args(rest);
  const num = (v, d) => (v === undefined ? d : Number(v));
  if (what === 'compilation') {
    const c = compilation({ reports: num(o.reports, 200), bytes: num(o.bytes, 2_000_000), seed: num(o.seed, 1), errors: num(o.errors, 0.1) });
    const out = o.out ?? path.join(DATA, `compilation-${c.reports}.txt`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, c.text);
    const { text, ...info } = c;
    console.log(JSON.stringify({ out, ...info }));
  } else if (what === 'folder') {
    const f = folder({ count: num(o.count, 10_000), seed: num(o.seed, 1), errors: num(o.errors, 0.1), ...(o.out ? { out: o.out } : {}) });
    console.log(JSON.stringify(f));
  } else {
    console.error('usage: node bench/generate.mjs compilation [--reports N] [--bytes B] [--seed S] [--errors P] [--out FILE]\n' +
      '       node bench/generate.mjs folder [--count N] [--seed S] [--errors P] [--out DIR]');
    process.exit(2);
  }
}
