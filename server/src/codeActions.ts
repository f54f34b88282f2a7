import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { allFindings, cellName, fixAllEdits, fixEdit, type OffsetEdit, type ReportDocument } from '../../core/src';
import { pick, t } from './l10n';
import { ruleDoc } from './diagnostics';

export const FIX_ALL_KIND = 'source.fixAll.nianbao';

const toTextEdit = (doc: TextDocument, e: OffsetEdit): TextEdit => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText });

/** A versioned edit: applied by the client only to the version it was computed for. */
export function versioned(doc: TextDocument, edits: OffsetEdit[]) {
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: edits.map(e => toTextEdit(doc, e)) }] };
}

/** What a fix-all action carries until it is resolved. */
export interface FixAllData { uri: string; version: number; report?: number }

/** Fills in a fix-all action's edit — for the version it was offered on only (a stale one gets no edit). */
export function resolveFixAll(doc: TextDocument, model: ReportDocument, action: CodeAction): CodeAction {
  const data = action.data as FixAllData | undefined;
  if (!data || data.version !== doc.version) return action;
  const edits = fixAllEdits(model, data.report);
  return edits.length ? { ...action, edit: versioned(doc, edits) } : action;
}

/**
 * Quick fixes for the findings under the cursor (preferred when the wrong cell is located with
 * certainty), "fix all totals" in the report and in the document, and `source.fixAll.nianbao`
 * for fix-on-save.
 */
export function onCodeAction(doc: TextDocument, model: ReportDocument, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some(o => kind === o || kind.startsWith(o + '.'));
  const out: CodeAction[] = [];
  if (wants(FIX_ALL_KIND) && only?.some(o => o.startsWith('source'))) {
    const edits = fixAllEdits(model);
    if (edits.length) out.push({ title: t('Fix all totals in this document'), kind: FIX_ALL_KIND, edit: versioned(doc, edits) });
    return out;
  }
  if (!wants(CodeActionKind.QuickFix)) return out;
  const from = doc.offsetAt(params.range.start), to = doc.offsetAt(params.range.end);
  const reports = new Set<number>();
  const diagnostics = params.context.diagnostics.filter(d => d.source === 'nianbao');
  const all = allFindings(model);
  for (const p of all) {
    const f = p.finding;
    const s = p.base + f.start, e = p.base + f.end;
    if (e < from || s > to) continue;
    const edit = fixEdit(p);
    if (!edit) continue;
    reports.add(p.report);
    const diag = diagnostics.find((d: Diagnostic) => d.code === f.code && doc.offsetAt(d.range.start) === s);
    out.push({
      title: t('Fix: write {0} into {1}', f.fix!.newText, pick(cellName(f.fix!.key))),
      kind: CodeActionKind.QuickFix, isPreferred: f.fix!.certain,
      ...(diag ? { diagnostics: [diag] } : {}),
      edit: versioned(doc, [edit]),
    });
  }
  // Fix-all re-checks the fixed text until it settles: computed only when chosen (codeAction/resolve).
  const fixable = (r?: number) => all.filter(p => p.finding.fix && (r === undefined || p.report === r)).length;
  for (const r of reports) {
    if (fixable(r) > 1) out.push({ title: t('Fix all totals in this report'), kind: CodeActionKind.QuickFix, data: { uri: doc.uri, version: doc.version, report: r } satisfies FixAllData });
  }
  if (reports.size && model.reports().length > 1 && fixable() > 1) {
    out.push({ title: t('Fix all totals in this document'), kind: CodeActionKind.QuickFix, data: { uri: doc.uri, version: doc.version } satisfies FixAllData });
  }
  for (const d of diagnostics) {
    if (typeof d.code !== 'string') continue;
    out.push({ title: t('Show documentation for {0}', d.code), kind: CodeActionKind.Empty, command: { title: d.code, command: 'nianbao.showRuleDoc', arguments: [ruleDoc(d.code)] } });
  }
  return out;
}
