import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { acrossYears, lastYearKey, ReportDocument, yearKey, yearReportsOf, type DocumentOptions, type YearReport } from '../../core/src';
import { acrossDiagnostic } from './diagnostics';
import { EditorText } from './editorText';
import { readReportFile, toPath } from './reportFiles';
import type { Settings } from './settings';
import type { OpenDocument } from './state';
import type { YearIndex } from './yearIndex';
import { promises as fs } from 'node:fs';

/**
 * This year against last year across files (issue 18), in the server: an open document's reports
 * against the same body's reports of the year before — in another open document, else in a file of
 * the workspace folders (found through the YearIndex, read once and kept while its size and time
 * stay the same). The pairing and the checks are the core's (`acrossYears`, checks/pairing.ts);
 * this only finds the other reports and turns findings into diagnostics related to the other file.
 *
 * `prepare` reads what a document needs (asynchronously); `diagnostics` then answers from what is
 * open or read, synchronously — so pushed and pulled diagnostics are the same computation.
 */

/** Another file's reports: an open document's (its live text) or a closed file's (as on disk). */
interface Partner { uri: string; stamp: string; text: EditorText; items: YearReport[] }

interface Loaded { mtimeMs: number; size: number; partner: Partner }

/**
 * Closed files kept read beyond those open documents are compared with (the most recently used): a
 * workspace check pairs thousands of files, a few at a time.
 */
const KEPT = 64;

/** A document checked: an open one, or a closed file the workspace check reads. */
export type Checked = Pick<OpenDocument, 'uri' | 'doc' | 'version' | 'tooLarge' | 'holdsReport' | 'current'>;


export class AcrossFiles {
  private loaded = new Map<string, Loaded>();
  /** The index build an `indexed` call is waiting for. */
  private pendingIndex: Promise<void> | null = null;
  /** Per open document, the keys it looked for and the files it was compared with, at its last check. */
  private used = new Map<string, { wants: Set<string>; partners: Set<string> }>();

  constructor(
    private readonly index: YearIndex,
    private readonly docs: Map<string, OpenDocument>,
    private readonly options: (uri: string) => DocumentOptions,
    private readonly maxSize: () => number,
    private readonly utf8: () => boolean,
    /** The index has just been built: open documents may now find last year's report in a closed file. */
    private readonly indexed: () => void = () => {},
  ) {}

  /** What a model's reports are, as compared across years: worked out once per model (an edit makes a new one). */
  private readonly byModel = new WeakMap<ReportDocument, { uri: string; items: YearReport[]; keys: Set<string>; wants: Set<string> }>();
  private ofModel(d: Checked) {
    const model = d.current();
    let m = this.byModel.get(model);
    if (!m || m.uri !== d.uri) {
      const items = yearReportsOf(d.uri, model);
      const keys = new Set<string>(), wants = new Set<string>();
      for (const it of items) {
        const k = yearKey(it.report), w = lastYearKey(it.report);
        if (k) keys.add(k);
        if (w) wants.add(w);
      }
      this.byModel.set(model, (m = { uri: d.uri, items, keys, wants }));
    }
    return m;
  }

  /** The keys of last year's reports a document's reports are compared with. */
  private wants(d: Checked): Set<string> { return this.ofModel(d).wants; }

  /** A document's reports that take part (none when it is too large or holds no report). */
  private openItems(d: Checked): YearReport[] {
    if (d.tooLarge || !d.holdsReport()) return [];
    return this.ofModel(d).items;
  }

  /** The keys of a document's reports. */
  private keysOf(d: Checked): Set<string> {
    if (d.tooLarge || !d.holdsReport()) return new Set();
    return this.ofModel(d).keys;
  }

  /** The other open documents by the keys of their reports. */
  private openByKey(except: string): Map<string, OpenDocument[]> {
    const out = new Map<string, OpenDocument[]>();
    for (const o of this.docs.values()) {
      if (o.uri === except) continue;
      for (const k of this.keysOf(o)) {
        const list = out.get(k);
        if (!list) out.set(k, [o]); else list.push(o);
      }
    }
    return out;
  }

  /**
   * Reads the closed files that hold last year's reports of the document's bodies. Before the index
   * is built, starts building it and answers from the open documents alone (`indexed` is called
   * when it is ready), so a document's own diagnostics never wait for the workspace to be read;
   * with `wait`, as the workspace check does, waits for it.
   */
  async prepare(d: Checked, wait = false): Promise<void> {
    if (d.tooLarge || !d.holdsReport()) return;
    if (!this.index.ready) {
      const building = this.index.whenBuilt();
      if (!wait) {
        if (this.pendingIndex !== building) { this.pendingIndex = building; void building.then(() => { if (this.index.ready) this.indexed(); }); }
        return;
      }
      await building;
    }
    const open = this.openByKey(d.uri);
    const pinned = new Set<string>();
    for (const key of this.wants(d)) {
      if (open.has(key)) continue;
      for (const file of this.index.filesNow(key)) {
        const uri = uriOf(file);
        if (uri !== d.uri && !this.docs.has(uri)) { pinned.add(file); await this.load(file, pinned); }
      }
    }
  }

