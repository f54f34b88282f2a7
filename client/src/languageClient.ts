import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/**
 * The language client, bundled on its own (dist/languageClient.js): vscode-languageclient is most
 * of the client's code, and loading it after activation keeps activation itself short.
 */
export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const languages = ['nianbao', 'plaintext', 'markdown', 'html'];
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap(language => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
    synchronize: { configurationSection: 'nianbao' },
    // The server offers "Show documentation" only to a client that has the command (this one registers it).
    initializationOptions: { ruleDocCommand: true },
  };
  const client = new LanguageClient('nianbao', 'Nianbao 年报', serverOptions, clientOptions);

  // The client restarts a crashed server (up to 4 times in 3 minutes); tell the user once.
  let warned = false;
  context.subscriptions.push(client.onDidChangeState(e => {
    if (e.oldState === State.Running && e.newState === State.Stopped && !warned) {
      warned = true;
      void vscode.window.showWarningMessage(vscode.l10n.t('The Nianbao checker stopped unexpectedly and is being restarted.'));
    }
  }));
  return client;
}
