import type { JsonSink } from '../../core/src';

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * JSON pieces → UTF-8 bytes in one growing buffer. ASCII pieces (most of a file's JSON: keys,
 * figures, ranges) are gathered into a run and copied a byte per character; only the other pieces
 * (titles, messages) are transcoded — instead of transcoding the whole two-byte string.
 */
export class Utf8Sink implements JsonSink {
  private buf = Buffer.allocUnsafeSlow(64 * 1024);
  private len = 0;
  private run = '';

  ascii(s: string): void { this.run += s; }

  text(s: string): void {
    if (isAscii(s)) { this.run += s; return; }
    this.flush();
    this.reserve(3 * s.length);
    this.len += this.buf.write(s, this.len, 'utf8');
  }

  /** Bytes already UTF-8 (a cached entry), appended as they are. */
  bytes(b: Uint8Array): void {
    this.flush();
    this.reserve(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  /** Where the next byte goes: with `since`, the bytes one piece of output took. */
  mark(): number { this.flush(); return this.len; }

  /** A copy of the bytes written from `mark` on. */
  since(mark: number): Buffer { this.flush(); return Buffer.from(this.buf.subarray(mark, this.len)); }

  /**
   * The bytes written since the last `take`, in a buffer of their own (to hand to another thread):
   * the sink's own buffer when they fill most of it (a new one is taken for what follows), else a copy.
   */
  take(): Uint8Array {
    this.flush();
    const n = this.len;
    this.len = 0;
    if (4 * n < 3 * this.buf.length) {
      const out = Buffer.allocUnsafeSlow(n);
      this.buf.copy(out, 0, 0, n);
      return out;
    }
    const full = this.buf.subarray(0, n);
    this.buf = Buffer.allocUnsafeSlow(this.buf.length);
    return full;
  }

  private flush(): void {
    if (!this.run) return;
    this.reserve(this.run.length);
    this.len += this.buf.write(this.run, this.len, 'latin1');
    this.run = '';
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(2 * this.buf.length, this.len + n));
    this.buf.copy(bigger, 0, 0, this.len);
    this.buf = bigger;
  }
}
