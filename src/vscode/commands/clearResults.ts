// "CauseLens: Clear Results": forgets the investigation; every surface redraws empty.

import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import type { Services } from '../services';

export function registerClearResults(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.commands.registerCommand(CommandIds.clearResults, () => services.investigations.set(undefined)));
}
