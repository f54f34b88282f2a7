import { promises as fs } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** A folder's `.gitignore` rules, with the folder they are relative to. */
interface Rules { dir: string; ig: Ignore }

/**
 * `.gitignore` files as git reads them (through `ignore`, the matcher ESLint uses): a path is ignored
 * when the rules of a folder above it say so, from the repository's root (the nearest folder holding
 * `.git`; the file system's root outside a repository) down to the path's own folder. Each folder's
 * file is read once. A folder named on the command line that is itself ignored is walked all the
 * same, under the rules of its own `.gitignore` files only (as a `bench/.data/` folder named
 * outright: the user asked for it).
 */
export class GitIgnores {
  private readonly chains = new Map<string, Promise<Rules[]>>();

  /** Whether `p` is ignored; with `floor`, by the `.gitignore` files in `floor` and below it only. */
  async ignores(p: string, isDir: boolean, floor?: string): Promise<boolean> {
    const abs = path.resolve(p), low = floor === undefined ? undefined : path.resolve(floor);
    for (const { dir, ig } of await this.chain(path.dirname(abs))) {
      if (low !== undefined && path.relative(low, dir).startsWith('..')) continue;
      const rel = path.relative(dir, abs).split(path.sep).join('/');
      if (rel && !rel.startsWith('..') && ig.ignores(isDir ? `${rel}/` : rel)) return true;
    }
    return false;
  }

  /** The rules that apply inside `dir`, outermost first. */
  private chain(dir: string): Promise<Rules[]> {
    let c = this.chains.get(dir);
    if (!c) this.chains.set(dir, (c = this.load(dir)));
    return c;
  }

  private async load(dir: string): Promise<Rules[]> {
    const parent = path.dirname(dir);
    const above = parent === dir || (await has(path.join(dir, '.git'))) ? [] : await this.chain(parent);
    let text: string;
    try { text = await fs.readFile(path.join(dir, '.gitignore'), 'utf8'); } catch { return above; }
    return [...above, { dir, ig: ignore().add(text) }];
  }
}

async function has(p: string): Promise<boolean> {
  try { await fs.lstat(p); return true; } catch { return false; }
}

/** `--ignore-pattern`: gitignore-style patterns relative to the working folder. Paths outside it are never matched. */
export function patternIgnore(patterns: string[]): (p: string, isDir: boolean) => boolean {
  if (!patterns.length) return () => false;
  const ig = ignore().add(patterns);
  return (p, isDir) => {
    const rel = path.relative(process.cwd(), path.resolve(p)).split(path.sep).join('/');
    return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel) && ig.ignores(isDir ? `${rel}/` : rel);
  };
}
