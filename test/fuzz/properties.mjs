// The properties every input must satisfy, checked on the core (`dist/core.js` or `core/src`).
// `checkCase` runs them all on one concrete case and returns the violations it found; nothing here
// throws. A violation has a `sig` (property and kind, plus where an exception came from) that
// identifies the bug, so that one bug hit by a thousand cases is reported once.

/** Findings of the four arithmetic relations. */
export const ARITHMETIC = new Set(['row-sum', 'column-sum', 'balance', 'appeals-sum']);

/** Time a check may take: `base` ms plus `perKB` ms per KiB of UTF-8. */
export const DEFAULT_BUDGET = { base: 50, perKB: 5 };

const FIGURE = /^[+\-－]?[0-9０-９]+(?:[.．,，][0-9０-９]+)*$/;
const FIGURE_LOOSE = /^[+\-－]?(?:[0-9０-９]+(?:[.．,，][0-9０-９]+)*[.．]?|[.．][0-9０-９]+)$/;
const NOT_APPLICABLE = /^(?:[/／\\＼]|[—–―-]+|－+|无|不适用|空)$/;
/** What a fix writes: a figure, in ASCII or full-width digits, with the sign and separators of the one it replaces. */
const NEW_FIGURE = /^[+＋-]?(?:[0-9]{1,3}(?:[,，][0-9]{3})*|[0-9]+|[０-９]{1,3}(?:[,，][０-９]{3})*|[０-９]+)(?:[.．][0-9０-９]+)?$/;
const FULL_WIDTH = /[０-９]/;
/** Whether the new figure keeps the old one's kind of digits (full-width stays full-width, ASCII ASCII). */
const sameDigits = (old, written) => !/[0-9０-９]/.test(old) || FULL_WIDTH.test(old) === FULL_WIDTH.test(written);
/** In an HTML page a figure may be written with character references (`&#48;`, `&#x30;`) or `&nbsp;`. */
const decodeRefs = s => s.replace(/&#(\d{1,7});/g, (_, d) => String.fromCodePoint(Math.min(0x10ffff, Number(d))))
  .replace(/&#x([0-9a-f]{1,6});/gi, (_, h) => String.fromCodePoint(Math.min(0x10ffff, parseInt(h, 16)))).replace(/&nbsp;/g, ' ').trim();
const isFigureText = (old, html) => {
  const t = html ? decodeRefs(old) : old;
  return t === '' || FIGURE.test(t) || NOT_APPLICABLE.test(t);
};

export const kbOf = text => Buffer.byteLength(text, 'utf8') / 1024;

/** Lines as LSP sees them: `\r\n`, lone `\r` and `\n` end a line; each line's length without its break. */
export function lineLengths(text) {
  const out = [];
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) { out.push(i - s); if (text.charCodeAt(i + 1) === 10) i++; s = i + 1; }
    else if (c === 10) { out.push(i - s); s = i + 1; }
  }
  out.push(text.length - s);
  return out;
}

/** Applies offset edits (sorted or not, never overlapping) to a text. */
export function applyOffsetEdits(text, edits) {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const e of sorted) { parts.push(text.slice(at, e.start), e.newText); at = Math.max(at, e.end); }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Where an exception was thrown: the first stack frame, with its function and file. */
export function frameOf(e) {
  const lines = String(e && e.stack || '').split('\n').slice(1).map(l => l.trim());
  const f = lines.find(l => !l.includes('test/fuzz/')) ?? lines[0] ?? '?';
  const m = /at (?:(\S+) )?\(?(.*?):(\d+):\d+\)?$/.exec(f);
  if (!m) return f;
  return `${m[1] ?? '<anon>'} ${m[2].split('/').slice(-2).join('/')}`;
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return { at: i, incremental: a.slice(Math.max(0, i - 80), i + 120), full: b.slice(Math.max(0, i - 80), i + 120) };
}

const clip = s => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

/**
 * One check of a text as the editor and the CLI do it: parse, the JSON with LSP ranges, fix-all.
 * Returns the results and the time taken.
 */
export function fullCheck(core, text) {
  const t0 = performance.now();
  const doc = core.ReportDocument.parse(text);
  const json = core.documentJson(doc, 'zh-CN');
  const edits = core.fixAllEdits(doc);
  return { doc, json, edits, ms: performance.now() - t0 };
}

