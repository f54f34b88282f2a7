import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { allFindings, cellName, disableRuleEdits, fixAllEdits, fixEdit, type FileSyntax, type OffsetEdit, type ReportDocument } from '../../core/src';
import type { ClientFeatures } from './capabilities';
import { pick, t } from './l10n';
import { ruleDoc } from './diagnostics';
import { upgradeAction } from './upgradeAction';

export const FIX_ALL_KIND = 'source.fixAll.nianbao';
/** Applies a fix offered as a plain `Command` (to a client without code action literals): arguments `[FixCommand]`. */
export const APPLY_FIX = 'nianbao.server.applyFix';
/** The client's own command that opens a rule's page (our VS Code client has it). */
export const SHOW_RULE_DOC = 'nianbao.showRuleDoc';
/** The client's own command that turns a rule off in the workspace settings (our VS Code client has it): arguments `[code]`. */
export const DISABLE_RULE_IN_SETTINGS = 'nianbao.disableRuleInSettings';

const toTextEdit = (doc: TextDocument, e: OffsetEdit): TextEdit => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText });

/**
 * Edits as the client takes them: versioned `documentChanges` (applied only to the version they
 * were computed for) when it supports them, else `changes`.
 */
export function workspaceEdit(doc: TextDocument, edits: OffsetEdit[], f: Pick<ClientFeatures, 'documentChanges'>): WorkspaceEdit {
  const textEdits = edits.map(e => toTextEdit(doc, e));
  return f.documentChanges
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: textEdits }] }
    : { changes: { [doc.uri]: textEdits } };
}

/** What a fix-all action carries until it is resolved. */
export interface FixAllData { uri: string; version: number; report?: number }
/** What a fix offered as a plain command carries: its edits (a finding's fix, an inline directive), or none for all the fixes (in a report, or the document). */
export interface FixCommand extends FixAllData { edits?: OffsetEdit[] }

/** Fills in a fix-all action's edit — for the version it was offered on only (a stale one gets no edit). */
export function resolveFixAll(doc: TextDocument, model: ReportDocument, action: CodeAction, f: ClientFeatures): CodeAction {
  const data = action.data as FixAllData | undefined;
  if (!data || data.version !== doc.version) return action;
  const edits = fixAllEdits(model, data.report);
  return edits.length ? { ...action, edit: workspaceEdit(doc, edits, f) } : action;
}

/** The edit a fix command stands for, on the version it was offered on (null when the document has changed since). */
export function fixCommandEdit(doc: TextDocument, model: ReportDocument, c: FixCommand, f: ClientFeatures): WorkspaceEdit | null {
  if (c.version !== doc.version) return null;
  const edits = c.edits ?? fixAllEdits(model, c.report);
  return edits.length ? workspaceEdit(doc, edits, f) : null;
}

/** The kind of file a document is, for the syntax of an inline directive written into it. */
export function fileSyntax(doc: Pick<TextDocument, 'uri' | 'languageId'>): FileSyntax {
  if (doc.languageId === 'html' || /\.x?html?$/i.test(doc.uri)) return 'html';
  if (doc.languageId === 'markdown' || /\.(?:md|markdown)$/i.test(doc.uri)) return 'markdown';
  return 'text';
}

/**
 * Quick fixes for the findings under the cursor (preferred when the wrong cell is located with
 * certainty), "fix all totals" in the report and in the document, and `source.fixAll.nianbao`
 * for fix-on-save — as the client can take them: literals, or plain commands that the server
 * carries out with `workspace/applyEdit` (none to a client that can take neither); fix-all edits
 * left to `codeAction/resolve` only when the client resolves edits.
 */
