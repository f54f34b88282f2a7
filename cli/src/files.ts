import { promises as fs } from 'node:fs';
import path from 'node:path';

const EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm', '.nianbao']);

/** Expands files and folders (recursively, report extensions only) into a sorted, de-duplicated list. Missing paths are returned apart. */
export async function collectFiles(inputs: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  async function walk(p: string, explicit: boolean): Promise<void> {
    let st;
    try { st = await fs.stat(p); } catch { if (explicit) missing.push(p); return; }
    if (st.isDirectory()) {
      const entries = (await fs.readdir(p)).sort();
      for (const e of entries) if (!e.startsWith('.') && e !== 'node_modules') await walk(path.join(p, e), false);
    } else if (explicit || EXTENSIONS.has(path.extname(p).toLowerCase())) {
      files.push(p);
    }
  }
  for (const i of inputs) await walk(i, true);
  return { files: [...new Set(files)], missing };
}
