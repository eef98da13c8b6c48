// The small typed set of services the glue passes around (no global state, no container).

import type * as vscode from 'vscode';
import type { SettingsStore } from './config';
import type { RankedCausesNode, RankedCausesProvider } from './views/rankedCausesView';

export interface Services {
  readonly log: vscode.LogOutputChannel;
  readonly settings: SettingsStore;
  readonly rankedCauses: RankedCausesProvider;
  readonly rankedCausesView: vscode.TreeView<RankedCausesNode>;
}
