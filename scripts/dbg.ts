import { readFileSync } from 'fs';
import { parseReport } from '../core/src/parse/report';
for (const f of process.argv.slice(2)) {
  const t = readFileSync(f, 'utf8');
  const r = parseReport(t);
  const keys = [...r.cells.keys()];
  console.log(f.split('/').pop(), 'title=', r.title, 'year=', r.year, 'tpl=', r.template, 'secs=', r.sections.map(s => s.number + (s.writtenNumber === s.number ? '' : `(${s.writtenNumber})`)).join(','),
    'req=', keys.filter(k => k.startsWith('requests.')).length, 'app=', keys.filter(k => k.startsWith('appeals.')).length, 'act=', keys.filter(k => k.startsWith('active.')).length);
  for (const tb of r.tables) { const bad = tb.rows.filter(x => x.problem); if (tb.missingRows.length || bad.length) console.log('  ', tb.id, tb.template, 'missing', tb.missingRows.join(','), 'problems', bad.map(b => b.key + ':' + b.problem + b.found).join(','), tb.truncated ? 'TRUNC' : ''); }
  if (process.env.V) for (const c of r.cells.values()) console.log('   ', c.key, c.kind, c.value, JSON.stringify(t.slice(c.start, c.end)));
}
