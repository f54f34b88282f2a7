import { yearKeysOfText } from '../../core/src';
import { findReportFiles, inFolders, readReportFile } from './reportFiles';

/** The most files of the workspace folders the index reads (the first found, in walk order). */
export const INDEX_LIMIT = 5000;

/**
 * Which report files of the workspace folders hold which body's report of which year (core's
 * `yearKeysOfText`: the report boundaries and titles only, about 1/25 of a full check), so that a
 * document finds last year's report of its body without the folder being checked. Built the first
 * time a document asks, in the background (the event loop is given back every few files); files
 * over the size limit, ignored by their project configuration, or past `INDEX_LIMIT` are left out.
 * Kept up to date by `update` (workspace/didChangeWatchedFiles) and `reset`.
 */
export class YearIndex {
  private keysOf = new Map<string, string[]>();
  private filesOf = new Map<string, Set<string>>();
  private built: Promise<void> | null = null;
  private generation = 0;
  /** Whether the index has been built (for the folders and limits as they are). */
  ready = false;

  constructor(private readonly folders: () => string[], private readonly maxSize: () => number, private readonly limit = INDEX_LIMIT) {}

  /** The files (paths) whose reports have `key`, once the index is built. */
  async filesWith(key: string): Promise<string[]> {
    await this.whenBuilt();
    return this.filesNow(key);
  }

  /** Builds the index (once; again after `reset`). */
  whenBuilt(): Promise<void> { return (this.built ??= this.build()); }

  /** The files known now to have `key` (none before the index is built). */
  filesNow(key: string): string[] { return [...(this.filesOf.get(key) ?? [])]; }

  /** The keys a file was indexed with. */
  keys(file: string): string[] { return this.keysOf.get(file) ?? []; }

  get size(): number { return this.keysOf.size; }

  /** Forgets everything (folders, size limit or configuration changed): built again when next asked. */
  reset(): void {
    this.generation++;
    this.built = null;
    this.ready = false;
    this.keysOf.clear();
    this.filesOf.clear();
  }

  /** A file was created, changed or deleted on disk: read again. Returns its keys before and after (nothing while the index is not built: it will read the file then). */
  async update(file: string, deleted: boolean): Promise<string[]> {
    if (!this.built) return [];
    await this.built;
    const before = this.keys(file);
    const limited = !this.keysOf.has(file) && this.keysOf.size >= this.limit;
    if (deleted || limited || !inFolders(file, this.folders())) this.set(file, []);
    else await this.read(file, this.generation);
    return [...new Set([...before, ...this.keys(file)])];
  }

  private async build(): Promise<void> {
    const generation = this.generation;
    const files = await findReportFiles(this.folders(), this.limit);
    for (let i = 0; i < files.length && generation === this.generation; i++) {
      await this.read(files[i], generation);
      if (i % 32 === 31) await new Promise(r => setImmediate(r));
    }
    if (generation === this.generation) this.ready = true;
  }

  private async read(file: string, generation: number): Promise<void> {
    const d = await readReportFile(file, this.maxSize());
    if (generation === this.generation) this.set(file, d ? yearKeysOfText(d.text) : []);
  }

  private set(file: string, keys: string[]): void {
    for (const k of this.keys(file)) this.filesOf.get(k)?.delete(file);
    if (!keys.length) { this.keysOf.delete(file); return; }
    this.keysOf.set(file, keys);
    for (const k of keys) { let s = this.filesOf.get(k); if (!s) this.filesOf.set(k, (s = new Set())); s.add(file); }
  }
}
