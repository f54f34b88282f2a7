import { AbstractMessageReader, Disposable, type DataCallback, type Message } from 'vscode-languageserver/node';

/** A frame whose header is not valid: the stream cannot be read past it. */
export class BrokenFrame extends Error {}

/** The header part of a frame is a few dozen bytes; this much without its end is no header. */
const MAX_HEADER = 4096;
const CR = 13, LF = 10;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The base protocol's reader for a byte stream (stdio), strict where vscode-jsonrpc's reader is
 * lenient: header lines end with `\r\n` (a bare `\n` breaks the frame), each is `Name: value`, there
 * is exactly one `Content-Length`, written in decimal digits, no larger than `maxBody()`, and the
 * charset, when given, is UTF-8. A broken frame is reported as a `BrokenFrame` error and nothing more
 * is read, so the server can exit instead of waiting, deaf, for a body that will never come (or
 * buffering gigabytes of one). A body that is not JSON is reported and skipped: the next frame is
 * read as usual. Bytes are kept as the chunks they came in, joined once per message.
 */
export class StrictStreamReader extends AbstractMessageReader {
  private chunks: Buffer[] = [];
  private size = 0;
  private bodyLength = -1;
  private broken = false;
  private callback: DataCallback | null = null;

  constructor(private readonly input: NodeJS.ReadableStream, private readonly maxBody: () => number) { super(); }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (d: Buffer) => this.onData(d);
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('close', onClose);
    return Disposable.create(() => { this.input.off('data', onData); this.input.off('error', onError); this.input.off('close', onClose); });
  }

  private onData(data: Buffer): void {
    if (this.broken) return;
    this.chunks.push(data);
    this.size += data.length;
    while (!this.broken) {
      if (this.bodyLength < 0 && !this.readHeader()) return;
      if (this.broken || this.size < this.bodyLength) return;
      const body = this.take(this.bodyLength);
      this.bodyLength = -1;
      let message: Message;
      try { message = JSON.parse(body.toString('utf8')); } catch (e) { this.fireError(new Error(`a message that is not JSON was skipped: ${(e as Error).message}`)); continue; }
      // A fault in handing it over is the message's, not the stream's: reported, and the next frame read.
      try { this.callback!(message); } catch (e) { this.fireError(e instanceof Error ? e : new Error(String(e))); }
    }
  }

  /** Reads one header part when it is all there; false while it is not (or once it is broken). */
  private readHeader(): boolean {
    if (this.size === 0) return false;
    const head = this.peek(Math.min(this.size, MAX_HEADER));
    let end = -1;
    for (let k = 0; k < head.length; k++) {
      if (head[k] !== LF) continue;
      if (k === 0 || head[k - 1] !== CR) return this.fail('a header line that does not end with \\r\\n');
      if (k >= 3 && head[k - 2] === LF && head[k - 3] === CR) { end = k + 1; break; }
    }
    if (end < 0) return head.length >= MAX_HEADER ? this.fail(`no end of header in ${MAX_HEADER} bytes`) : false;
    let length: number | null = null;
    for (const line of head.subarray(0, end - 4).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      const name = line.slice(0, Math.max(0, colon)), value = line.slice(colon + 1).trim();
      if (colon <= 0 || !TOKEN.test(name)) return this.fail(`not a header line: ${JSON.stringify(line.slice(0, 80))}`);
      const key = name.toLowerCase();
      if (key === 'content-length') {
        if (length !== null) return this.fail('a second Content-Length');
        if (!/^[0-9]{1,16}$/.test(value)) return this.fail(`Content-Length is not a number of bytes: ${JSON.stringify(value.slice(0, 40))}`);
        length = Number(value);
        if (length > this.maxBody()) return this.fail(`Content-Length ${value} is over the limit of ${this.maxBody()} bytes`);
      } else if (key === 'content-type') {
        const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(value)?.[1];
        if (charset && !/^utf-?8$/i.test(charset)) return this.fail(`unsupported charset ${charset}`);
      }
    }
    if (length === null) return this.fail('a header without Content-Length');
    this.take(end);
    this.bodyLength = length;
    return true;
  }

  private fail(why: string): false {
    this.broken = true;
    this.chunks = [];
    this.size = 0;
    this.fireError(new BrokenFrame(`broken frame: ${why}`));
    return false;
  }

  /** The first `n` bytes, left in place. */
  private peek(n: number): Buffer {
    if (n === 0) return Buffer.alloc(0);
    if (this.chunks[0].length >= n) return this.chunks[0].subarray(0, n);
    const parts: Buffer[] = [];
    for (let k = 0, got = 0; got < n; k++) { const c = this.chunks[k]; parts.push(c.subarray(0, n - got)); got += Math.min(c.length, n - got); }
    return Buffer.concat(parts, n);
  }

  /** Removes and returns the first `n` bytes. */
  private take(n: number): Buffer {
    const out = this.peek(n);
    let left = n;
    while (left > 0 && left >= this.chunks[0].length) left -= this.chunks.shift()!.length;
    if (left > 0) this.chunks[0] = this.chunks[0].subarray(left);
    this.size -= n;
    return out;
  }
}
