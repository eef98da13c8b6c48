// The Sentry auth token, kept in VS Code's SecretStorage (encrypted by the OS keychain where
// there is one) and never in settings, which sync and are shared in workspace files.

import type * as vscode from 'vscode';
import { SENTRY_TOKEN_SECRET } from '../commandIds';

export class SentryTokenStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  get(): Thenable<string | undefined> {
    return this.secrets.get(SENTRY_TOKEN_SECRET);
  }

  store(token: string): Thenable<void> {
    return this.secrets.store(SENTRY_TOKEN_SECRET, token);
  }

  delete(): Thenable<void> {
    return this.secrets.delete(SENTRY_TOKEN_SECRET);
  }
}
