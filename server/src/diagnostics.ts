import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { cellName, type AcrossFinding, type Finding, type Message, type ReportDocument, type Severity } from '../../core/src';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { severityOf, type Settings } from './settings';
import { pick } from './l10n';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

/** The rule pages ship with the extension (and the repository): docs/rules/<code>.md next to dist/. */
const DOCS = path.join(__dirname, '..', 'docs', 'rules');
const docUrls = new Map<string, string>();
export const ruleDoc = (code: string) => { let u = docUrls.get(code); if (!u) docUrls.set(code, (u = pathToFileURL(path.join(DOCS, `${code}.md`)).toString())); return u; };
const names = new Map<string, Message>();
const nameOf = (key: string) => { let n = names.get(key); if (!n) names.set(key, (n = cellName(key))); return n; };

/** Diagnostics of one report chunk, computed for its first line at `line`; reused while the chunk (its findings array) is unchanged. */
interface Cached { line: number; settings: Settings; uri: string; diags: Diagnostic[] }
const cache = new WeakMap<Finding[], Cached>();

function shift(d: Diagnostic, by: number): Diagnostic {
  const r = (x: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
    ({ start: { line: x.start.line + by, character: x.start.character }, end: { line: x.end.line + by, character: x.end.character } });
  return { ...d, range: r(d.range), ...(d.relatedInformation ? { relatedInformation: d.relatedInformation.map(i => ({ ...i, location: { ...i.location, range: r(i.location.range) } })) } : {}) };
}

/** Findings → LSP diagnostics, with the rule link, the cells of the relation that are not zero as related information, the cell to change and its expected value. */
export function toDiagnostics(doc: TextDocument, model: ReportDocument, settings: Settings): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of model.reports()) {
    const line = doc.positionAt(p.base).line;
    const c = cache.get(p.findings);
    if (c && c.settings === settings && c.uri === doc.uri) {
      if (c.line === line) { for (const d of c.diags) out.push(d); continue; }
      const by = line - c.line;
      const diags = c.diags.map(d => shift(d, by));
      cache.set(p.findings, { line, settings, uri: doc.uri, diags });
      for (const d of diags) out.push(d);
      continue;
    }
    const diags: Diagnostic[] = [];
    for (const f of p.findings) {
      const sev = severityOf(settings, f);
      if (sev === 'off') continue;
      const range = { start: doc.positionAt(p.base + f.start), end: doc.positionAt(p.base + Math.max(f.start, f.end)) };
      const related: DiagnosticRelatedInformation[] = [];
      for (const key of placesThatMatter(f.cells)) {
        const c = p.report.cells.get(key);
        if (!c || c.kind === 'unknown') continue; // unknown cells all share the row's span: no information
        if (c.kind === 'number' && c.value === '0') continue; // a zero adds nothing to a sum: list the cells that do
        related.push({
          location: { uri: doc.uri, range: { start: doc.positionAt(p.base + c.start), end: doc.positionAt(p.base + c.end) } },
          message: `${pick(nameOf(key))} = ${c.kind === 'number' ? c.value : c.kind === 'blank' ? '—' : c.text}`,
        });
      }
      diags.push({
        range, severity: SEVERITY[sev], code: f.code, source: 'nianbao',
        codeDescription: { href: ruleDoc(f.code) },
        // One short line: the formula is the hover's (it would print twice in the Problems panel).
        message: pick(f.message),
        ...(related.length ? { relatedInformation: related } : {}),
        // The relation's first cell (the one to change) and its expected value, for other tools;
        // quick fixes are computed from the model, not from this.
        ...(f.cells.length ? { data: { cell: f.cells[0], expected: f.expected ?? null } } : {}),
      });
    }
    cache.set(p.findings, { line, settings, uri: doc.uri, diags });
    for (const d of diags) out.push(d);
  }
  return out;
}

/**
 * The one or two places of a relation worth a link besides the finding's own cell: the totals it is
 * summed into — its row's 总计 and its column's （七）总计 (for appeals, its group's) — not every addend.
 */
function placesThatMatter(cells: string[]): string[] {
  if (cells.length < 2) return [];
  const [table, row, col] = cells[0].split('.');
  return cells.slice(1).filter(k => {
    const [t, r, c] = k.split('.');
    return t === table && ((r === row && c === 'total') || (table === 'requests' && r === 'total' && c === col));
  }).slice(0, 2);
}

/**
 * An across-year finding (core/src/checks/acrossYears.ts) on this document, related to the place in
 * the other file (`other`: its text, for positions): the cell or heading of last year's report.
 * Null when the user turned its rule off.
 */
export function acrossDiagnostic(doc: TextDocument, other: TextDocument, a: AcrossFinding, settings: Settings): Diagnostic | null {
  const f = a.finding;
  const sev = severityOf(settings, f);
  if (sev === 'off') return null;
  const shown = other.getText({ start: other.positionAt(a.other.start), end: other.positionAt(a.other.end) }).replace(/\s+/g, ' ').trim().slice(0, 60);
  return {
    range: { start: doc.positionAt(f.start), end: doc.positionAt(Math.max(f.start, f.end)) }, severity: SEVERITY[sev], code: f.code, source: 'nianbao',
    codeDescription: { href: ruleDoc(f.code) },
    message: pick(f.message),
    relatedInformation: [{
      location: { uri: other.uri, range: { start: other.positionAt(a.other.start), end: other.positionAt(a.other.end) } },
      message: pick({ zh: `上年报告：${shown}`, en: `Last year's report: ${shown}` }),
    }],
    ...(f.cells.length ? { data: { cell: f.cells[0], expected: f.expected ?? null } } : {}),
  };
}
