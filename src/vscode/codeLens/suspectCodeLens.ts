// CodeLens over code changed by the top suspect commits: "CauseLens #1 (42%): a1b2c3d 'simplify
// user formatting' — Show Diff" at the start of each block of suspect lines.

import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import type { SettingsStore } from '../config';
import type { InvestigationStore } from '../results/investigationStore';
import { percent, shortSha, suspectBlocksInFile, type SuspectBlock } from '../results/suspectIndex';

const MAX_SUBJECT = 60;

export function codeLensTitle(block: SuspectBlock): string {
  const { cause } = block;
  const subject = cause.commit.subject.length > MAX_SUBJECT ? `${cause.commit.subject.slice(0, MAX_SUBJECT - 1)}…` : cause.commit.subject;
  return `CauseLens #${cause.rank} (${percent(cause.score)}): ${shortSha(cause.commit.sha)} '${subject}' — Show Diff`;
}

export class SuspectCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly store: InvestigationStore, private readonly settings: SettingsStore) {
    this.subscriptions = [store.onDidChange(() => this.changed.fire()), settings.onDidChange(() => this.changed.fire())];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.settings.settings.codeLensEnabled || document.uri.scheme !== 'file') return [];
    return suspectBlocksInFile(this.store.current, document.uri.fsPath)
      .filter((block) => block.startLine <= document.lineCount)
      .map((block) => {
        const line = block.startLine - 1;
        return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          title: codeLensTitle(block),
          tooltip: `Open the changes of ${shortSha(block.cause.commit.sha)} (${block.cause.commit.author}) to the files of this incident`,
          command: CommandIds.showCommitDiff,
          arguments: [block.cause.commit.sha],
        });
      });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

export function registerSuspectCodeLens(context: vscode.ExtensionContext, store: InvestigationStore, settings: SettingsStore): void {
  const provider = new SuspectCodeLensProvider(store, settings);
  context.subscriptions.push(provider, vscode.languages.registerCodeLensProvider({ scheme: 'file' }, provider));
}
