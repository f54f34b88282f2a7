import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import { decodeBytes, REPORT_EXTENSIONS, ReportDocument } from '../../core/src';
import { toDiagnostics } from './diagnostics';
import { EditorText } from './editorText';
import { documentOptions, settingsFor, type Settings } from './settings';
import { t } from './l10n';

const HOLDS_REPORT = /政府信息公开|政府信息公開|政府資訊公開|勾稽关系/;

async function walk(dir: string, out: string[], limit: number): Promise<void> {
  let entries;
  try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries) {
    if (out.length >= limit) return;
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out, limit);
    else if (e.isFile() && REPORT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push(p);
  }
}

/**
 * Checks every report file under the workspace folders (open or not) and publishes the results,
 * so they fill the Problems panel. Files that hold no report are skipped; open documents keep the
 * results of their live text.
 */
/** `utf8`: positions in UTF-8 bytes (the position encoding agreed with the client); `published`: gets the URI of each file whose diagnostics were published. */
export async function checkWorkspace(connection: Connection, folders: string[], settings: Settings, isOpen: (uri: string) => boolean, utf8 = false, published?: Set<string>): Promise<{ files: number; errors: number; warnings: number }> {
  const files: string[] = [];
  for (const f of folders) await walk(f.startsWith('file:') ? fileURLToPath(f) : f, files, 20000);
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin(t('Checking reports'), 0, '', false);
  let errors = 0, warnings = 0, checked = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const uri = pathToFileURL(file).toString();
    if (i % 20 === 0) progress.report(Math.round((i / files.length) * 100), path.basename(file));
    if (isOpen(uri)) continue;
    try {
      const st = await fs.stat(file);
      if (st.size > settings.maxFileSize) continue;
      const d = decodeBytes(await fs.readFile(file));
      if (d.binary || !HOLDS_REPORT.test(d.text)) continue;
      const own = settingsFor(settings, uri);
      const model = ReportDocument.parse(d.text, documentOptions(own));
      const text = new EditorText(uri, 'nianbao', 0, d.text);
      text.utf8 = utf8;
      const diagnostics = toDiagnostics(text, model, own);
      for (const x of diagnostics) { if (x.severity === DiagnosticSeverity.Error) errors++; else if (x.severity === DiagnosticSeverity.Warning) warnings++; }
      checked++;
      await connection.sendDiagnostics({ uri, diagnostics });
      published?.add(uri);
    } catch { /* unreadable file: skip */ }
  }
  progress.done();
  return { files: checked, errors, warnings };
}
