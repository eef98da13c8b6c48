// "CauseLens: Set Sentry Auth Token": asks for the token (masked) and keeps it in SecretStorage;
// an empty answer removes the stored token.

import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { promptForSecret } from '../secretValue';
import type { Services } from '../services';

export function registerSetSentryToken(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandIds.setSentryToken, () =>
      promptForSecret(services.sentryToken, {
        title: 'CauseLens: Sentry Auth Token',
        what: 'Sentry auth token',
        prompt: 'A Sentry user or internal-integration token with the event:read and project:read scopes.',
        placeHolder: 'sntrys_… or a user auth token',
      }, services.log),
    ),
  );
}
