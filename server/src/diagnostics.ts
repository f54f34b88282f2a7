import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { allFindings, cellName, type ReportDocument, type Severity } from '../../core/src';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from './settings';
import { pick } from './l10n';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

/** The rule pages ship with the extension (and the repository): docs/rules/<code>.md next to dist/. */
const DOCS = path.join(__dirname, '..', 'docs', 'rules');
export const ruleDoc = (code: string) => pathToFileURL(path.join(DOCS, `${code}.md`)).toString();

/** Findings → LSP diagnostics, with the rule link, every cell of the relation as related information, and the data quick fixes need. */
export function toDiagnostics(doc: TextDocument, model: ReportDocument, settings: Settings): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of allFindings(model)) {
    const f = p.finding;
    const sev = settings.severity[f.code] ?? f.severity;
    if (sev === 'off') continue;
    const range = { start: doc.positionAt(p.base + f.start), end: doc.positionAt(p.base + Math.max(f.start, f.end)) };
    const report = model.reports()[p.report].report;
    const related: DiagnosticRelatedInformation[] = [];
    for (const key of f.cells.slice(1)) {
      const c = report.cells.get(key);
      if (!c) continue;
      related.push({
        location: { uri: doc.uri, range: { start: doc.positionAt(p.base + c.start), end: doc.positionAt(p.base + c.end) } },
        message: `${pick(cellName(key))} = ${c.kind === 'number' ? c.value : c.kind === 'blank' ? '—' : c.text}`,
      });
    }
    out.push({
      range, severity: SEVERITY[sev], code: f.code, source: 'nianbao',
      codeDescription: { href: ruleDoc(f.code) },
      message: f.formula ? `${pick(f.message)}\n${pick(f.formula)}` : pick(f.message),
      ...(related.length ? { relatedInformation: related } : {}),
      data: { cells: f.cells, expected: f.expected ?? null },
    });
  }
  return out;
}
