// "CauseLens: Set LLM API Key": asks for the explanation endpoint's API key (masked) and keeps it
// in SecretStorage; an empty answer removes the stored key.

import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import type { Services } from '../services';

export function registerSetExplainApiKey(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandIds.setExplainApiKey, async () => {
      const hadKey = (await services.explainApiKey.get()) !== undefined;
      const key = await vscode.window.showInputBox({
        title: 'CauseLens: LLM API Key',
        prompt: `The API key of the OpenAI-compatible endpoint in causelens.explain.baseUrl. It is kept in VS Code's secret storage, never in settings.${hadKey ? ' Leave empty to remove the stored key.' : ''}`,
        password: true,
        ignoreFocusOut: true,
        placeHolder: 'sk-… (local servers usually need none)',
        validateInput: (value) => (/\s/.test(value.trim()) ? 'An API key has no spaces.' : undefined),
      });
      if (key === undefined) return false;
      if (key.trim() === '') {
        if (hadKey) await services.explainApiKey.delete();
        services.log.info('Removed the LLM API key from secret storage.');
        return false;
      }
      await services.explainApiKey.store(key.trim());
      services.log.info('Stored the LLM API key in secret storage.');
      void vscode.window.showInformationMessage('CauseLens: the LLM API key is stored in secret storage.');
      return true;
    }),
  );
}
