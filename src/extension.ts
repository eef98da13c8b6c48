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
  context.subscriptions.push(vscode.window.registerTreeDataProvider(ViewIds.rankedCauses, rankedCauses));

  const services: Services = { log, settings, rankedCauses };
  registerInvestigateIncident(context, services);
  registerClearResults(context, services);
  log.info(`CauseLens activated in VS Code ${vscode.version}`);
  return services;
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
