import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DiagnosticJson } from '../../core/src';
import type { Counts } from './format';

/**
 * What `--cache` keeps of a checked file, by its content's hash: its share of the summary, its
 * findings as the text, SARIF and GitHub outputs print them, and — once it has been checked for the
 * JSON output — that output's members (`"reports":…,"diagnostics":…`), deflated.
 */
export interface CachedEntry {
  hash: string;
  counts: Counts;
  encoding: string | null;
  guessed: boolean;
  diagnostics: DiagnosticJson[];
  /** The JSON output's members as deflated UTF-8, base64. */
  json?: string;
}

interface CacheFile { version: 1; key: string; files: Record<string, CachedEntry> }

/** The hash a file's bytes are known by. */
export const contentHash = (b: Uint8Array): string => createHash('sha256').update(b).digest('base64');

/** The user's cache folder: `$XDG_CACHE_HOME`, `%LOCALAPPDATA%`, `~/Library/Caches` or `~/.cache`. */
function userCacheFolder(): string {
  if (process.env.XDG_CACHE_HOME) return process.env.XDG_CACHE_HOME;
  if (process.platform === 'win32' && process.env.LOCALAPPDATA) return process.env.LOCALAPPDATA;
  return path.join(os.homedir(), process.platform === 'darwin' ? path.join('Library', 'Caches') : '.cache');
}

/**
 * Where the cache is kept: `--cache-location` (a file, or a folder — an existing one, or a path
 * ending in a separator — to hold one), else one file per working folder in the user's cache folder.
 */
export function cacheFile(location?: string): string {
  const name = `cache-${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 16)}.json`;
  if (!location) return path.join(userCacheFolder(), 'nianbao', name);
  let dir = /[\\/]$/.test(location);
  try { dir ||= statSync(location).isDirectory(); } catch { /* a file to be made */ }
  return dir ? path.join(location, name) : location;
}

/**
 * What the findings depend on besides a file's bytes: the checker itself (the running bundle's own
 * hash, so a rebuilt checker never reuses an older one's findings) and the options.
 */
export function cacheKey(options: unknown): string {
  let self = '';
  try { self = contentHash(readFileSync(__filename)); } catch { /* run from source */ }
  return contentHash(Buffer.from(JSON.stringify({ self, options })));
}

/** The entries of a cache made under the same key; none when there is no cache, or it was made otherwise. */
export function loadCache(file: string, key: string): Map<string, CachedEntry> {
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (c.version === 1 && c.key === key && c.files && typeof c.files === 'object') return new Map(Object.entries(c.files));
  } catch { /* none yet, or unreadable: start afresh */ }
  return new Map();
}

/** Writes the cache atomically (a temporary file renamed over it), making its folder if needed. */
export function saveCache(file: string, key: string, entries: Map<string, CachedEntry>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ version: 1, key, files: Object.fromEntries(entries) } satisfies CacheFile));
  renameSync(tmp, file);
}
