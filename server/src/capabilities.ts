import type { InitializeParams } from 'vscode-languageserver/node';

/**
 * What the client said it can do (its `initialize` capabilities), as the server's features ask it.
 * A client that declares nothing gets only what it can use: plain commands, edits as `changes`,
 * Markdown only when asked for, positions in UTF-16, pushed diagnostics.
 */
export interface ClientFeatures {
  /** Code actions as `CodeAction` literals (else plain `Command`s). */
  codeActionLiterals: boolean;
  /** `codeAction/resolve` fills in an action's `edit` (else edits are computed when offered). */
  resolveEdit: boolean;
  /** Versioned `documentChanges` in workspace edits (else `changes`). */
  documentChanges: boolean;
  /** `workspace/applyEdit` requests are understood. */
  applyEdit: boolean;
  /** Hovers in Markdown (else plain text). */
  markdownHover: boolean;
  /** Positions count UTF-8 bytes (else UTF-16 code units). */
  utf8: boolean;
  /** Settings are asked for with `workspace/configuration`. */
  configuration: boolean;
  /** Diagnostics are pulled (`textDocument/diagnostic`), not pushed. */
  pullDiagnostics: boolean;
  /** `workspace/diagnostic/refresh` is understood. */
  diagnosticRefresh: boolean;
  /** The client has a `nianbao.showRuleDoc` command (our VS Code client says so in its initializationOptions). */
  ruleDocCommand: boolean;
  /** The server may ask the client to watch files (`workspace/didChangeWatchedFiles` registered dynamically). */
  watchFiles: boolean;
  /** The client has a `nianbao.disableRuleInSettings` command (initializationOptions.ruleSettingsCommand). */
  ruleSettingsCommand: boolean;
}

export const NOTHING: ClientFeatures = {
  codeActionLiterals: false, resolveEdit: false, documentChanges: false, applyEdit: false, markdownHover: false,
  utf8: false, configuration: false, pullDiagnostics: false, diagnosticRefresh: false, ruleDocCommand: false, watchFiles: false,
  ruleSettingsCommand: false,
};

export function clientFeatures(params: InitializeParams): ClientFeatures {
  const c = params.capabilities ?? {};
  const text = c.textDocument ?? {};
  const encodings = c.general?.positionEncodings ?? [];
  const hoverFormats = text.hover?.contentFormat;
  const options = params.initializationOptions as { ruleDocCommand?: unknown; ruleSettingsCommand?: unknown } | null | undefined;
  return {
    codeActionLiterals: !!text.codeAction?.codeActionLiteralSupport,
    resolveEdit: !!text.codeAction?.resolveSupport?.properties?.includes('edit'),
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    applyEdit: !!c.workspace?.applyEdit,
    // The client's formats in its order of preference; none said: plain text, which every client shows.
    markdownHover: Array.isArray(hoverFormats) && hoverFormats[0] === 'markdown',
    // UTF-16 is every client's default: UTF-8 only for a client that cannot take UTF-16.
    utf8: Array.isArray(encodings) && encodings.includes('utf-8') && !encodings.includes('utf-16'),
    configuration: !!c.workspace?.configuration,
    pullDiagnostics: !!text.diagnostic,
    diagnosticRefresh: !!c.workspace?.diagnostics?.refreshSupport,
    ruleDocCommand: !!options && typeof options === 'object' && options.ruleDocCommand === true,
    watchFiles: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    ruleSettingsCommand: !!options && typeof options === 'object' && options.ruleSettingsCommand === true,
  };
}
