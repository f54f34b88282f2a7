// The hostile inputs of issue 6, each run once per fuzz run: empty and binary files, GBK bytes,
// a 300 KB single line, a 50 MB file, labels repeated ten thousand times, 30-digit numbers,
// full-width digits, CRLF and lone CR, NUL bytes and lone surrogates, truncated, shuffled and
// duplicated reports. `make(core)` builds the concrete case lazily (the 50 MB one is big).
import { corpus } from './corpus.mjs';
import { rng, STRUCTURE_LINES } from './cases.mjs';
import { SHAPES } from './scaled.mjs';

const FW = s => s.replace(/[0-9]/g, d => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** `n` bytes of UTF-8 text made by repeating `unit` (cut on a character boundary). */
function toBytes(unit, n) {
  let s = unit;
  while (Buffer.byteLength(s) < n) s += s;
  let b = Buffer.from(s);
  b = b.subarray(0, n);
  // Drop a trailing partial character.
  let end = b.length;
  while (end > 0 && (b[end - 1] & 0xc0) === 0x80) end--;
  if (end > 0 && b[end - 1] >= 0xc0) end--;
  return Buffer.from(b.subarray(0, end === 0 ? b.length : end)).toString('utf8');
}

function shuffledLines(text, seed) {
  const lines = text.split(/(?<=\n)/);
  const r = rng(seed);
  for (let i = lines.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [lines[i], lines[j]] = [lines[j], lines[i]]; }
  return lines.join('');
}

function randomBytes(n, seed) {
  const r = rng(seed), b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
}

/** Labels and headings the parser searches for, each to be repeated ten thousand times. */
const REPEATED = ['（一）1.', '（一）1.\n', '行政复议', '行政复议\n', '行政复议行政诉讼', '结果维持', '总计', '其他', '（七）总计', '一、总体情况\n', '一、总体情况',
  '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况\n', '第二十条第（一）项', '政府信息公开工作年度报告\n', '政府信息公开', '予以公开', '1.',
  '(', '（', '(jì', '|', ' | ', '0', '0 ', '0|', '0\n', '-', '—', '/', '１', '1,', '1.', '.', '标题:', '本列数据的勾稽关系', '申请人无正当理由逾期不补正', '<td>', '<tr><td>1</td>', '&#', '&nbsp;'];

export function hostileCases() {
  const { seeds, docs, encodings } = corpus();
  const all = docs.map(d => d.text);
  const s0 = seeds[0].text;
  const cases = [];
  const add = (name, make, opts = {}) => cases.push({ name, make, ...opts });
  const expect = text => ({ text, expectFindings: true });

  add('empty text', () => expect(''));
  for (const [n, t] of [['BOM only', '\ufeff'], ['CRLF only', '\r\n'], ['lone CR only', '\r'], ['NUL only', '\0'], ['spaces only', ' \u3000\t'], ['lone surrogate only', '\ud800']]) add(n, () => expect(t));
  add('empty bytes through decodeBytes', core => { const d = core.decodeBytes(new Uint8Array(0)); return { ...expect(d.text), decoded: d }; });
  add('binary bytes (64 KB noise) through decodeBytes', core => { const d = core.decodeBytes(randomBytes(65536, 1)); return { ...expect(d.text), decoded: d, mustBeBinary: true }; });
  add('binary bytes (PNG header + noise) through decodeBytes', core => {
    const b = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...randomBytes(4000, 2)]);
    const d = core.decodeBytes(b); return { ...expect(d.text), decoded: d, mustBeBinary: true };
  });
  add('NUL bytes (4 KB) through decodeBytes', core => { const d = core.decodeBytes(new Uint8Array(4096)); return { ...expect(d.text), decoded: d, mustBeBinary: true }; });
  for (const e of encodings) {
    const original = seeds.find(s => s.name.startsWith(`seeds/${e.name.slice('encodings/'.length, 'encodings/'.length + 3)}`));
    add(`${e.name} through decodeBytes`, core => { const d = core.decodeBytes(e.bytes); return { text: d.text, decoded: d, expectedText: original?.text }; });
    add(`${e.name} cut at an odd byte`, core => { const d = core.decodeBytes(e.bytes.subarray(0, e.bytes.length - 1 - (e.bytes.length % 2))); return { text: d.text, decoded: d }; });
  }
  add('random GBK double bytes through decodeBytes', core => {
    const r = rng(3), b = new Uint8Array(20000);
    for (let i = 0; i < b.length; i += 2) { b[i] = 0x81 + Math.floor(r() * 0x7e); b[i + 1] = 0x40 + Math.floor(r() * 0xbf); }
    const d = core.decodeBytes(b); return { ...expect(d.text), decoded: d };
  });
  add('300 KB single line (all reports flattened)', () => expect(toBytes(all.join(' ').replace(/\r\n|\r|\n/g, ' '), 300 * 1024)));
  add('300 KB single line, no spaces', () => expect(toBytes(all.join('').replace(/\s+/g, ''), 300 * 1024)));
  add('300 KB single line of figures and pipes', () => expect(toBytes('0 | 12 | 3 |', 300 * 1024)));
  add('300 KB single line with edits', () => {
    const text = toBytes(all.join(' ').replace(/\r\n|\r|\n/g, ' '), 300 * 1024);
    return { text, edits: [{ start: 1000, oldEnd: 1001, text: '7' }, { start: 150000, oldEnd: 150000, text: '\n' }, { start: 5, oldEnd: 5, text: '2023年政府信息公开工作年度报告\n' }], merged: false };
  });
  // Each label ten thousand times; and 5,000 against 40,000 times: time must grow linearly (no regex backtracking or rescans).
  for (const w of REPEATED) add(`${JSON.stringify(w)} repeated 10,000 times`, () => ({ ...expect(w.repeat(10000)), scaling: { unit: w, n: 5000, factor: 8 } }));
  add('"（一）1." repeated 10,000 times, edited', () => ({ text: '（一）1.'.repeat(10000), edits: [{ start: 25000, oldEnd: 25000, text: '\n一、总体情况\n' }, { start: 0, oldEnd: 3, text: '' }], merged: true, widen: [0, 0] }));
  add('30-digit numbers in every cell', () => expect(all.slice(0, 5).map(t => t.replace(/[0-9]+/g, '123456789012345678901234567890')).join('\n')));
  add('30-digit figures in the seed\'s lone-figure cells', () => expect(s0.replace(/(^|\n)(0)(?=\s*\|?\s*(\n|$))/g, '$1999999999999999999999999999999')));
  // A correct table whose figures have 30 digits: exact arithmetic finds nothing wrong, and nothing to fix.
  add('30-digit figures that add up', core => {
    const X = '123456789012345678901234567890';
    const placed = core.ReportDocument.parse(s0).reports()[0];
    const keys = ['requests.new.natural', 'requests.new.total', 'requests.granted.natural', 'requests.granted.total', 'requests.total.natural', 'requests.total.total'];
    const cells = keys.map(k => placed.report.cells.get(k)).filter(c => c && c.kind === 'number').sort((a, b) => b.start - a.start);
    let text = s0;
    for (const c of cells) text = text.slice(0, placed.base + c.start) + X + text.slice(placed.base + c.end);
    return { text, expectNoArithmetic: cells.length === keys.length };
  });
  // The same table with one total off by one in the 30th digit: a row-sum error, and its fix restores X.
  add('30-digit figures, a total off by one', core => {
    const X = '123456789012345678901234567890', Y = '123456789012345678901234567891';
    const placed = core.ReportDocument.parse(s0).reports()[0];
    const keys = ['requests.new.natural', 'requests.new.total', 'requests.granted.natural', 'requests.granted.total', 'requests.total.natural', 'requests.total.total'];
    const cells = keys.map(k => placed.report.cells.get(k)).filter(c => c && c.kind === 'number').sort((a, b) => b.start - a.start);
    let text = s0;
    for (const c of cells) text = text.slice(0, placed.base + c.start) + (c.key === 'requests.new.total' ? Y : X) + text.slice(placed.base + c.end);
    return { text, expectFix: cells.length === keys.length ? { key: 'requests.new.total', newText: X } : undefined };
  });
  add('full-width digits everywhere', () => expect(all.map(FW).join('\n')));
  add('CRLF everywhere', () => expect(all.map(t => t.replace(/\r?\n/g, '\r\n')).join('\r\n')));
  add('lone CR everywhere', () => expect(all.map(t => t.replace(/\r?\n/g, '\r')).join('\r')));
  add('mixed \\n\\r and \\r\\r line ends', () => ({ text: s0.replace(/\n/g, (_, i) => ['\n\r', '\r\r', '\r\n', '\n'][i % 4]) }));
  add('NUL bytes for spaces', () => expect(all.map(t => t.replace(/ /g, '\0')).join('\n')));
  add('NUL byte after every character', () => ({ text: s0.split('').join('\0') }));
  add('lone surrogates for every 件 and 项', () => expect(all.map(t => t.replace(/件/g, '\ud800').replace(/项/g, '\udfff')).join('\n')));
  add('surrogate pair split by an edit', () => ({ text: `😀${s0}😀`, edits: [{ start: 1, oldEnd: 1, text: 'x' }, { start: s0.length + 3, oldEnd: s0.length + 4, text: '' }], merged: false }));
  add('every report truncated every 97 characters (concatenated)', () => expect(all.map(t => t.slice(0, 97 + (t.length % 997))).join('\n')));
  // A shuffled report may read as a clean one; only the properties apply, not "a finding at all".
  for (const [i, d] of docs.slice(0, 5).entries()) add(`${d.name} lines shuffled`, () => ({ text: shuffledLines(d.text, i + 7) }));
  add('every report duplicated back to back', () => expect(all.map(t => t + t).join('\n')));
  add('a table block duplicated ten times', () => { const a = s0.indexOf('三、'), b = s0.indexOf('四、'); return expect(s0.slice(0, b) + s0.slice(a, b).repeat(10) + s0.slice(b)); });
  add('the compilation of all reports, 20 times, edited in the middle', () => {
    const text = Array.from({ length: 20 }, () => all.join('\n')).join('\n');
    const mid = text.indexOf('总计', text.length >> 1);
    return { text, edits: [{ start: mid, oldEnd: mid + 2, text: '合计' }, { start: mid - 500, oldEnd: mid - 500, text: '\n2023年政府信息公开工作年度报告\n一、总体情况\n' }], merged: false };
  });
  add('HTML: 100,000 empty cells', () => expect(`<table><tr>${'<td></td>'.repeat(100000)}</tr></table>`));
  add('HTML: 10,000 nested divs', () => expect(`${'<div>'.repeat(10000)}总计 1${'</div>'.repeat(10000)}`));
  add('HTML: unterminated tag and entity at the end', () => expect(`<table><tr><td>${s0}</td><td>&#12`));
  // Issue 15's HTML that grew faster than its size, at 4 × the in-suite n; `scaled`: checked again at n and 4n for time and memory.
  for (const s of SHAPES) add(s.name, () => ({ ...expect(s.build(4 * s.small)), scaled: s }));
  add('structure lines, each 1,000 times', () => expect(STRUCTURE_LINES.map(l => `${l}\n`.repeat(1000)).join('')));
  cases.push({
    name: '50 MB file (a compilation of every report) through decodeBytes', big: true,
    make: core => {
      const unit = Buffer.from(`${all.join('\n')}\n`);
      const n = Math.ceil(50 * 1024 * 1024 / unit.length);
      const b = Buffer.alloc(n * unit.length);
      for (let i = 0; i < n; i++) unit.copy(b, i * unit.length);
      const d = core.decodeBytes(b);
      return { ...expect(d.text), decoded: d };
    },
  });
  return cases;
}