  /** Reads a closed file (again when its size or time changed); `pinned`: files not to forget now. */
  private async load(file: string, pinned: Set<string>): Promise<void> {
    let st;
    try { st = await fs.stat(file); } catch { this.loaded.delete(file); return; }
    const had = this.loaded.get(file);
    if (had && had.mtimeMs === st.mtimeMs && had.size === st.size) { this.loaded.delete(file); this.loaded.set(file, had); return; }
    const r = await readReportFile(file, this.maxSize());
    if (!r) { this.loaded.delete(file); return; }
    const uri = uriOf(file);
    const text = new EditorText(uri, 'nianbao', 0, r.text);
    text.utf8 = this.utf8();
    const items = yearReportsOf(uri, ReportDocument.parse(r.text, this.options(uri)));
    this.loaded.delete(file);
    this.loaded.set(file, { mtimeMs: r.mtimeMs, size: r.size, partner: { uri, stamp: `${uri}@${r.mtimeMs}/${r.size}`, text, items } });
    if (this.loaded.size > KEPT) this.evict(pinned);
  }

  /** Forgets the least recently used files that no open document was compared with and `pinned` does not hold. */
  private evict(pinned: Set<string>): void {
    const inUse = new Set<string>();
    for (const u of this.used.values()) for (const p of u.partners) inUse.add(p);
    for (const [file, l] of this.loaded) {
      if (this.loaded.size <= KEPT) return;
      if (!pinned.has(file) && !inUse.has(l.partner.uri)) this.loaded.delete(file);
    }
  }

  /** The other files a document is compared with now: open documents first, then files read by `prepare` that the index still lists. */
  partners(d: Checked): Partner[] {
    if (d.tooLarge || !d.holdsReport()) return [];
    const wants = this.wants(d);
    const out = new Map<string, Partner>();
    const byKey = this.openByKey(d.uri);
    for (const key of wants) {
      const open = byKey.get(key);
      for (const o of open ?? []) out.set(o.uri, { uri: o.uri, stamp: `${o.uri}#${o.version}`, text: o.doc, items: this.openItems(o) });
      if (open) continue;
      for (const file of this.index.filesNow(key)) {
        const l = this.loaded.get(file);
        if (l && l.partner.uri !== d.uri && !this.docs.has(l.partner.uri)) out.set(l.partner.uri, l.partner);
      }
    }
    // Remembered for an open document (a closed file checked by the workspace check is not followed).
    if (this.docs.get(d.uri) === (d as OpenDocument)) this.used.set(d.uri, { wants, partners: new Set(out.keys()) });
    return [...out.values()];
  }

  /** What the document's across-year diagnostics depend on besides its own text (for a pulled result's id). */
  stamp(partners: Partner[]): string { return partners.map(p => p.stamp).join('|'); }

  /** The document's across-year diagnostics against `partners` (from `partners(d)`). */
  diagnostics(d: Checked, partners: Partner[], settings: Settings): Diagnostic[] {
    const mine = this.openItems(d);
    // Alone, a document is compared within itself only when it holds a body's report of the year before another.
    if (!partners.length && ![...this.wants(d)].some(k => this.keysOf(d).has(k))) return [];
    const texts = new Map(partners.map(p => [p.uri, p.text]));
    texts.set(d.uri, d.doc);
    // Last year's reports first: of two with one key, the later wins — this document's own.
    const found = acrossYears([...partners.flatMap(p => p.items), ...mine], new Set([d.uri]));
    const out: Diagnostic[] = [];
    for (const f of found) {
      // Last year's report in another file, or in this one (a compilation of both years).
      const other = texts.get(f.other.file)!;
      const x = acrossDiagnostic(d.doc, other, f, settings);
      if (x) out.push(x);
    }
    return out;
  }

  /**
   * The open documents whose across-year diagnostics may change when `uri` changes: those compared
   * with it at their last check, and those looking for a key it has now (or had, in `keys`).
   */
  dependents(uri: string, keys: Iterable<string>): string[] {
    const ks = new Set(keys);
    const d = this.docs.get(uri);
    if (d) for (const k of this.keysOf(d)) ks.add(k);
    for (const k of this.index.keys(toPath(uri))) ks.add(k);
    const out: string[] = [];
    for (const [other, u] of this.used) {
      if (other === uri || !this.docs.has(other)) continue;
      if (u.partners.has(uri) || [...u.wants].some(k => ks.has(k))) out.push(other);
    }
    return out;
  }

  /** A document closed: it is compared with no one any more. */
  forget(uri: string): void { this.used.delete(uri); }

  /** A file changed on disk: read again when next needed. */
  dropFile(file: string): void { this.loaded.delete(file); }

  /** Everything read is read again (settings or configuration changed). */
  reset(): void { this.loaded.clear(); }
}

const uriOf = (file: string) => pathToFileURL(file).toString();
