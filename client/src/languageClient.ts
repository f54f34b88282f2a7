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
    // The project configuration (.nianbaorc.json, or `nianbao` in package.json): the server reads it again when it changes.
    synchronize: { configurationSection: 'nianbao', fileEvents: vscode.workspace.createFileSystemWatcher('**/{.nianbaorc,.nianbaorc.json,package.json}') },
    // The server offers "Show documentation" and "Turn off in settings" only to a client that has the commands (this one registers them).
    initializationOptions: { ruleDocCommand: true, ruleSettingsCommand: true },
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
