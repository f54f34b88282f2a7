import type { Message, NotificationMessage } from 'vscode-languageserver';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';

/**
 * The JSON encoder of the stdio stream. A compilation's publication lists every diagnostic of every
 * report (hundreds, 250 KB), yet an edit changes those of one report: the others are the same
 * objects as last time (cached per report in diagnostics.ts), so their JSON is kept with them and
 * only new diagnostics are stringified. Other messages: plain `JSON.stringify`.
 */
const encoded = new WeakMap<object, string>();
function jsonOf(d: object): string {
  let s = encoded.get(d);
  if (s === undefined) encoded.set(d, (s = JSON.stringify(d)));
  return s;
}

const isPublication = (m: Message): m is NotificationMessage & { params: PublishDiagnosticsParams } =>
  (m as NotificationMessage).method === 'textDocument/publishDiagnostics' && !!(m as NotificationMessage).params;

function encodeMessage(m: Message): string {
  if (!isPublication(m)) return JSON.stringify(m);
  const { uri, version, diagnostics } = m.params;
  const body = diagnostics.map(jsonOf).join(',');
  return `{"jsonrpc":${JSON.stringify(m.jsonrpc)},"method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)}` +
    `${version === undefined ? '' : `,"version":${JSON.stringify(version)}`},"diagnostics":[${body}]}}`;
}

/** For vscode-jsonrpc's stream writer (`contentTypeEncoder`). */
export const jsonEncoder = {
  name: 'application/json',
  encode: (m: Message, options: { charset: string }): Promise<Uint8Array> => Promise.resolve(Buffer.from(encodeMessage(m), options.charset as BufferEncoding)),
};
