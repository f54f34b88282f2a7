import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ReportDocument, type Finding, type Report } from '../../core/src';
import { fixturePath } from '../support/fixtures';

/**
 * corpus/real2 as published (test/fixtures/real2, byte for byte), file by file against its
 * MANIFEST.tsv: the relations that really fail, the structural errors that are really there, and
 * how much of each table is read. The manifest is hand-checked; this test reads it, it does not
 * restate it.
 */
const DIR = (name: string) => fixturePath('real2', name);
const MANIFEST = readFileSync(DIR('MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map(line => {
  const [file, , body, year, template, layout, complete, expected, notes] = line.split('\t');
  return { file, body, year, template, layout, complete, expected, notes };
});

const ARITHMETIC = new Set(['row-sum', 'column-sum', 'balance', 'appeals-sum']);
const STRUCTURE = new Set(['missing-table', 'section-order', 'missing-section']);

const parse = (file: string) => ReportDocument.parse(readFileSync(DIR(file), 'utf8')).reports();
const errors = (fs: Finding[]) => fs.filter(f => f.severity === 'error');

/** The relations the manifest says fail (`row-sum:requests.new.total(7)` …), as a code, a key pattern and the expected value. */
function expectedFailures(expected: string): { code: string; key: RegExp; value?: string }[] {
  return expected.split(';').map(s => s.trim()).filter(s => /^(row|col|column|balance|appeals)/.test(s)).map(s => {
    const m = /^(row-sum|col-sum|column-sum|balance|appeals-sum):([\w.{}|*]+)(?:\(([-\d.]+)\))?/.exec(s)!;
    const key = new RegExp('^' + m[2].replace(/\./g, '\\.').replace(/\{([^}]*)\}/, '($1)').replace(/\*/g, '[^.]+'));
    return { code: m[1] === 'col-sum' ? 'column-sum' : m[1], key, value: m[3] };
  });
}

/** Whether a cell of `requests` or `appeals` is known: a figure, or a blank or `/` placed with certainty. */
const known = (report: Report) => {
  let all = 0, yes = 0;
  for (const [k, c] of report.cells) {
    if (!/^(requests|appeals)\./.test(k)) continue;
    all++;
    if (c.kind === 'number' || c.kind === 'blank' || c.kind === 'not-applicable') yes++;
  }
  return { all, yes };
};

describe('corpus/real2 against its manifest', () => {
  it('the manifest lists every fixture, 31 files', () => {
    assert.equal(MANIFEST.length, 31);
  });

  for (const m of MANIFEST) {
    describe(m.file, () => {
      const reports = parse(m.file);
      const findings = reports.flatMap(r => r.findings);

      it('one report, the manifest\'s year and format', () => {
        assert.equal(reports.length, 1);
        const r = reports[0].report;
        assert.equal(r.year, Number(m.year), 'year from the title');
        if (m.template === '2019' || m.template === '2021') assert.equal(r.tables.find(t => t.id === 'requests')?.template ?? r.template, m.template);
      });

      it('each relation the manifest says fails is reported on its cell, and no other arithmetic error', () => {
        const want = expectedFailures(m.expected);
        const errs = errors(findings).filter(f => ARITHMETIC.has(f.code));
        for (const w of want) {
          assert.ok(errs.some(f => f.code === w.code && f.cells.some(k => w.key.test(k)) && (!w.value || f.expected === w.value)), `${w.code} ${w.key}`);
        }
        const stray = errs.filter(f => !want.some(w => w.code === f.code && f.cells.some(k => w.key.test(k))));
        assert.deepEqual(stray.map(f => `${f.code} ${f.cells[0]}`), []);
      });

      it('structural errors only where the manifest names them, and those are reported', () => {
        const allowed = new Set((/structure:([\w,-]+)/.exec(m.expected)?.[1] ?? '').split(',').filter(Boolean));
        const got = errors(findings).filter(f => STRUCTURE.has(f.code));
        assert.deepEqual(got.filter(f => !allowed.has(f.code)).map(f => f.message.zh), []);
        for (const code of allowed) assert.ok(got.some(f => f.code === code), `${code} expected`);
      });

      it('every requests and appeals cell keyed, at least 85% of them known', () => {
        const r = reports[0].report;
        const { all, yes } = known(r);
        // Every cell keyed: 23 request rows of 7 in the 2019 format, 25 in 2021, and the 15 of appeals.
        assert.equal(all, (r.tables.find(t => t.id === 'requests')!.template === '2019' ? 23 : 25) * 7 + 15);
        assert.ok(yes / all >= 0.85, `${yes} of ${all} known`);
      });
    });
  }

  it('at least 95% of all requests and appeals cells are known', () => {
    let all = 0, yes = 0;
    for (const m of MANIFEST) { const k = known(parse(m.file)[0].report); all += k.all; yes += k.yes; }
    assert.ok(yes / all >= 0.95, `${yes} of ${all}`);
  });

  it('putian-215: the lone 1s of rows with every other cell left out stay unknown (1 or blank), their 总计 solved', () => {
    const r = parse('putian-215.txt')[0].report;
    const unknown = [...r.cells.values()].filter(c => c.kind === 'unknown').map(c => c.key);
    const rows = new Set(unknown.map(k => k.split('.')[1]));
    assert.deepEqual([...rows].sort(), ['new', 'total', 'unable1']);
    for (const row of rows) {
      assert.equal(r.cells.get(`requests.${row}.total`)!.value, '1');
      assert.deepEqual([...new Set(unknown.filter(k => k.includes(`.${row}.`)).flatMap(k => r.cells.get(k)!.candidates!))].sort(), ['1', 'blank']);
    }
  });

  it('section 六 is missing only in pingtan-203 (the manifest says so), and 二 only in putian-203', () => {
    for (const m of MANIFEST) {
      const numbers = new Set(parse(m.file)[0].report.sections.map(s => s.number));
      const missing = [1, 2, 3, 4, 5, 6].filter(n => !numbers.has(n));
      const want = m.file === 'pingtan-203.txt' ? [6] : m.file === 'putian-203.txt' ? [2] : [];
      assert.deepEqual(missing, want, m.file);
    }
  });
});

