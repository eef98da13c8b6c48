// The investigation the surfaces show: the engine's result and the repository it ran on. The
// tree views, CodeLens, decorations and hovers all read it and redraw on `onDidChange`.

import * as vscode from 'vscode';
import type { OfflineAnswer } from '../../core/explain/offline';
import type { InvestigationResult } from '../../core/investigation';

export interface Investigation {
  /** Working-tree root of the repository (paths in the result are relative to it). */
  repoRoot: string;
  result: InvestigationResult;
  /** Explanations of the top causes by commit sha (offline explainer). */
  explanations: ReadonlyMap<string, OfflineAnswer>;
}

export class InvestigationStore implements vscode.Disposable {
  private investigation: Investigation | undefined;
  private readonly changed = new vscode.EventEmitter<Investigation | undefined>();
  readonly onDidChange = this.changed.event;

  get current(): Investigation | undefined {
    return this.investigation;
  }

  set(investigation: Investigation | undefined): void {
    this.investigation = investigation;
    this.changed.fire(investigation);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
