// "CauseLens: Set Sentry Auth Token": asks for the token (masked) and keeps it in SecretStorage;
// an empty answer removes the stored token.

import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import type { Services } from '../services';

export function registerSetSentryToken(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandIds.setSentryToken, async () => {
      const hadToken = (await services.sentryToken.get()) !== undefined;
      const token = await vscode.window.showInputBox({
        title: 'CauseLens: Sentry Auth Token',
        prompt: `A Sentry user or internal-integration token with the event:read and project:read scopes. It is kept in VS Code's secret storage, never in settings.${hadToken ? ' Leave empty to remove the stored token.' : ''}`,
        password: true,
        ignoreFocusOut: true,
        placeHolder: 'sntrys_… or a user auth token',
        validateInput: (value) => (/\s/.test(value.trim()) ? 'A token has no spaces.' : undefined),
      });
      if (token === undefined) return false;
      if (token.trim() === '') {
        if (hadToken) await services.sentryToken.delete();
        services.log.info('Removed the Sentry auth token from secret storage.');
        return false;
      }
      await services.sentryToken.store(token.trim());
      services.log.info('Stored the Sentry auth token in secret storage.');
      void vscode.window.showInformationMessage('CauseLens: the Sentry auth token is stored in secret storage.');
      return true;
    }),
  );
}
