// One secret (the Sentry auth token, the LLM API key) kept in VS Code's SecretStorage, which the
// OS keychain encrypts where there is one, and never in settings (they sync and are shared in
// workspace files); plus the masked prompt both "Set …" commands use to store or remove it.

import * as vscode from 'vscode';

export class SecretValue {
  constructor(private readonly secrets: vscode.SecretStorage, private readonly key: string) {}

  get(): Thenable<string | undefined> {
    return this.secrets.get(this.key);
  }

  store(value: string): Thenable<void> {
    return this.secrets.store(this.key, value);
  }

  delete(): Thenable<void> {
    return this.secrets.delete(this.key);
  }
}

export interface SecretPrompt {
  title: string;
  /** "Sentry auth token", "LLM API key": used in the log and the messages. */
  what: string;
  prompt: string;
  placeHolder: string;
}

/** Asks for the secret (masked); an empty answer removes a stored one. True when one was stored. */
export async function promptForSecret(secret: SecretValue, ask: SecretPrompt, log: vscode.LogOutputChannel): Promise<boolean> {
  const hadValue = (await secret.get()) !== undefined;
  const value = await vscode.window.showInputBox({
    title: ask.title,
    prompt: `${ask.prompt} It is kept in VS Code's secret storage, never in settings.${hadValue ? ' Leave empty to remove the stored one.' : ''}`,
    password: true,
    ignoreFocusOut: true,
    placeHolder: ask.placeHolder,
    validateInput: (v) => (/\s/.test(v.trim()) ? `A ${ask.what} has no spaces.` : undefined),
  });
  if (value === undefined) return false;
  if (value.trim() === '') {
    if (hadValue) await secret.delete();
    log.info(`Removed the ${ask.what} from secret storage.`);
    return false;
  }
  await secret.store(value.trim());
  log.info(`Stored the ${ask.what} in secret storage.`);
  void vscode.window.showInformationMessage(`CauseLens: the ${ask.what} is stored in secret storage.`);
  return true;
}
