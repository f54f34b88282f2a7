import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SERVER } from '../support/lspClient';

export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Resident memory of a process, from /proc (Linux); null elsewhere. */
export function rssOf(pid: number): number | null {
  try { const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8')); return m ? Number(m[1]) * 1024 : null; } catch { return null; }
}

/** The server with raw stdio: frames of our own making, its replies parsed as they come. */
export class RawServer {
  readonly proc: ChildProcess;
  readonly replies: any[] = [];
  stderr = '';
  private buf = Buffer.alloc(0);
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  constructor() {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', d => { this.stderr += d; });
    this.proc.stdin!.on('error', () => { /* the server may be gone */ });
    this.exited = new Promise(r => this.proc.once('exit', (code, signal) => r({ code, signal })));
    this.proc.stdout!.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      for (;;) {
        const h = this.buf.indexOf('\r\n\r\n');
        if (h < 0) return;
        const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, h).toString())?.[1]);
        if (this.buf.length < h + 4 + len) return;
        this.replies.push(JSON.parse(this.buf.subarray(h + 4, h + 4 + len).toString('utf8')));
        this.buf = this.buf.subarray(h + 4 + len);
      }
    });
  }
  static frame(body: string | object): Buffer {
    const b = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`, 'ascii'), b]);
  }
  write(b: Buffer | string): void { if (this.proc.exitCode === null && !this.proc.killed) this.proc.stdin!.write(b); }
  send(body: string | object): void { this.write(RawServer.frame(body)); }
  async reply(id: number, ms = 5000): Promise<any | null> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const r = this.replies.find(x => x.id === id);
      if (r) return r;
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) return null;
      await sleep(20);
    }
    return null;
  }
  async initialize(): Promise<void> {
    this.send({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
    assert.ok(await this.reply(0), `no reply to initialize; stderr: ${this.stderr}`);
    this.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  }
  kill(): void { if (this.proc.exitCode === null) this.proc.kill(); }
}
