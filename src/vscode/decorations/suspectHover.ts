// Hover on a suspect line: the cause's evidence in markdown, with a link that opens its diff.

import * as vscode from 'vscode';
import type { SettingsStore } from '../config';
import type { InvestigationStore } from '../results/investigationStore';
import { suspectBlocksInFile } from '../results/suspectIndex';
import { causeMarkdown, shownExplanation } from '../views/causeMarkdown';

export class SuspectHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: InvestigationStore,
    private readonly settings: SettingsStore,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.settings.settings.annotationsEnabled) return undefined;
    const line = position.line + 1;
    const investigation = this.store.current;
    const blocks = suspectBlocksInFile(investigation, document.uri.fsPath).filter((b) => line >= b.startLine && line <= b.endLine);
    // One section per cause, even when a cause has several blocks here.
    const causes = [...new Set(blocks.map((b) => b.cause))];
    if (causes.length === 0) return undefined;
    const contents = causes.map((cause) => causeMarkdown(cause, { diffLink: true, explanation: shownExplanation(investigation, cause.commit.sha) }));
    const first = blocks[0];
    return new vscode.Hover(contents, new vscode.Range(first.startLine - 1, 0, first.endLine - 1, document.lineAt(Math.min(first.endLine, document.lineCount) - 1).text.length));
  }
}

export function registerSuspectHover(context: vscode.ExtensionContext, store: InvestigationStore, settings: SettingsStore): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider({ scheme: 'file' }, new SuspectHoverProvider(store, settings)));
}
