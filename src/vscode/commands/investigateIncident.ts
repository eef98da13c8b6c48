// "CauseLens: Investigate Incident…": choose a source, read the incident, show it in the sidebar.

import * as vscode from 'vscode';
import { isCauseLensError } from '../../core/errors';
import { readIncident } from '../../core/incident';
import { summarizeIncident } from '../../core/investigation';
import { CommandIds, ViewIds } from '../commandIds';
import type { Services } from '../services';

type SourcePick = vscode.QuickPickItem & { source: 'clipboard' | 'editor' | 'file' };

/** Optional argument for programmatic callers (tests, other commands): the incident text itself. */
export interface InvestigateArgs {
  text?: string;
}

export function registerInvestigateIncident(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandIds.investigateIncident, (args?: InvestigateArgs) =>
      investigateIncident(services, args),
    ),
  );
}

async function investigateIncident(services: Services, args?: InvestigateArgs) {
  const text = args?.text ?? (await askForIncidentText());
  if (text === undefined) return undefined;
  try {
    const incident = readIncident(text);
    services.rankedCauses.show(incident);
    const summary = summarizeIncident(incident);
    services.log.info(
      `Investigating "${summary.title}": ${summary.frameCount} frames, ${summary.inAppFrameCount} in the application`,
    );
    void vscode.commands.executeCommand(`${ViewIds.rankedCauses}.focus`);
    return summary;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    services.log.error(`Investigate Incident failed: ${message}`);
    if (isCauseLensError(error) && error.reason === 'bad-input') {
      void vscode.window.showErrorMessage(`CauseLens: ${message}`, 'Try Again').then((choice) => {
        if (choice) void vscode.commands.executeCommand(CommandIds.investigateIncident);
      });
    } else {
      void vscode.window.showErrorMessage(`CauseLens: ${message}`, 'Show Log').then((choice) => {
        if (choice) services.log.show();
      });
    }
    return undefined;
  }
}

async function askForIncidentText(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const picks: SourcePick[] = [
    { label: '$(clippy) Stack trace on the clipboard', description: 'paste from the clipboard', source: 'clipboard' },
    { label: '$(file) Open an event or trace file…', description: 'Sentry event JSON, OTLP or Jaeger trace, text', source: 'file' },
  ];
  if (editor) {
    const name = editor.document.uri.path.split('/').pop() ?? 'editor';
    picks.push({ label: '$(selection) Text in the active editor', description: editor.selection.isEmpty ? name : `selection in ${name}`, source: 'editor' });
  }
  const pick = await vscode.window.showQuickPick(picks, {
    title: 'CauseLens: Investigate Incident',
    placeHolder: 'Where is the incident?',
  });
  if (!pick) return undefined;
  switch (pick.source) {
    case 'clipboard':
      return vscode.env.clipboard.readText();
    case 'editor':
      return editor!.selection.isEmpty ? editor!.document.getText() : editor!.document.getText(editor!.selection);
    case 'file': {
      const uris = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Investigate' });
      if (!uris?.[0]) return undefined;
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uris[0]));
    }
  }
}