export function onCodeAction(doc: TextDocument, model: ReportDocument, params: CodeActionParams, f: ClientFeatures): (CodeAction | Command)[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some(o => kind === o || kind.startsWith(o + '.'));
  const out: (CodeAction | Command)[] = [];
  const fixes = f.codeActionLiterals || f.applyEdit;
  const data = (report?: number): FixAllData => ({ uri: doc.uri, version: doc.version, ...(report === undefined ? {} : { report }) });
  /** A fix as the client takes it: `edits` when they are at hand, `later` when they are computed only if chosen. */
  const offer = (title: string, kind: string, extra: Partial<CodeAction>, edits: OffsetEdit[] | null, later: FixAllData) => {
    if (!f.codeActionLiterals) {
      const c: FixCommand = edits?.length ? { ...later, edits } : later;
      out.push({ title, command: APPLY_FIX, arguments: [c] });
    } else if (edits) out.push({ title, kind, ...extra, edit: workspaceEdit(doc, edits, f) });
    else if (f.resolveEdit) out.push({ title, kind, ...extra, data: later });
    else { const eager = fixAllEdits(model, later.report); if (eager.length) out.push({ title, kind, ...extra, edit: workspaceEdit(doc, eager, f) }); }
  };
  if (wants(FIX_ALL_KIND) && only?.some(o => o.startsWith('source'))) {
    if (!fixes) return out;
    const edits = fixAllEdits(model);
    if (edits.length) offer(t('Fix all totals in this document'), FIX_ALL_KIND, {}, edits, data());
    return out;
  }
  if (!wants(CodeActionKind.QuickFix)) return out;
  const from = doc.offsetAt(params.range.start), to = doc.offsetAt(params.range.end);
  const reports = new Set<number>();
  const diagnostics = params.context.diagnostics.filter(d => d.source === 'nianbao');
  const all = allFindings(model);
  for (const p of fixes ? all : []) {
    const fd = p.finding;
    const s = p.base + fd.start, e = p.base + fd.end;
    if (e < from || s > to) continue;
    const edit = fixEdit(model, p);
    if (!edit) continue;
    reports.add(p.report);
    const diag = diagnostics.find((d: Diagnostic) => d.code === fd.code && doc.offsetAt(d.range.start) === s);
    offer(t('Fix: write {0} into {1}', fd.fix!.newText, pick(cellName(fd.fix!.key))), CodeActionKind.QuickFix,
      { isPreferred: fd.fix!.certain, ...(diag ? { diagnostics: [diag] } : {}) }, [edit], data());
  }
  // Fix-all re-checks the fixed text until it settles: computed only when chosen where the client allows it.
  const fixable = (r?: number) => all.filter(p => p.finding.fix && (r === undefined || p.report === r)).length;
  for (const r of reports) {
    // The title says how many cells the fix changes (fix-all repeats until the report settles: at least these).
    if (fixable(r) > 1) offer(t('Fix all totals in this report ({0} cells)', String(fixable(r))), CodeActionKind.QuickFix, {}, null, data(r));
  }
  if (reports.size && model.reports().length > 1 && fixable() > 1) offer(t('Fix all totals in this document ({0} cells)', String(fixable())), CodeActionKind.QuickFix, {}, null, data());
  // 升级为 2021 格式 on an outdated-template diagnostic.
  const upgrade = upgradeAction(doc, model, params, diagnostics, f);
  if (upgrade) out.push(upgrade);
  // Every Nianbao diagnostic: turn its rule off for its line or the file (an inline directive), or in the settings.
  const offered = new Set<string>();
  for (const p of fixes ? all : []) {
    const fd = p.finding, s = p.base + fd.start;
    const diag = diagnostics.find((d: Diagnostic) => d.code === fd.code && doc.offsetAt(d.range.start) === s);
    if (!diag) continue;
    const line = `${fd.code}@${diag.range.start.line}`;
    const scopes = [['line', t('Disable {0} for this line', fd.code), line], ['file', t('Disable {0} for this file', fd.code), fd.code]] as const;
    for (const [scope, title, key] of scopes) {
      if (offered.has(`${scope}:${key}`)) continue;
      offered.add(`${scope}:${key}`);
      const edits = disableRuleEdits(model, p, scope, fileSyntax(doc));
      if (edits) offer(title, CodeActionKind.QuickFix, { diagnostics: [diag] }, edits, data());
    }
  }
  if (f.ruleSettingsCommand) {
    for (const code of new Set(diagnostics.map(d => d.code).filter((c): c is string => typeof c === 'string'))) {
      const command = { title: t('Turn off {0} in settings', code), command: DISABLE_RULE_IN_SETTINGS, arguments: [code] };
      out.push(f.codeActionLiterals ? { title: command.title, kind: CodeActionKind.QuickFix, command } : command);
    }
  }
  // Elsewhere a diagnostic's `codeDescription` links to the rule's page.
  if (f.ruleDocCommand) {
    for (const d of diagnostics) {
      if (typeof d.code !== 'string') continue;
      const command = { title: t('Show documentation for {0}', d.code), command: SHOW_RULE_DOC, arguments: [ruleDoc(d.code)] };
      out.push(f.codeActionLiterals ? { title: command.title, kind: CodeActionKind.Empty, command } : command);
    }
  }
  return out;
}
