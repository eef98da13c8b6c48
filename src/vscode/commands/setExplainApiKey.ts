// "CauseLens: Set LLM API Key": asks for the explanation endpoint's API key (masked) and keeps it
// in SecretStorage; an empty answer removes the stored key.

import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { promptForSecret } from '../secretValue';
import type { Services } from '../services';

export function registerSetExplainApiKey(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandIds.setExplainApiKey, () =>
      promptForSecret(services.explainApiKey, {
        title: 'CauseLens: LLM API Key',
        what: 'LLM API key',
        prompt: 'The API key of the OpenAI-compatible endpoint in causelens.explain.baseUrl.',
        placeHolder: 'sk-… (local servers usually need none)',
      }, services.log),
    ),
  );
}