/**
 * Checks one concrete case: `{ text, edits?: [{start, oldEnd, text}], merged?, widen?: [a, b],
 * decoded?, expectFindings? }`. Options: `budget` (time), `timing` (false to skip the time
 * property, e.g. while minimising). Returns `{ violations, ms, kb }`.
 */
export function checkCase(core, c, opts = {}) {
  const budget = opts.budget ?? DEFAULT_BUDGET;
  const violations = [];
  const fail = (property, kind, message, extra = {}) => violations.push({ property, kind, sig: `${property}:${kind}`, message, ...extra });
  const text = c.text;
  const kb = kbOf(text);

  if (c.decoded) {
    const d = c.decoded;
    if (typeof d.text !== 'string' || typeof d.binary !== 'boolean' || !['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'].includes(d.encoding)) {
      fail('decode', 'shape', `decodeBytes returned ${clip(JSON.stringify({ encoding: d.encoding, binary: d.binary, text: typeof d.text }))}`);
    }
    if (c.mustBeBinary && d.binary !== true) fail('decode', 'binary-not-flagged', `binary bytes decoded as ${d.encoding} text, binary: ${d.binary}`);
    if (c.expectedText !== undefined && d.text.replace(/\r\n/g, '\n') !== c.expectedText.replace(/\r\n/g, '\n')) {
      fail('decode', 'wrong-text', `decoding gave ${d.encoding} text that differs from the original report`);
    }
  }

  // 1. Never throws (parse, JSON, fix-all).
  let r;
  try { r = fullCheck(core, text); }
  catch (e) {
    const where = frameOf(e);
    violations.push({ property: 'no-throw', kind: `${e?.name ?? 'Error'} in ${where}`, sig: `no-throw:${e?.name}:${where}`, message: `${e?.name}: ${e?.message}`, stack: String(e?.stack ?? e).split('\n').slice(0, 8).join('\n') });
    return { violations, ms: 0, kb };
  }
  let ms = r.ms;

  // 2. Bounded time per KB: re-measured twice before it counts, so that a GC pause is not a failure.
  const limit = budget.base + budget.perKB * kb;
  if (opts.timing !== false && ms > limit) {
    for (let k = 0; k < 2 && ms > limit; k++) { try { ms = Math.min(ms, fullCheck(core, text).ms); } catch { break; } }
    if (ms > limit) fail('time', 'over-budget', `${ms.toFixed(0)} ms for ${kb.toFixed(1)} KB (budget ${limit.toFixed(0)} ms)`, { ms });
  }

  const { doc, json, edits } = r;
  try {
    checkRanges(core, text, doc, json, fail);
    if (c.expectFindings && json.diagnostics.length === 0) fail('not-silent', 'no-diagnostic', 'a hostile input produced no finding at all');
    if (c.expectFix) {
      const fx = core.allFindings(doc).map(p => p.finding).filter(f => ARITHMETIC.has(f.code) && f.fix);
      const ok = fx.some(f => f.fix.key === c.expectFix.key && f.fix.newText === c.expectFix.newText);
      if (!ok) fail('arithmetic', 'wrong-or-missing-fix', `a fix writing ${c.expectFix.newText} into ${c.expectFix.key} is wanted; got ${fx.length ? fx.map(f => `${f.code}: ${f.fix.newText} into ${f.fix.key}`).join(', ') : 'no arithmetic finding'}`);
    }
    if (c.expectNoArithmetic) {
      const wrong = json.diagnostics.filter(d => ARITHMETIC.has(d.code));
      if (wrong.length) fail('arithmetic', 'false-error', `a table that adds up is reported wrong: ${wrong.map(d => `${d.code}: ${d.message}`).join(' | ').slice(0, 400)}`);
    }
    checkFixEdits(core, text, doc, edits, fail);
    if (edits.length) checkFixAll(core, text, doc, edits, fail);
    if (c.edits?.length) checkIncremental(core, c, doc, fail);
  } catch (e) {
    const where = frameOf(e);
    violations.push({ property: 'no-throw', kind: `${e?.name ?? 'Error'} in ${where}`, sig: `no-throw:${e?.name}:${where}`, message: `${e?.name}: ${e?.message}`, stack: String(e?.stack ?? e).split('\n').slice(0, 8).join('\n') });
  }
  return { violations, ms, kb };
}

