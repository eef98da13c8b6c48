// The API key of the OpenAI-compatible explanation endpoint, kept in VS Code's SecretStorage and
// never in settings (which sync and are shared in workspace files).

import type * as vscode from 'vscode';
import { EXPLAIN_API_KEY_SECRET } from '../commandIds';

export class ExplainApiKeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  get(): Thenable<string | undefined> {
    return this.secrets.get(EXPLAIN_API_KEY_SECRET);
  }

  store(key: string): Thenable<void> {
    return this.secrets.store(EXPLAIN_API_KEY_SECRET, key);
  }

  delete(): Thenable<void> {
    return this.secrets.delete(EXPLAIN_API_KEY_SECRET);
  }
}
