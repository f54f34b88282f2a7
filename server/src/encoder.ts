import type { Message, NotificationMessage } from 'vscode-languageserver';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';

/**
 * The JSON encoder of the stdio stream. A compilation's publication lists every diagnostic of every
 * report (hundreds, 250 KB), yet an edit changes those of one report: the others are the same
 * objects as last time (cached per report in diagnostics.ts), so their UTF-8 JSON is kept with them
 * and only new diagnostics are stringified and encoded; the message is the bytes put end to end.
 * Other messages, and other charsets: plain `JSON.stringify`.
 */
const encoded = new WeakMap<object, Buffer>();
function bytesOf(d: object): Buffer {
  let b = encoded.get(d);
  if (b === undefined) encoded.set(d, (b = Buffer.from(JSON.stringify(d), 'utf8')));
  return b;
}

const isPublication = (m: Message): m is NotificationMessage & { params: PublishDiagnosticsParams } =>
  (m as NotificationMessage).method === 'textDocument/publishDiagnostics' && !!(m as NotificationMessage).params;

const COMMA = Buffer.from(','), CLOSE = Buffer.from(']}}');

/** A publication as UTF-8 JSON, equal to `JSON.stringify(m)`. */
function encodePublication(m: NotificationMessage & { params: PublishDiagnosticsParams }): Buffer {
  const { uri, version, diagnostics } = m.params;
  const head = `{"jsonrpc":${JSON.stringify(m.jsonrpc)},"method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)}` +
    `${version === undefined ? '' : `,"version":${JSON.stringify(version)}`},"diagnostics":[`;
  const parts: Buffer[] = [Buffer.from(head, 'utf8')];
  for (let i = 0; i < diagnostics.length; i++) { if (i) parts.push(COMMA); parts.push(bytesOf(diagnostics[i])); }
  parts.push(CLOSE);
  return Buffer.concat(parts);
}

const isUtf8 = (charset: string) => /^utf-?8$/i.test(charset);

/** For vscode-jsonrpc's stream writer (`contentTypeEncoder`). */
export const jsonEncoder = {
  name: 'application/json',
  encode: (m: Message, options: { charset: string }): Promise<Uint8Array> => Promise.resolve(isPublication(m) && isUtf8(options.charset)
    ? encodePublication(m) : Buffer.from(JSON.stringify(m), options.charset as BufferEncoding)),
};