/** 3. Every range inside the document: LSP ranges of the JSON, and the raw offsets behind them. */
function checkRanges(core, text, doc, json, fail) {
  const lens = lineLengths(text);
  const pos = (p, what) => {
    if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) { fail('ranges', 'not-a-position', `${what}: ${JSON.stringify(p)}`); return false; }
    if (p.line >= lens.length) { fail('ranges', 'line-past-end', `${what}: line ${p.line} of ${lens.length}`); return false; }
    if (p.character > lens[p.line]) {
      const eolAt = text.charCodeAt(lineStart(text, p.line) + lens[p.line]) === 13 && p.character === lens[p.line] + 1;
      fail('ranges', eolAt ? 'between-cr-lf' : 'character-past-eol', `${what}: ${p.line}:${p.character}, line length ${lens[p.line]}`);
      return false;
    }
    return true;
  };
  const range = (r, what) => {
    if (!r) { fail('ranges', 'missing', what); return; }
    if (pos(r.start, `${what}.start`) && pos(r.end, `${what}.end`)) {
      if (r.end.line < r.start.line || (r.end.line === r.start.line && r.end.character < r.start.character)) fail('ranges', 'reversed', `${what}: ${JSON.stringify(r)}`);
    }
  };
  json.reports.forEach((rep, i) => {
    range(rep.range, `reports[${i}].range`);
    rep.sections.forEach((s, k) => range(s.range, `reports[${i}].sections[${k}]`));
    for (const [key, cell] of Object.entries(rep.cells)) range(cell.range, `reports[${i}].cells.${key}`);
  });
  json.diagnostics.forEach((d, i) => range(d.range, `diagnostics[${i}] (${d.code})`));

  // The raw offsets: clamping in documentJson must not be what keeps a range inside the document.
  const placed = doc.reports();
  const L = text.length;
  placed.forEach((p, i) => {
    const end = i + 1 < placed.length ? placed[i + 1].base : L;
    if (!(p.base >= 0 && p.base <= end && end <= L)) { fail('ranges', 'report-base', `report ${i} at ${p.base}..${end} of ${L}`); return; }
    const inside = (s, e, what) => {
      if (!(Number.isInteger(s) && Number.isInteger(e))) fail('ranges', 'offset-not-integer', `${what}: ${s}..${e}`);
      else if (p.base + s < p.base || p.base + e > end || p.base + s > end) fail('ranges', 'offset-outside-report', `${what}: ${p.base + s}..${p.base + e}, report ${i} is ${p.base}..${end}`);
    };
    for (const c of p.report.cells.values()) {
      inside(c.start, c.end, `cell ${c.key}`);
      if (c.end < c.start) fail('ranges', 'cell-reversed', `cell ${c.key}: ${c.start}..${c.end}`);
    }
    for (const f of p.findings) inside(f.start, Math.max(f.start, f.end), `finding ${f.code}`);
  });
}

function lineStart(text, line) {
  let l = 0, i = 0;
  while (l < line && i < text.length) {
    const c = text.charCodeAt(i++);
    if (c === 13) { if (text.charCodeAt(i) === 10) i++; l++; } else if (c === 10) l++;
  }
  return i;
}

