import * as vscode from 'vscode';
import { RULES } from '../../core/src/rules';

/**
 * "Turn off <code> in settings" (a quick fix the server offers): `nianbao.severity.<code>` set to
 * `off` in the workspace settings — the user settings when no folder is open — keeping the rules
 * already set there.
 */
export async function disableRuleInSettings(code: unknown): Promise<boolean> {
  if (typeof code !== 'string' || !RULES.some(r => r.code === code)) return false;
  const config = vscode.workspace.getConfiguration('nianbao');
  const inWorkspace = !!vscode.workspace.workspaceFolders?.length;
  const target = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const current = config.inspect<Record<string, string>>('severity');
  const set = (inWorkspace ? current?.workspaceValue : current?.globalValue) ?? {};
  await config.update('severity', { ...set, [code]: 'off' }, target);
  const said = inWorkspace
    ? vscode.l10n.t('{0} is turned off in the workspace settings (nianbao.severity).', code)
    : vscode.l10n.t('{0} is turned off in the user settings (nianbao.severity).', code);
  const open = vscode.l10n.t('Open Settings');
  void vscode.window.showInformationMessage(said, open).then(choice => {
    if (choice === open) void vscode.commands.executeCommand(inWorkspace ? 'workbench.action.openWorkspaceSettingsFile' : 'workbench.action.openSettingsJson');
  });
  return true;
}
