// Inputs that grow (issue 15's shapes of HTML), each built at n and at 4n: the check must take about
// four times the time and the memory, never the square. Time is measured in this process (best of
// a few runs); memory in a fresh child process per size (`node scaled.mjs --rss NAME N CORE`), which
// reports its peak RSS and its RSS before it built the input.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIX = path.join(HERE, '..', 'fixtures');

/** The Word-made page of test/fixtures/html, cut into its head, its body's content and its end. */
function wordPage() {
  const page = readFileSync(path.join(FIX, 'html', 'word-spans.html'), 'utf8');
  const a = page.indexOf('<div class=WordSection1'), b = page.lastIndexOf('</div>');
  return { head: page.slice(0, a), body: page.slice(a, b + 6), tail: page.slice(b + 6) };
}

/**
 * Each shape: `build(n)` and the n of the small size (4n is the size of the issue; `small` for the
 * in-suite run, `full` for `npm run fuzz`).
 */
export const SHAPES = [
  { name: 'HTML: nested <table><tr><td>', build: n => `${'<table><tr><td>'.repeat(n)}总计 1${'</td></tr></table>'.repeat(n)}`, small: 5000, full: 25000 },
  { name: 'HTML: nested <div>', build: n => `${'<div>'.repeat(n)}总计 1${'</div>'.repeat(n)}`, small: 10000, full: 25000 },
  { name: 'HTML: a run of &', build: n => `<p>${'&'.repeat(n)}`, small: 100000, full: 200000 },
  { name: 'HTML: <td colspan=50></td> in one row', build: n => `<table><tr>${'<td colspan=50></td>'.repeat(n)}</tr></table>`, small: 25000, full: 250000 },
  { name: 'HTML: rows of cells spanning 65,534 rows', build: n => `<table>${'<tr><td rowspan=65534>1</td></tr>'.repeat(n)}</table>`, small: 5000, full: 25000 },
  {
    name: 'HTML: a Word page, its body repeated (2.5 and 10 MB)',
    build: n => { const w = wordPage(); return w.head + Array.from({ length: n }, () => w.body).join('\r\n') + w.tail; },
    small: 3, full: 30,
  },
  {
    name: 'HTML: one report in a page padded with markup (2.5 and 10 MB)',
    build: n => {
      const w = wordPage();
      const pad = '<div class="nav"><ul><li><a href="/zwgk/">政务公开</a></li><li><a href="/xxgk/" title="信息公开">信息公开</a></li></ul><script>var x = 1 < 2 && "&";</script><span style="display:inline">&nbsp;&copy;&#169;</span></div>\r\n';
      return w.head + pad.repeat(Math.round(n * 1e6 / pad.length)) + w.body + w.tail;
    },
    small: 0.25, full: 2.5,
  },
];

/** Time and memory grow by at most this many times the input's factor (linear is 1; quadratic would be the factor itself). */
export const TIME_RATIO = 2.5, RSS_RATIO = 2;
/** And from n to 4n, the peak memory of a check grows by at most this many bytes per byte the input grew, over 64 MB. */
export const RSS_PER_BYTE = 32;

/** Time of the check of `text` (best of `reps`). */
function timeOf(check, text, reps) {
  let best = Infinity;
  for (let i = 0; i < reps; i++) { const t = performance.now(); check(text); best = Math.min(best, performance.now() - t); }
  return best;
}

/**
 * The time property on one shape: ms at n and 4n; a violation when 4n takes more than
 * TIME_RATIO × 4 × the time of n (below 300 ms for 4n, JIT and GC noise dominate: not a blow-up).
 */
export function scaledTime(check, shape, n) {
  const small = shape.build(n), big = shape.build(4 * n);
  check(small);
  const msN = timeOf(check, small, 3);
  let ms4n = timeOf(check, big, 2);
  const bad = () => ms4n > 300 && ms4n / Math.max(msN, 1) > TIME_RATIO * 4;
  if (bad()) ms4n = Math.min(ms4n, timeOf(check, big, 2));
  return { msN, ms4n, ratio: ms4n / Math.max(msN, 1), bad: bad(), mb4n: Buffer.byteLength(big) / 1e6 };
}

/** Peak RSS growth (MB over the process's RSS before the input was built) of checking `shape` at n, in a fresh process. */
export function rssOf(corePath, shape, n) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--rss', shape.name, String(n), corePath], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const m = /^rss (\d+) (\d+)$/m.exec(r.stdout ?? '');
  if (!m) throw new Error(`rss child for ${shape.name} × ${n} failed: ${r.status} ${r.stderr?.slice(0, 400)}`);
  return (Number(m[2]) - Number(m[1])) / 1e6;
}

/**
 * The memory property on one shape: peak RSS growth at n and 4n; a violation when 4n needs more
 * than RSS_RATIO × 4 × n's, or more than 64 MB + RSS_PER_BYTE bytes per byte the input grew over n's.
 */
export function scaledRss(corePath, shape, n) {
  const rssN = rssOf(corePath, shape, n), rss4n = rssOf(corePath, shape, 4 * n);
  const grew = (Buffer.byteLength(shape.build(4 * n)) - Buffer.byteLength(shape.build(n))) / 1e6;
  // Under 64 MB for 4n, the heap's own growth steps dominate: not a blow-up.
  const ratio = rss4n / Math.max(rssN, 1);
  return { rssN, rss4n, ratio, perByte: (rss4n - rssN) / grew, bad: rss4n > 64 && (ratio > RSS_RATIO * 4 || rss4n - rssN > 64 + RSS_PER_BYTE * grew) };
}

// The child: build the input, check it once as the CLI does, print the RSS before and the peak.
if (process.argv[2] === '--rss' && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [name, n, corePath] = process.argv.slice(3);
  const core = createRequire(import.meta.url)(corePath);
  const shape = SHAPES.find(s => s.name === name);
  const before = process.memoryUsage().rss;
  const text = shape.build(Number(n));
  const doc = core.ReportDocument.parse(text);
  JSON.stringify(core.documentJson(doc, 'zh-CN'));
  core.fixAllEdits(doc);
  process.stdout.write(`rss ${before} ${process.resourceUsage().maxRSS * 1024}\n`);
}