/** 4. Every fix edit replaces exactly the figure of its target cell with a figure; fix-all edits are sorted and disjoint. */
function checkFixEdits(core, text, doc, edits, fail) {
  const placed = doc.reports();
  for (const p of core.allFindings(doc)) {
    const e = core.fixEdit(doc, p);
    if (!e) continue;
    const f = p.finding;
    const where = `${f.code} fix of ${f.fix.key}`;
    if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) { fail('fix-digits', 'edit-outside-document', `${where}: ${e.start}..${e.end} of ${text.length}`); continue; }
    const cell = placed[p.report].report.cells.get(f.fix.key);
    if (!cell) { fail('fix-digits', 'no-target-cell', `${where}: the report has no cell ${f.fix.key}`); continue; }
    if (p.base + cell.start !== e.start || p.base + cell.end !== e.end) fail('fix-digits', 'not-the-target-cell', `${where}: edit ${e.start}..${e.end}, cell at ${p.base + cell.start}..${p.base + cell.end}`);
    const old = text.slice(e.start, e.end);
    if (!isFigureText(old, doc.html)) {
      fail('fix-digits', FIGURE_LOOSE.test(old) ? 'replaces-malformed-figure' : 'replaces-non-figure', `${where}: replaces ${JSON.stringify(clip(old))} with ${JSON.stringify(e.newText)}`, { at: e.start });
    }
    const written = doc.html ? decodeRefs(e.newText) : e.newText;
    if (!NEW_FIGURE.test(written)) fail('fix-digits', 'writes-non-figure', `${where}: writes ${JSON.stringify(clip(e.newText))}`);
    else if (!sameDigits(doc.html ? decodeRefs(old) : old, written)) fail('fix-digits', 'changes-digit-style', `${where}: replaces ${JSON.stringify(clip(old))} with ${JSON.stringify(e.newText)}`);
  }
  // Fix-all may settle on other values than the single fixes (it re-checks until nothing changes),
  // but each of its edits still replaces the figure of one cell of its report with a figure.
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i];
    if (i > 0 && e.start < edits[i - 1].end) fail('fix-digits', 'fix-all-overlap', `fix-all edits overlap: ${JSON.stringify(edits[i - 1])} and ${JSON.stringify(e)}`);
    if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) { fail('fix-digits', 'edit-outside-document', `fix-all edit ${e.start}..${e.end} of ${text.length}`); continue; }
    const k = doc.chunkAt(e.start);
    let cell = null;
    for (const p of [placed[k], placed[k - 1]]) {
      if (p) for (const c of p.report.cells.values()) if (p.base + c.start === e.start && p.base + c.end === e.end) { cell = c; break; }
      if (cell) break;
    }
    if (!cell) fail('fix-digits', 'fix-all-edit-not-a-cell', `fix-all edit ${JSON.stringify(e)} is not on the figure of a cell`);
    const old = text.slice(e.start, e.end);
    if (!isFigureText(old, doc.html)) fail('fix-digits', FIGURE_LOOSE.test(old) ? 'replaces-malformed-figure' : 'replaces-non-figure', `fix-all edit of ${cell?.key ?? '?'}: replaces ${JSON.stringify(clip(old))} with ${JSON.stringify(e.newText)}`);
    const written = doc.html ? decodeRefs(e.newText) : e.newText;
    if (!NEW_FIGURE.test(written)) fail('fix-digits', 'writes-non-figure', `fix-all edit of ${cell?.key ?? '?'}: writes ${JSON.stringify(clip(e.newText))}`);
    else if (!sameDigits(doc.html ? decodeRefs(old) : old, written)) fail('fix-digits', 'changes-digit-style', `fix-all edit of ${cell?.key ?? '?'}: replaces ${JSON.stringify(clip(old))} with ${JSON.stringify(e.newText)}`);
  }
}

/**
 * 5. Fix-all: applying it changes the target cells and nothing else the parser reads; a second
 * fix-all changes nothing; a report whose every failing relation had a located (certain) fix is
 * left with no arithmetic error.
 */
