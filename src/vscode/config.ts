// Typed CauseLens settings, read once and refreshed when `causelens.*` changes; surfaces listen
// to `onDidChange` instead of each watching the configuration.

import * as vscode from 'vscode';
import { DEFAULT_MIN_COMMITS, DEFAULT_OLDER_RELATED_COMMITS } from '../core/investigation';

export interface CauseLensSettings {
  workers: number;
  windowDays: number;
  minCommits: number;
  maxCommits: number;
  /** 0: none. */
  olderCommits: number;
  /** 0: no time limit. */
  budgetSeconds: number;
  sentryBaseUrl: string;
  sentryOrganization: string;
  sentryProject: string;
  explainProvider: 'auto' | 'openai' | 'vscode-lm' | 'offline';
  /** OpenAI-compatible base URL; empty when none is configured. */
  explainBaseUrl: string;
  /** Model name at the endpoint (or a VS Code language model's id or family); empty for the default. */
  explainModel: string;
  explainTopCauses: number;
  codeLensEnabled: boolean;
  annotationsEnabled: boolean;
}

export function readSettings(): CauseLensSettings {
  const c = vscode.workspace.getConfiguration('causelens');
  return {
    workers: c.get<number>('workers', 0),
    windowDays: c.get<number>('history.windowDays', 14),
    minCommits: c.get<number>('history.minCommits', DEFAULT_MIN_COMMITS),
    maxCommits: c.get<number>('history.maxCommits', 500),
    olderCommits: c.get<number>('history.olderCommits', DEFAULT_OLDER_RELATED_COMMITS),
    budgetSeconds: c.get<number>('history.budgetSeconds', 120),
    sentryBaseUrl: c.get<string>('sentry.baseUrl', 'https://sentry.io'),
    sentryOrganization: c.get<string>('sentry.organization', ''),
    sentryProject: c.get<string>('sentry.project', ''),
    explainProvider: c.get<CauseLensSettings['explainProvider']>('explain.provider', 'auto'),
    explainBaseUrl: c.get<string>('explain.baseUrl', '').trim(),
    explainModel: c.get<string>('explain.model', '').trim(),
    explainTopCauses: c.get<number>('explain.topCauses', 3),
    codeLensEnabled: c.get<boolean>('codeLens.enabled', true),
    annotationsEnabled: c.get<boolean>('annotations.enabled', true),
  };
}

export class SettingsStore implements vscode.Disposable {
  private current = readSettings();
  private readonly changed = new vscode.EventEmitter<CauseLensSettings>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('causelens')) return;
      this.current = readSettings();
      this.changed.fire(this.current);
    });
  }

  get settings(): CauseLensSettings {
    return this.current;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