describe('corpus/real2: the published HTML and its text twin give the same cells', () => {
  const say = (r: Report, k: string) => { const c = r.cells.get(k); return !c ? 'none' : c.kind === 'number' ? c.value! : c.kind; };
  for (const twin of ['putian-207', 'putian-208', 'putian-216']) {
    it(twin, () => {
      const text = parse(`${twin}.txt`)[0].report, html = parse(`${twin}.html`)[0].report;
      const keys = [...new Set([...text.cells.keys(), ...html.cells.keys()])];
      assert.ok(keys.length >= 190);
      // Requests and appeals: every cell the same in both.
      const tables = keys.filter(k => /^(requests|appeals)\./.test(k));
      assert.deepEqual(tables.filter(k => say(text, k) !== say(html, k)), []);
      // The proactive-disclosure table: where the text is sure, it agrees with the page; the page knows every cell.
      const active = keys.filter(k => k.startsWith('active.'));
      assert.deepEqual(active.filter(k => say(html, k) === 'unknown'), []);
      assert.deepEqual(active.filter(k => say(text, k) !== 'unknown' && say(text, k) !== say(html, k)), []);
    });
  }

  it('putian-208: the collapsed rows read as the page shows them (13/0/13 → 13,0,0,0,0,0,13; appeals 1/0/1/0 → review 1|0|0|0|1)', () => {
    const r = parse('putian-208.txt')[0].report;
    const row = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'].map(c => say(r, `requests.new.${c}`));
    assert.deepEqual(row, ['13', '0', '0', '0', '0', '0', '13']);
    assert.deepEqual(['upheld', 'corrected', 'other', 'pending', 'total'].map(c => say(r, `appeals.review.${c}`)), ['1', '0', '0', '0', '1']);
    assert.equal(r.cells.get('requests.new.total')!.provenance, 'solved');
  });
});

describe('corpus/real2: corrupting a solved cell is reported', () => {
  // Each cell read from a collapsed or glued run: its first figure + 3 in the text, as the seeds' mutation test does.
  it('every corruption raises an error, or leaves that cell unknown under an uncertain-cells warning; at least 99% raise an error', function () {
    this.timeout(120_000);
    let cases = 0, detected = 0;
    const silent: string[] = [];
    for (const m of MANIFEST.filter(x => x.file.endsWith('.txt'))) {
      const text = readFileSync(DIR(m.file), 'utf8');
      const { base, report } = ReportDocument.parse(text).reports()[0];
      const seen = new Set<string>();
      for (const c of report.cells.values()) {
        if (!/^(requests|appeals)\./.test(c.key) || c.kind !== 'number' || (c.provenance !== 'solved' && c.provenance !== 'layout')) continue;
        if (seen.has(`${c.start}:${c.end}`)) continue;
        seen.add(`${c.start}:${c.end}`);
        const raw = text.slice(base + c.start, base + c.end);
        const mutated = text.slice(0, base + c.start) + raw.replace(/\d+/, d => String(Number(d) + 3)) + text.slice(base + c.end);
        const after = ReportDocument.parse(mutated).reports()[0];
        cases++;
        if (errors(after.findings).length) { detected++; continue; }
        const cell = after.report.cells.get(c.key)!;
        const doubt = after.findings.find(f => f.code === 'uncertain-cells' && f.cells.includes(c.key));
        if (cell.kind !== 'unknown' || !doubt) silent.push(`${m.file} ${c.key}`);
      }
    }
    assert.ok(cases > 2000, `${cases} corruptions`);
    assert.deepEqual(silent, []);
    assert.ok(detected / cases >= 0.99, `${detected} of ${cases} raise an error`);
  });
});
