import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { allFindings, upgradeTo2021At, type OffsetEdit, type ReportDocument } from '../../core/src';
import type { ClientFeatures } from './capabilities';
import { APPLY_FIX, workspaceEdit, type FixCommand } from './codeActions';
import { t } from './l10n';

/**
 * “升级为 2021 格式” on an `outdated-template` diagnostic whose line the request covers: the report's
 * 2019-format tables rewritten in the 2021 layout (core `upgradeTo2021At`) as one edit — from the first
 * table to the last, the text between them as it is — so a client that takes only commands gets it
 * through `nianbao.server.applyFix` like any other fix. Nothing when the upgrade cannot be made safely.
 */
export function upgradeAction(doc: TextDocument, model: ReportDocument, params: CodeActionParams, diagnostics: Diagnostic[], f: ClientFeatures): CodeAction | Command | null {
  if (!f.codeActionLiterals && !f.applyEdit) return null;
  const { start, end } = params.range;
  const placed = allFindings(model).find(p => {
    if (p.finding.code !== 'outdated-template') return false;
    const line = doc.positionAt(p.base + p.finding.start).line;
    return line >= start.line && line <= end.line;
  });
  if (!placed) return null;
  const at = placed.base + placed.finding.start;
  const r = upgradeTo2021At(model, at);
  if ('reason' in r) return null;
  const a = r.edits[0].start, b = r.edits[r.edits.length - 1].end;
  const newText = r.edits.map((e, i) => e.newText + (i + 1 < r.edits.length ? doc.getText({ start: doc.positionAt(e.end), end: doc.positionAt(r.edits[i + 1].start) }) : '')).join('');
  const edit: OffsetEdit = { start: a, end: b, newText };
  const title = t('Upgrade to the 2021 format');
  if (!f.codeActionLiterals) {
    const c: FixCommand = { uri: doc.uri, version: doc.version, edits: [edit] };
    return { title, command: APPLY_FIX, arguments: [c] };
  }
  const diag = diagnostics.find(d => d.code === 'outdated-template' && doc.offsetAt(d.range.start) === at);
  return { title, kind: CodeActionKind.QuickFix, ...(diag ? { diagnostics: [diag] } : {}), edit: workspaceEdit(doc, [edit], f) };
}
