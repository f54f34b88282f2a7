import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import { ReportDocument } from '../../core/src';
import { toDiagnostics } from './diagnostics';
import { EditorText } from './editorText';
import { documentOptions, settingsFor, type Settings } from './settings';
import { t } from './l10n';
import { findReportFiles, readReportFile } from './reportFiles';
import type { AcrossFiles } from './acrossFiles';

/**
 * Checks every report file under the workspace folders (open or not) and publishes the results,
 * so they fill the Problems panel. Files that hold no report are skipped; open documents keep the
 * results of their live text. With `across`, each file is also compared with last year's report of
 * its body (in an open document, or a file of the workspace folders), as an open document is.
 * `utf8`: positions in UTF-8 bytes (the position encoding agreed with the client); `published`:
 * gets the URI of each file whose diagnostics were published.
 */
export async function checkWorkspace(connection: Connection, folders: string[], settings: Settings, isOpen: (uri: string) => boolean, utf8 = false, published?: Set<string>, across?: AcrossFiles): Promise<{ files: number; errors: number; warnings: number }> {
  const files = await findReportFiles(folders, 20000);
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin(t('Checking reports'), 0, '', false);
  let errors = 0, warnings = 0, checked = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const uri = pathToFileURL(file).toString();
    if (i % 20 === 0) progress.report(Math.round((i / files.length) * 100), path.basename(file));
    if (isOpen(uri)) continue;
    try {
      const d = await readReportFile(file, settings.maxFileSize);
      if (!d) continue;
      const own = settingsFor(settings, uri);
      const model = ReportDocument.parse(d.text, documentOptions(own));
      const text = new EditorText(uri, 'nianbao', 0, d.text);
      text.utf8 = utf8;
      const diagnostics = toDiagnostics(text, model, own);
      if (across) {
        const file = { uri, doc: text, version: 0, tooLarge: false, holdsReport: () => true, current: () => model };
        await across.prepare(file, true);
        diagnostics.push(...across.diagnostics(file, across.partners(file), own));
      }
      for (const x of diagnostics) { if (x.severity === DiagnosticSeverity.Error) errors++; else if (x.severity === DiagnosticSeverity.Warning) warnings++; }
      checked++;
      await connection.sendDiagnostics({ uri, diagnostics });
      published?.add(uri);
    } catch { /* unreadable file: skip */ }
  }
  progress.done();
  return { files: checked, errors, warnings };
}
