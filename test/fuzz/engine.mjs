// The fuzz engine: runs the hostile inputs and fast-check batches of random cases through the
// properties, one failure per distinct bug (fast-check shrinks it, then the text is minimised line
// by line and character by character), and keeps the figures (cases, slowest case per KB, heap).
// `fuzz(core, …)` runs in-process (the `npm test` version); run.mjs spreads batches over workers.
import fc from 'fast-check';
import v8 from 'node:v8';
import { caseArb, describe, materialize } from './cases.mjs';
import { checkCase, DEFAULT_BUDGET, fullCheck } from './properties.mjs';
import { hostileCases } from './hostile.mjs';
import { scaledRss, scaledTime, RSS_PER_BYTE, RSS_RATIO, TIME_RATIO } from './scaled.mjs';

export { DEFAULT_BUDGET };

/** Running figures of a run (mergeable across workers). */
export function newStats() {
  return { cases: 0, hostile: 0, shrinkRuns: 0, ms: 0, slowestPerKB: null, slowestPerKBLarge: null, slowest: null, peakHeap: 0, peakHeapTotal: 0, scaled: [] };
}

export function mergeStats(a, b) {
  a.cases += b.cases; a.hostile += b.hostile; a.shrinkRuns += b.shrinkRuns; a.ms += b.ms;
  if (b.slowestPerKB && (!a.slowestPerKB || b.slowestPerKB.msPerKB > a.slowestPerKB.msPerKB)) a.slowestPerKB = b.slowestPerKB;
  if (b.slowestPerKBLarge && (!a.slowestPerKBLarge || b.slowestPerKBLarge.msPerKB > a.slowestPerKBLarge.msPerKB)) a.slowestPerKBLarge = b.slowestPerKBLarge;
  if (b.slowest && (!a.slowest || b.slowest.ms > a.slowest.ms)) a.slowest = b.slowest;
  a.peakHeap = Math.max(a.peakHeap, b.peakHeap);
  a.peakHeapTotal = Math.max(a.peakHeapTotal, b.peakHeapTotal);
  a.scaled.push(...b.scaled);
  return a;
}

function note(stats, name, r) {
  stats.ms += r.ms;
  // Per KB over at least 1 KB, so that the fixed cost of a tiny case is not read as a rate.
  const msPerKB = r.ms / Math.max(1, r.kb);
  if (!stats.slowestPerKB || msPerKB > stats.slowestPerKB.msPerKB) stats.slowestPerKB = { msPerKB, ms: r.ms, kb: r.kb, name };
  // The same over inputs of 16 KB and more, where the figure is a rate rather than a fixed cost.
  if (r.kb >= 16 && (!stats.slowestPerKBLarge || msPerKB > stats.slowestPerKBLarge.msPerKB)) stats.slowestPerKBLarge = { msPerKB, ms: r.ms, kb: r.kb, name };
  if (!stats.slowest || r.ms > stats.slowest.ms) stats.slowest = { ms: r.ms, kb: r.kb, msPerKB, name };
  const h = v8.getHeapStatistics();
  stats.peakHeap = Math.max(stats.peakHeap, h.used_heap_size);
  stats.peakHeapTotal = Math.max(stats.peakHeapTotal, h.total_heap_size);
}

const MINIMISABLE = new Set(['no-throw', 'ranges', 'fix-digits', 'fix-idempotent', 'fix-arithmetic', 'not-silent']);

/**
 * Delta-debugging of a failing text: removes lines, then runs of characters, as long as the same
 * violation (`sig`) remains. Bounded by `maxChecks`.
 */
export function minimizeText(core, text, sig, { maxChecks = 2000 } = {}) {
  let checks = 0;
  const fails = t => { checks++; return checkCase(core, { text: t }, { timing: false }).violations.some(v => v.sig === sig); };
  if (text.length > 200000 || !fails(text)) return text;
  const pass = units => {
    let n = 2;
    while (units.length >= 2 && checks < maxChecks) {
      const size = Math.ceil(units.length / n);
      let reduced = false;
      for (let i = 0; i < units.length && checks < maxChecks; i += size) {
        const rest = [...units.slice(0, i), ...units.slice(i + size)];
        if (fails(rest.join(''))) { units = rest; n = Math.max(n - 1, 2); reduced = true; break; }
      }
      if (!reduced) { if (size <= 1) break; n = Math.min(units.length, n * 2); }
    }
    return units.join('');
  };
  let cur = pass(text.split(/(?<=\n)/));
  cur = pass([...cur]);
  cur = pass(cur.split(''));
  return cur;
}

/** A failure as reported and saved: the violation, where it came from, and what reproduces it. */
function failureOf(v, origin, c, core, minimise) {
  const f = { ...v, origin };
  const small = c.text.length <= 2_000_000;
  if (small) f.text = c.text;
  if (c.edits?.length) { f.edits = c.edits; f.merged = !!c.merged; f.widen = c.widen ?? [0, 0]; }
  if (minimise && !c.edits?.length && small && MINIMISABLE.has(v.property) && !c.decoded) {
    const m = minimizeText(core, c.text, v.sig);
    if (m.length < c.text.length) {
      f.originalLength = c.text.length; f.text = m;
      // The message and details of the minimal text, not of the original.
      const again = checkCase(core, { text: m }, { timing: false }).violations.find(x => x.sig === v.sig);
      if (again) Object.assign(f, again, { origin });
    }
  }
  return f;
}

