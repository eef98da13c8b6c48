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

/** Identifies one run, so a slow older run cannot replace the results of a newer one. */
export type RunTicket = number;

export class InvestigationStore implements vscode.Disposable {
  private investigation: Investigation | undefined;
  private latestRun: RunTicket = 0;
  private readonly changed = new vscode.EventEmitter<Investigation | undefined>();
  readonly onDidChange = this.changed.event;

  get current(): Investigation | undefined {
    return this.investigation;
  }

  /** Call when a run starts; publish its result with the ticket. */
  startRun(): RunTicket {
    return ++this.latestRun;
  }

  /** Shows a run's result unless a newer run started (or results were cleared) since; says whether it did. */
  publish(ticket: RunTicket, investigation: Investigation): boolean {
    if (ticket !== this.latestRun) return false;
    this.set(investigation);
    return true;
  }

  set(investigation: Investigation | undefined): void {
    // Clearing also retires the runs in flight: their results would bring back what was cleared.
    if (!investigation) this.latestRun++;
    this.investigation = investigation;
    this.changed.fire(investigation);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
