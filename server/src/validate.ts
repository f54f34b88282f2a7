import * as v from 'valibot';

/*
 * The shape of every parameter the server reads, checked when a message arrives (gate.ts), before
 * any handler sees it: a handler may take its parameters as the protocol types say. The protocol's
 * own guards (`Position.is`, …) accept `1.5` or `2 ** 40` as a line, so the numbers are checked here
 * as the specification defines them: `uinteger` and `integer` are whole numbers of 32 bits.
 * Objects are loose: members a later protocol version adds pass through.
 */

const uinteger = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2147483647));
const integer = v.pipe(v.number(), v.integer(), v.minValue(-2147483648), v.maxValue(2147483647));
const position = v.looseObject({ line: uinteger, character: uinteger });
const range = v.looseObject({ start: position, end: position });
const documentId = v.looseObject({ uri: v.string() });
const onDocument = v.looseObject({ textDocument: documentId });

/** An incremental change, or the whole text (no range at all). */
const change = v.union([
  v.looseObject({ range, rangeLength: v.optional(uinteger), text: v.string() }),
  v.looseObject({ range: v.optional(v.never()), text: v.string() }),
]);

/** A diagnostic the client hands back in a code action's context. */
const diagnostic = v.looseObject({
  range, message: v.string(), code: v.optional(v.union([v.string(), integer])), source: v.optional(v.string()),
});

const SCHEMAS: Record<string, v.GenericSchema> = {
  initialize: v.looseObject({
    capabilities: v.looseObject({}),
    processId: v.nullish(integer),
    locale: v.optional(v.string()),
    rootUri: v.nullish(v.string()),
    workspaceFolders: v.nullish(v.array(v.looseObject({ uri: v.string(), name: v.string() }))),
  }),
  '$/cancelRequest': v.looseObject({ id: v.union([integer, v.string()]) }),
  '$/setTrace': v.looseObject({ value: v.picklist(['off', 'messages', 'verbose']) }),
  'textDocument/didOpen': v.looseObject({ textDocument: v.looseObject({ uri: v.string(), languageId: v.string(), version: integer, text: v.string() }) }),
  'textDocument/didChange': v.looseObject({ textDocument: v.looseObject({ uri: v.string(), version: integer }), contentChanges: v.array(change) }),
  'textDocument/didClose': onDocument,
  'workspace/didChangeConfiguration': v.looseObject({ settings: v.unknown() }),
  'textDocument/hover': v.looseObject({ textDocument: documentId, position }),
  'textDocument/codeAction': v.looseObject({
    textDocument: documentId, range,
    context: v.looseObject({ diagnostics: v.array(diagnostic), only: v.optional(v.array(v.string())) }),
  }),
  'codeAction/resolve': v.looseObject({ title: v.string() }),
  'textDocument/documentSymbol': onDocument,
  'textDocument/foldingRange': onDocument,
  'textDocument/inlayHint': v.looseObject({ textDocument: documentId, range }),
  'textDocument/diagnostic': v.looseObject({ textDocument: documentId, identifier: v.optional(v.string()), previousResultId: v.optional(v.string()) }),
  'workspace/diagnostic': v.looseObject({ previousResultIds: v.array(v.looseObject({ uri: v.string(), value: v.string() })) }),
  'workspace/executeCommand': v.looseObject({ command: v.string(), arguments: v.optional(v.array(v.unknown())) }),
  'nianbao/reportInfo': v.looseObject({ uri: v.string(), offset: uinteger }),
};

/** What a fix-all code action carries until it is resolved (codeActions.ts makes it). */
export const fixAllData = v.looseObject({ uri: v.string(), version: integer, report: v.optional(uinteger) });

/** What a fix offered as a plain command carries (codeActions.ts `FixCommand`). */
export const fixCommand = v.looseObject({
  uri: v.string(), version: integer, report: v.optional(uinteger),
  edits: v.optional(v.array(v.looseObject({ start: uinteger, end: uinteger, newText: v.string() }))),
});

/** Null when `params` has the shape `method` takes (or `method` is not one the server reads), else what is wrong. */
export function invalidParams(method: string, params: unknown): string | null {
  const schema = SCHEMAS[method];
  if (!schema) return null;
  const r = v.safeParse(schema, params, { abortEarly: true });
  if (r.success) return null;
  const issue = r.issues[0];
  return `${v.getDotPath(issue) ?? 'params'}: ${issue.message}`;
}