/** Time linear in the input: `unit` × n·factor must not take much more than factor × the time of `unit` × n. */
function scaling(core, { unit, n, factor }, msAtN) {
  const time = t => { try { return fullCheck(core, t).ms; } catch { return 0; } };
  const small = Math.min(msAtN, time(unit.repeat(n)));
  const big = unit.repeat(n * factor);
  let ms = time(big);
  // Linear is `factor`×; quadratic would be factor²×. Below 300 ms, or under 1 ms/KB for the big
  // text, JIT and GC noise dominate: a fast text is not a blow-up, whatever the ratio.
  const kb = Buffer.byteLength(big, 'utf8') / 1024;
  const bad = () => ms > 300 && ms / kb > 1 && ms / Math.max(small, 1) > 2.5 * factor;
  if (bad()) ms = Math.min(ms, time(big));
  if (!bad()) return null;
  return {
    property: 'time', kind: 'superlinear', sig: `time:superlinear@${JSON.stringify(unit)}`,
    message: `${JSON.stringify(unit)} × ${n}: ${small.toFixed(0)} ms; × ${n * factor}: ${ms.toFixed(0)} ms — ${(ms / Math.max(small, 1)).toFixed(1)}× the time for ${factor}× the text (linear would be ~${factor}×)`,
  };
}

/**
 * The scaled shapes (scaled.mjs) at n and 4n: time in this thread, and, given `rss` (the path of a
 * built core), peak memory in fresh processes. Returns the figures and the violations.
 */
function scaledCheck(core, shape, n, rss) {
  const t = scaledTime(text => fullCheck(core, text), shape, n);
  const figures = { name: shape.name, n, mb4n: t.mb4n, msN: t.msN, ms4n: t.ms4n, timeRatio: t.ratio };
  const violations = [];
  if (t.bad) violations.push({ property: 'time', kind: 'superlinear', sig: `time:superlinear@${shape.name}`, message: `${shape.name} × ${n}: ${t.msN.toFixed(0)} ms; × ${4 * n}: ${t.ms4n.toFixed(0)} ms — ${t.ratio.toFixed(1)}× the time for 4× the input (bound ${(TIME_RATIO * 4).toFixed(0)}×)` });
  if (rss) {
    const m = scaledRss(rss, shape, n);
    Object.assign(figures, { rssN: m.rssN, rss4n: m.rss4n, rssRatio: m.ratio });
    if (m.bad) violations.push({ property: 'memory', kind: 'superlinear', sig: `memory:superlinear@${shape.name}`, message: `${shape.name} × ${n}: peak RSS +${m.rssN.toFixed(0)} MB; × ${4 * n} (${t.mb4n.toFixed(1)} MB): +${m.rss4n.toFixed(0)} MB — ${m.ratio.toFixed(1)}× for 4× the input (bound ${(RSS_RATIO * 4).toFixed(0)}×, and 64 MB + ${RSS_PER_BYTE} bytes per byte the input grew)` });
  }
  return { figures, violations };
}

/**
 * Re-measures a time failure (run.mjs does it on the main thread once the workers are done, so
 * that a case slowed by the load of the other workers is not reported). Returns the failure with
 * the new figures, or null when it no longer exceeds the budget.
 */
export function confirmTime(core, f, budget = DEFAULT_BUDGET) {
  if (f.property !== 'time') return f;
  if (f.kind === 'superlinear') {
    const h = hostileCases().find(x => x.name === f.hostile);
    const c = h?.make(core);
    if (c?.scaled) {
      const v = scaledCheck(core, c.scaled, f.scaledN ?? c.scaled.small, null).violations.find(x => x.property === 'time');
      return v ? { ...f, ...v, sig: f.sig } : null;
    }
    if (!c?.scaling) return f;
    const v = scaling(core, c.scaling, Infinity);
    return v ? { ...f, ...v, sig: f.sig } : null;
  }
  let text = f.text;
  if (text === undefined && f.hostile) text = hostileCases().find(x => x.name === f.hostile)?.make(core).text;
  if (text === undefined) return f;
  const kb = Buffer.byteLength(text, 'utf8') / 1024, limit = budget.base + budget.perKB * kb;
  let ms = Infinity;
  for (let k = 0; k < 3 && ms > limit; k++) ms = Math.min(ms, fullCheck(core, text).ms);
  if (ms <= limit) return null;
  return { ...f, ms, message: `${ms.toFixed(0)} ms for ${kb.toFixed(1)} KB (budget ${limit.toFixed(0)} ms; best of 3, re-measured alone)` };
}

