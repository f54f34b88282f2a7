import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
// Through `require`, so the bundle takes tinyglobby's CommonJS build (its ES build needs `import.meta.url`).
import tinyglobby = require('tinyglobby');
import { REPORT_EXTENSIONS } from '../../core/src';
import { GitIgnores, patternIgnore } from './ignores';

/** Why a path named or found was not checked. `fatal` ones make the exit status 2. */
export interface WalkProblem {
  path: string;
  why: 'missing' | 'no-match' | 'not-regular' | 'unlistable' | 'link-loop';
  fatal: boolean;
  detail?: string;
}

export interface Walked { files: string[]; problems: WalkProblem[] }

export interface WalkOptions {
  /** gitignore-style patterns, relative to the working folder (`--ignore-pattern`). */
  ignorePatterns?: string[];
  /** Honour the `.gitignore` files of the folders walked and of their parents up to the repository's root. */
  gitignore?: boolean;
}

/** A child's path written as the user wrote its folder: `./reports/` + `a.txt` → `./reports/a.txt`. */
const childPath = (dir: string, name: string) => (dir.endsWith('/') || dir.endsWith(path.sep) ? dir + name : dir + path.sep + name);

/**
 * Expands files, folders (recursively, report extensions only) and quoted globs into the list of
 * files to check, in name order, each real file once (by device and inode: a file reached through a
 * link or a hard link, a folder reached twice, a loop of links — all visited once). Anything that is
 * not a regular file (a FIFO, a socket, a device) is skipped without being opened; a folder that
 * cannot be listed is named and the walk goes on. Paths keep the spelling the user gave them.
 */
export async function collectFiles(inputs: string[], options: WalkOptions = {}): Promise<Walked> {
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const seen = new Set<string>();
  const gitignores = options.gitignore === false ? null : new GitIgnores();
  const ignorePattern = patternIgnore(options.ignorePatterns ?? []);
  const ignored = async (p: string, dir: boolean, floor?: string) => ignorePattern(p, dir) || (gitignores !== null && await gitignores.ignores(p, dir, floor));
  const identity = (st: Stats) => `${st.dev}:${st.ino}`;

  /** A path named, matched by a glob, or found in a folder (`explicit`: named or matched, so any extension). */
  async function visit(p: string, explicit: boolean, floor?: string): Promise<void> {
    let st: Stats;
    try { st = await fs.stat(p); } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') problems.push({ path: p, why: 'link-loop', fatal: explicit });
      else if (explicit) problems.push({ path: p, why: 'missing', fatal: true, detail: code });
      // A broken link found in a folder points at nothing to check.
      return;
    }
    const id = identity(st);
    if (st.isDirectory()) {
      if (seen.has(id)) return;
      seen.add(id);
      // A folder named that is itself ignored: walked under its own .gitignore files only.
      await walkFolder(p, explicit && (await ignored(p, true)) ? p : floor);
    } else if (st.isFile()) {
      if (!explicit && !REPORT_EXTENSIONS.has(path.extname(p).toLowerCase())) return;
      if (seen.has(id)) return;
      seen.add(id);
      files.push(p);
    } else if (explicit || REPORT_EXTENSIONS.has(path.extname(p).toLowerCase())) {
      problems.push({ path: p, why: 'not-regular', fatal: explicit, detail: kindOf(st) });
    }
  }

  /** A folder's entries in name order; hidden entries, node_modules and ignored paths left out. */
  async function walkFolder(dir: string, floor: string | undefined): Promise<void> {
    let entries;
    try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch (e) {
      problems.push({ path: dir, why: 'unlistable', fatal: true, detail: (e as NodeJS.ErrnoException).code });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = childPath(dir, e.name);
      if (await ignored(p, e.isDirectory(), floor)) continue;
      await visit(p, false, floor);
    }
  }

  for (const input of inputs) {
    if (tinyglobby.isDynamicPattern(input) && !(await exists(input))) {
      const matched = (await tinyglobby.glob(input, { onlyFiles: true, dot: false, followSymbolicLinks: true, expandDirectories: false, ignore: ['**/node_modules/**'] })).sort();
      const kept: string[] = [];
      for (const m of matched) if (!(await ignored(m, false))) kept.push(m);
      if (!kept.length) problems.push({ path: input, why: 'no-match', fatal: true });
      for (const m of kept) await visit(m, true);
    } else {
      await visit(input, true);
    }
  }
  return { files, problems };
}

async function exists(p: string): Promise<boolean> {
  try { await fs.lstat(p); return true; } catch { return false; }
}

function kindOf(st: Stats): string {
  return st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket' : st.isCharacterDevice() ? 'character-device' : st.isBlockDevice() ? 'block-device' : 'other';
}
