// Thin activation: build the services, register every surface, nothing else.

import * as vscode from 'vscode';
import { registerClearResults } from './vscode/commands/clearResults';
import { registerInvestigateIncident } from './vscode/commands/investigateIncident';
import { SettingsStore } from './vscode/config';
import { ViewIds } from './vscode/commandIds';
import type { Services } from './vscode/services';
import { RankedCausesProvider } from './vscode/views/rankedCausesView';

export function activate(context: vscode.ExtensionContext): Services {
  const log = vscode.window.createOutputChannel('CauseLens', { log: true });
  const settings = new SettingsStore();
  const rankedCauses = new RankedCausesProvider();
  context.subscriptions.push(log, settings, rankedCauses);
  // A TreeView (not just a registered provider) so the glue can see and drive the view's visibility.
  const rankedCausesView = vscode.window.createTreeView(ViewIds.rankedCauses, { treeDataProvider: rankedCauses });
  context.subscriptions.push(rankedCausesView);

  const services: Services = { log, settings, rankedCauses, rankedCausesView };
  registerInvestigateIncident(context, services);
  registerClearResults(context, services);
  log.info(`CauseLens activated in VS Code ${vscode.version}`);
  return services;
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