/** The hostile inputs (all, or without the 50 MB file), each once. */
export function runHostile(core, { big = true, names = null, budget = DEFAULT_BUDGET, known = new Set(), minimise = true, onCase, scalingN = null, rss = null } = {}) {
  const stats = newStats(), failures = [];
  for (const h of hostileCases()) {
    if (h.big && !big) continue;
    if (names && !names.includes(h.name)) continue;
    let c;
    try { c = h.make(core); }
    catch (e) { failures.push({ property: 'no-throw', kind: `building ${h.name}`, sig: `no-throw:hostile:${h.name}`, message: String(e?.stack ?? e), origin: `hostile: ${h.name}` }); continue; }
    const r = checkCase(core, c, { budget });
    stats.cases++; stats.hostile++;
    note(stats, `hostile: ${h.name}`, r);
    if (c.scaling) {
      const sc = scalingN ? { ...c.scaling, n: scalingN } : c.scaling;
      const v = scaling(core, sc, sc.n === c.scaling.n ? r.ms : Infinity);
      if (v) r.violations.push(v);
    }
    if (c.scaled) {
      const n = big ? c.scaled.full : c.scaled.small;
      const s = scaledCheck(core, c.scaled, n, rss);
      stats.scaled.push(s.figures);
      for (const v of s.violations) r.violations.push({ ...v, scaledN: n });
    }
    onCase?.(h.name, r);
    for (const v of r.violations) {
      // Time is per input; any other violation is one bug, however many inputs show it.
      const sig = v.property === 'time' ? `${v.sig}@${h.name}` : v.sig;
      if (known.has(sig)) continue;
      known.add(sig);
      failures.push({ ...failureOf(v, `hostile: ${h.name}`, c, core, minimise), sig, hostile: h.name });
    }
    c = null;
  }
  return { stats, failures };
}

/**
 * `numRuns` random cases from fast-check with `seed`. A new kind of violation stops the run for
 * fast-check to shrink it; then the run goes on with the remaining cases, that violation known.
 */
export function runRandom(core, { numRuns, seed, budget = DEFAULT_BUDGET, known = new Set(), shrinkBudget = 600, minimise = true } = {}) {
  const stats = newStats(), failures = [];
  let s = seed;
  while (stats.cases < numRuns) {
    let target = null, shrinks = 0;
    const property = fc.property(caseArb, desc => {
      if (target !== null && ++shrinks > shrinkBudget) return true;
      const c = materialize(desc, core.decodeBytes);
      const r = checkCase(core, c, { budget, timing: target === null });
      if (target === null) { stats.cases++; note(stats, describe(desc), r); } else stats.shrinkRuns++;
      // A slow case is kept as it is (its time would not survive shrinking); the run goes on.
      const slow = target === null && r.violations.find(v => v.property === 'time' && !known.has(v.sig));
      if (slow) { known.add(slow.sig); failures.push({ ...failureOf(slow, describe(desc), c, core, false), seed: s, case: desc }); }
      const hit = target === null ? r.violations.find(v => v.property !== 'time' && !known.has(v.sig)) : r.violations.find(v => v.sig === target);
      if (!hit) return true;
      if (target === null) target = hit.sig;
      return false;
    });
    const out = fc.check(property, { numRuns: numRuns - stats.cases, seed: s });
    if (!out.failed) break;
    if (target === null) throw out.errorInstance ?? new Error(`fuzz harness error: ${out.error}`);
    const desc = out.counterexample[0];
    const c = materialize(desc, core.decodeBytes);
    const r = checkCase(core, c, { budget, timing: false });
    const v = r.violations.find(x => x.sig === target) ?? { property: target.split(':')[0], kind: target.split(':')[1], sig: target, message: '(did not reproduce after shrinking)' };
    known.add(target);
    failures.push({ ...failureOf(v, describe(desc), c, core, minimise), seed: s, counterexamplePath: out.counterexamplePath, case: desc });
    s = (s * 31 + 7) >>> 0;
  }
  return { stats, failures };
}

/** In-process fuzzing: the hostile inputs (without the 50 MB file unless `big`), then `cases` random cases. */
export function fuzz(core, { cases = 3000, seed = 20240601, big = false, hostile = true, budget = DEFAULT_BUDGET, minimise = true, scalingN = null, rss = null } = {}) {
  const known = new Set();
  const stats = newStats(), failures = [];
  if (hostile) {
    const h = runHostile(core, { big, budget, known, minimise, scalingN, rss });
    mergeStats(stats, h.stats); failures.push(...h.failures);
  }
  const r = runRandom(core, { numRuns: cases, seed, budget, known, minimise });
  mergeStats(stats, r.stats); failures.push(...r.failures);
  // A slow case counts only if it is slow again, measured on its own.
  const confirmed = failures.map(f => (f.property === 'time' ? confirmTime(core, f, budget) : f)).filter(Boolean);
  return { stats, failures: confirmed };
}

/** Re-checks a saved failure (test/fuzz/failures/*.json). */
export function replay(core, saved, { budget = DEFAULT_BUDGET } = {}) {
  let c;
  if (saved.text === undefined && saved.hostile) {
    const h = hostileCases().find(x => x.name === saved.hostile);
    c = h.make(core);
  } else {
    c = { text: saved.text, edits: saved.edits, merged: saved.merged, widen: saved.widen };
  }
  return checkCase(core, c, { budget });
}