function checkFixAll(core, text, doc, edits, fail) {
  const fixed = applyOffsetEdits(text, edits);
  // Characters outside the edits are untouched (the edits are in bounds and disjoint, checked above).
  let prefixOk = true;
  for (const e of edits) if (!(e.start >= 0 && e.end <= text.length && e.start <= e.end)) prefixOk = false;
  if (!prefixOk) return;
  const doc1 = core.ReportDocument.parse(fixed);
  const before = doc.reports(), after = doc1.reports();
  if (before.length !== after.length) {
    fail('fix-digits', 'segmentation-changed', `fix-all turned ${before.length} reports into ${after.length}`);
  } else {
    const targets = new Map(edits.map(e => [e.start, e]));
    before.forEach((p, i) => {
      const q = after[i];
      for (const c of p.report.cells.values()) {
        const n = q.report.cells.get(c.key);
        const e = targets.get(p.base + c.start);
        const targeted = e && e.end === p.base + c.end;
        if (targeted) {
          // The value the fix meant (it is written in the cell's style: `+7`, `１,２００`, `&#55;`).
          const meant = core.readValue(doc.html ? decodeRefs(e.newText) : e.newText).value;
          if (!n || n.kind !== 'number' || n.value !== meant) fail('fix-digits', 'target-not-set', `${c.key}: fix wrote ${JSON.stringify(e.newText)} over ${JSON.stringify(c.text)}, re-read as ${n ? `${n.kind} ${JSON.stringify(n.text)}` : 'missing'}`);
        } else if (!n || n.kind !== c.kind || n.value !== c.value) {
          fail('fix-digits', 'other-cell-changed', `${c.key} was ${c.kind} ${JSON.stringify(c.text)}, after fix-all ${n ? `${n.kind} ${JSON.stringify(n.text)}` : 'missing'}`);
        }
      }
    });
  }
  const edits2 = core.fixAllEdits(doc1);
  const twice = applyOffsetEdits(fixed, edits2);
  if (twice !== fixed) {
    const changed = edits2.filter(e => fixed.slice(e.start, e.end) !== e.newText).map(e => `${JSON.stringify(fixed.slice(e.start, e.end))}→${JSON.stringify(e.newText)} at ${e.start}`);
    fail('fix-idempotent', 'second-pass-changes', `after fix-all, a second fix-all still edits: ${changed.slice(0, 4).join('; ')}`);
  }
  if (before.length === after.length) {
    before.forEach((p, i) => {
      const arith = p.findings.filter(f => ARITHMETIC.has(f.code));
      if (!arith.length || !arith.every(f => f.fix && f.fix.certain)) return;
      const left = after[i].findings.filter(f => ARITHMETIC.has(f.code));
      if (left.length) fail('fix-arithmetic', 'error-left', `report ${i}: every relation had a located fix, yet after fix-all: ${left.map(f => `${f.code} ${f.message.en}`).join(' | ')}`);
    });
  }
}

/**
 * The region of the old text an edit sequence replaced, folded as the server folds keystrokes
 * (server/src/state.ts), then widened by `widen` (a wider region describes the same change).
 */
export function foldEdits(oldLength, edits, widen = [0, 0]) {
  let d = null, len = oldLength;
  for (const e of edits) {
    const a = e.start, b = e.oldEnd, n = e.text.length;
    if (!d) d = { start: a, oldEnd: b, curEnd: b };
    if (a < d.start) d.start = a;
    if (b > d.curEnd) { d.oldEnd += b - d.curEnd; d.curEnd = b; }
    d.curEnd += n - (b - a);
    len += n - (b - a);
  }
  const start = Math.max(0, d.start - widen[0]);
  const grow = Math.min(widen[1], oldLength - d.oldEnd, len - d.curEnd);
  return { start, oldEnd: d.oldEnd + Math.max(0, grow), curEnd: d.curEnd + Math.max(0, grow) };
}

/** 6. Incremental == full: the edits through `update` give the same JSON (and fix-all) as parsing the final text. */
function checkIncremental(core, c, doc, fail) {
  let text = c.text, d = doc;
  if (!c.merged) {
    for (const e of c.edits) {
      const next = text.slice(0, e.start) + e.text + text.slice(e.oldEnd);
      d = d.update(next, e.start, e.oldEnd, e.text.length);
      text = next;
    }
  } else {
    for (const e of c.edits) text = text.slice(0, e.start) + e.text + text.slice(e.oldEnd);
    const r = foldEdits(c.text.length, c.edits, c.widen);
    d = d.update(text, r.start, r.oldEnd, r.curEnd - r.start);
  }
  const full = core.ReportDocument.parse(text);
  const a = JSON.stringify(core.documentJson(d, 'zh-CN')), b = JSON.stringify(core.documentJson(full, 'zh-CN'));
  if (a !== b) {
    const diff = firstDifference(a, b);
    fail('incremental', 'differs-from-full', `incremental and full parse differ at JSON char ${diff.at} (${d.reports().length} vs ${full.reports().length} reports)`, { diff });
    return;
  }
  const fa = JSON.stringify(core.fixAllEdits(d)), fb = JSON.stringify(core.fixAllEdits(full));
  if (fa !== fb) fail('incremental', 'fix-all-differs', `fix-all differs: ${clip(fa)} vs ${clip(fb)}`);
}
