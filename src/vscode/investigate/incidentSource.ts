// Where the incident comes from: a Sentry issue, a stack trace on the clipboard, the text in the
// active editor (or its selection), or an event/trace file. Returns the Incident read from it.

import * as vscode from 'vscode';
import { readIncident } from '../../core/incident';
import type { Incident } from '../../core/incident/model';
import type { CauseLensSettings } from '../config';
import { pickSentryIncident } from '../sentry/sentryIssuePicker';
import type { SecretValue } from '../secretValue';

type Source = 'sentry' | 'clipboard' | 'editor' | 'file';
type SourcePick = vscode.QuickPickItem & { source: Source };

function sourcePicks(settings: CauseLensSettings, editor: vscode.TextEditor | undefined): SourcePick[] {
  const sentryTarget = settings.sentryProject ? `unresolved issues of ${settings.sentryProject}` : 'set causelens.sentry.project first';
  const picks: SourcePick[] = [
    { label: '$(cloud) Sentry issue…', description: sentryTarget, source: 'sentry' },
    { label: '$(clippy) Stack trace on the clipboard', description: 'paste from the clipboard', source: 'clipboard' },
  ];
  if (editor) {
    const name = editor.document.uri.path.split('/').pop() ?? 'editor';
    picks.push({ label: '$(selection) Text in the active editor', description: editor.selection.isEmpty ? name : `selection in ${name}`, source: 'editor' });
  }
  picks.push({ label: '$(file) Open an event or trace file…', description: 'Sentry event JSON, OTLP or Jaeger trace, text', source: 'file' });
  return picks;
}

/** Asks where the incident is and reads it; undefined when the user dismissed a step. */
export async function askForIncident(settings: CauseLensSettings, tokens: SecretValue): Promise<Incident | undefined> {
  const editor = vscode.window.activeTextEditor;
  const pick = await vscode.window.showQuickPick(sourcePicks(settings, editor), {
    title: 'CauseLens: Investigate Incident',
    placeHolder: 'Where is the incident?',
  });
  if (!pick) return undefined;
  switch (pick.source) {
    case 'sentry':
      return pickSentryIncident(settings, tokens);
    case 'clipboard':
      return readIncident(await vscode.env.clipboard.readText());
    case 'editor': {
      const text = editor!.selection.isEmpty ? editor!.document.getText() : editor!.document.getText(editor!.selection);
      return readIncident(text, { fileName: editor!.document.uri.path });
    }
    case 'file': {
      const uris = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: 'Investigate',
        filters: { 'Events, traces and stack traces': ['json', 'jsonl', 'ndjson', 'txt', 'log'], 'All files': ['*'] },
      });
      if (!uris?.[0]) return undefined;
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uris[0]));
      return readIncident(text, { fileName: uris[0].path });
    }
  }
}
