import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes, REPORT_EXTENSIONS } from '../../core/src';
import { configFor, isIgnored } from '../../config/projectConfig';

/*
 * The report files of the workspace folders, as the workspace check and the index of last year's
 * reports (yearIndex.ts) find them: files with a report extension, not under a dot folder or
 * node_modules, not left out by their project configuration's `ignore`, at most `limit` of them.
 */

const HOLDS_REPORT = /政府信息公开|政府信息公開|政府資訊公開|勾稽关系/;

async function walk(dir: string, out: string[], limit: number): Promise<void> {
  let entries;
  try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries) {
    if (out.length >= limit) return;
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out, limit);
    else if (e.isFile() && REPORT_EXTENSIONS.has(path.extname(e.name).toLowerCase()) && !ignored(p)) out.push(p);
  }
}

/** Left out by the `ignore` patterns of its project configuration (a broken configuration leaves nothing out). */
function ignored(file: string): boolean {
  try { return isIgnored(configFor(file), file); } catch { return false; }
}

/** Whether a path (or `file:` URI) names a file of a report extension. */
export const isReportPath = (p: string): boolean => REPORT_EXTENSIONS.has(path.extname(p).toLowerCase());

export const toPath = (f: string): string => (f.startsWith('file:') ? fileURLToPath(f) : f);

/** The report files under the folders (paths or `file:` URIs), in walk order, at most `limit`. */
export async function findReportFiles(folders: string[], limit: number): Promise<string[]> {
  const files: string[] = [];
  for (const f of folders) await walk(toPath(f), files, limit);
  return files;
}

/** A file's text when it may hold a report: not over `maxSize` bytes, not binary, with the words of one; else null (unreadable too). */
export async function readReportFile(file: string, maxSize: number): Promise<{ text: string; mtimeMs: number; size: number } | null> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile() || st.size > maxSize) return null;
    const d = decodeBytes(await fs.readFile(file));
    if (d.binary || !HOLDS_REPORT.test(d.text)) return null;
    return { text: d.text, mtimeMs: st.mtimeMs, size: st.size };
  } catch { return null; }
}

/** Whether a file is one `findReportFiles` would find under the folders (by its path: under a folder, not in a dot folder or node_modules, a report extension, not ignored). */
export function inFolders(file: string, folders: string[]): boolean {
  if (!isReportPath(file)) return false;
  for (const f of folders) {
    const rel = path.relative(toPath(f), file);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) continue;
    if (rel.split(path.sep).some(s => s.startsWith('.') || s === 'node_modules')) return false;
    return !ignored(file);
  }
  return false;
}
