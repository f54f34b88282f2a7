import { ErrorCodes, Message, type DataCallback, type MessageReader, type MessageWriter, type NotificationMessage, type RequestMessage } from 'vscode-languageserver/node';
import { invalidParams } from './validate';

/**
 * What a notification with malformed parameters becomes: delivered in its place, in order, so the
 * server can act on it (a refused didChange closes its document) as it would have on the original.
 */
export const REFUSED = '$/nianbao/refused';
export interface Refused { method: string; uri: string | null; reason: string }

type Phase = 'new' | 'running' | 'shut down';

/**
 * Every message from the client passes here before the connection dispatches it: the LSP lifecycle
 * (before `initialize`, a request gets ServerNotInitialized and a notification other than `exit` is
 * dropped; `initialize` is answered once; after `shutdown`, a request gets InvalidRequest) and the
 * shape of each parameter (validate.ts: a malformed request gets InvalidParams, a malformed
 * notification becomes a `REFUSED` one).
 */
export function gate(reader: MessageReader, writer: MessageWriter): MessageReader {
  let phase: Phase = 'new';
  const refuse = (m: RequestMessage, code: number, message: string) => { void writer.write({ jsonrpc: '2.0', id: m.id, error: { code, message } } as Message); };
  const admit = (m: Message): Message | null => {
    if (Message.isResponse(m)) return m;
    const request = Message.isRequest(m);
    if (!request && !Message.isNotification(m)) return m; // not JSON-RPC: the connection reports it
    const method = (m as RequestMessage).method;
    if (method === REFUSED) return null; // ours only
    if (method === 'exit') return m;
    if (phase === 'new' && method !== 'initialize') {
      if (request) refuse(m, ErrorCodes.ServerNotInitialized, `not initialized: ${method} before initialize`);
      return null;
    }
    if (phase !== 'new' && method === 'initialize') {
      if (request) refuse(m, ErrorCodes.InvalidRequest, 'initialize was already received');
      return null;
    }
    if (phase === 'shut down') {
      if (request) refuse(m, ErrorCodes.InvalidRequest, `shut down: ${method} after shutdown`);
      return null;
    }
    const params = (m as RequestMessage).params;
    const wrong = invalidParams(method, params);
    if (wrong !== null) {
      if (request) { refuse(m, ErrorCodes.InvalidParams, `${method}: ${wrong}`); return null; }
      const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
      return { jsonrpc: '2.0', method: REFUSED, params: { method, uri: typeof uri === 'string' ? uri : null, reason: wrong } satisfies Refused } as NotificationMessage;
    }
    if (method === 'initialize' && request) phase = 'running';
    else if (method === 'shutdown' && request) phase = 'shut down';
    return m;
  };
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    listen: (callback: DataCallback) => reader.listen(m => { const admitted = admit(m); if (admitted) callback(admitted); }),
  };
}
