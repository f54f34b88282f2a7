import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { applyEdits, decodeBytes, fixAllEdits, LineIndex, type Cell, type Decoded, type OffsetEdit, type ReportDocument } from '../../core/src';
import { nodeUtf8 } from './utf8';

/** One cell `--fix` wrote (or, with `--fix-dry-run`, would write): where, which cell, its text before and after. */
export interface FixChange { line: number; character: number; cell: string; from: string; to: string }

/** A figure of digits only, ASCII or full-width (the fix keeps the cell's own digits). */
const WRITTEN_DIGITS = /^[0-9０-９]*$/;

/**
 * The fix-all edits of the core (`fixAllEdits`: the located and relation-fixing values, never into a
 * cell the reader is unsure of) into a cell of its own read as written, that change digits only: a figure written in ASCII or full-width
 * digits (or a blank place) replaced by digits of the same kind. Anything else — a sign, separators, a unit
 * inside the span — is left for a person.
 */
export function digitEdits(doc: ReportDocument): { edits: OffsetEdit[]; changes: FixChange[] } {
  const cells = new Map<number, Cell>();
  for (const p of doc.reports()) for (const c of p.report.cells.values()) cells.set(p.base + c.start, c);
  const text = doc.text, lines = new LineIndex(text);
  const edits: OffsetEdit[] = [], changes: FixChange[] = [];
  for (const e of fixAllEdits(doc)) {
    const from = text.slice(e.start, e.end), cell = cells.get(e.start);
    // Only into a cell of its own, read as written (not a digit of a glued run, not a value the reader inferred).
    if (!cell || cell.glued || (cell.provenance && cell.provenance !== 'written')) continue;
    if (!e.newText || !WRITTEN_DIGITS.test(e.newText) || !WRITTEN_DIGITS.test(from) || from === e.newText) continue;
    edits.push(e);
    const at = lines.positionAt(e.start);
    changes.push({ line: at.line, character: at.character, cell: cell.key, from, to: e.newText });
  }
  return { edits, changes };
}

/** The byte offset of each text offset asked for (ascending), walking the bytes in the file's encoding. */
function byteOffsets(bytes: Uint8Array, d: Decoded, text: string, offsets: number[]): number[] {
  const out: number[] = [];
  switch (d.encoding) {
    case 'utf-16le': case 'utf-16be': {
      const bom = d.guessed ? 0 : 2;
      for (const o of offsets) out.push(bom + 2 * o);
      return out;
    }
    case 'utf-8': case 'utf-8-bom': {
      let byte = d.encoding === 'utf-8-bom' ? 3 : 0, unit = 0;
      for (const o of offsets) { byte += Buffer.byteLength(text.slice(unit, o), 'utf8'); unit = o; out.push(byte); }
      return out;
    }
    case 'gb18030': {
      // One byte below 0x80; a lead byte and a digit: four bytes (a supplementary character, two units, from lead 0x90 on); else two.
      let byte = 0, unit = 0, k = 0;
      while (k < offsets.length) {
        if (unit >= offsets[k]) { out.push(byte); k++; continue; }
        const lead = bytes[byte];
        if (lead < 0x80 || lead === 0xff || byte + 1 >= bytes.length) { byte++; unit++; }
        else if (bytes[byte + 1] >= 0x30 && bytes[byte + 1] <= 0x39) { byte += 4; unit += lead >= 0x90 ? 2 : 1; }
        else { byte += 2; unit++; }
      }
      return out;
    }
  }
}

/**
 * The new digits (ASCII or full-width) in the file's encoding. GB18030 writes a full-width digit as
 * the two bytes A3 B0–B9; `fixedBytes` reads the result back, so a wrong byte is never written.
 */
function encodeDigits(s: string, d: Decoded): Buffer {
  if (d.encoding === 'gb18030') return Buffer.from([...s].flatMap(ch => { const c = ch.charCodeAt(0); return c >= 0xff10 && c <= 0xff19 ? [0xa3, 0xb0 + c - 0xff10] : [c]; }));
  const b = Buffer.from(s, d.encoding === 'utf-16le' || d.encoding === 'utf-16be' ? 'utf16le' : 'utf8');
  return d.encoding === 'utf-16be' ? b.swap16() : b;
}

/**
 * The file's bytes with the edits written in, every other byte as it was; null when the result,
 * read back, would not be exactly the fixed text (then nothing is written).
 */
export function fixedBytes(bytes: Uint8Array, d: Decoded, edits: OffsetEdit[]): Buffer | null {
  const text = d.text;
  const at = byteOffsets(bytes, d, text, edits.flatMap(e => [e.start, e.end]));
  const parts: Uint8Array[] = [];
  let last = 0;
  edits.forEach((e, i) => { parts.push(bytes.subarray(last, at[2 * i]), encodeDigits(e.newText, d)); last = at[2 * i + 1]; });
  parts.push(bytes.subarray(last));
  const out = Buffer.concat(parts);
  const back = decodeBytes(out, nodeUtf8);
  return back.encoding === d.encoding && back.text === applyEdits(text, edits) ? out : null;
}

/**
 * Writes `bytes` over `file` atomically: a temporary file in the same folder (the original's
 * permissions), flushed, then renamed over the real file (a link's target, not the link). Refuses
 * when the file changed since it was read (`size`, `mtimeMs`).
 */
export function writeAtomically(file: string, bytes: Uint8Array, read: { size: number; mtimeMs: number }): void {
  const target = realpathSync(file);
  const st = statSync(target);
  if (st.size !== read.size || st.mtimeMs !== read.mtimeMs) throw Object.assign(new Error('changed while being checked'), { code: 'ECHANGED' });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.nianbao-${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', st.mode & 0o7777);
  try {
    for (let n = 0; n < bytes.length;) n += writeSync(fd, bytes, n, bytes.length - n);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd); unlinkSync(tmp); throw e;
  }
  closeSync(fd);
  try { renameSync(tmp, target); } catch (e) { unlinkSync(tmp); throw e; }
}
