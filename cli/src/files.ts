import { promises as fs } from 'node:fs';
import path from 'node:path';
import { REPORT_EXTENSIONS } from '../../core/src';


/** Expands files and folders (recursively, report extensions only) into a sorted, de-duplicated list. Missing paths are returned apart. */
export async function collectFiles(inputs: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const take = (p: string, explicit: boolean) => { if (explicit || REPORT_EXTENSIONS.has(path.extname(p).toLowerCase())) files.push(p); };
  async function walk(p: string, explicit: boolean): Promise<void> {
    let st;
    try { st = await fs.stat(p); } catch { if (explicit) missing.push(p); return; }
    if (st.isDirectory()) await walkFolder(p);
    else take(p, explicit);
  }
  /** A folder's entries by their types as the folder lists them: only a symbolic link needs a stat. */
  async function walkFolder(dir: string): Promise<void> {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walkFolder(p);
      else if (e.isSymbolicLink()) await walk(p, false);
      else take(p, false);
    }
  }
  for (const i of inputs) await walk(i, true);
  return { files: [...new Set(files)], missing };
}
