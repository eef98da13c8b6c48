// Typed CauseLens settings, read once and refreshed when `causelens.*` changes.

import * as vscode from 'vscode';

export interface CauseLensSettings {
  workers: number;
  windowDays: number;
  maxCommits: number;
  sentryBaseUrl: string;
  sentryOrganization: string;
  sentryProject: string;
  explainProvider: 'auto' | 'openai' | 'vscode-lm' | 'offline';
}

export function readSettings(): CauseLensSettings {
  const c = vscode.workspace.getConfiguration('causelens');
  return {
    workers: c.get<number>('workers', 0),
    windowDays: c.get<number>('history.windowDays', 14),
    maxCommits: c.get<number>('history.maxCommits', 500),
    sentryBaseUrl: c.get<string>('sentry.baseUrl', 'https://sentry.io'),
    sentryOrganization: c.get<string>('sentry.organization', ''),
    sentryProject: c.get<string>('sentry.project', ''),
    explainProvider: c.get<CauseLensSettings['explainProvider']>('explain.provider', 'auto'),
  };
}

export class SettingsStore implements vscode.Disposable {
  private current = readSettings();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('causelens')) this.current = readSettings();
    });
  }

  get settings(): CauseLensSettings {
    return this.current;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
