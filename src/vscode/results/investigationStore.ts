// The investigation the surfaces show: the engine's result and the repository it ran on. The
// tree views, CodeLens, decorations and hovers all read it and redraw on `onDidChange`.

import * as vscode from 'vscode';
import type { Explanation } from '../../core/explain';
import type { InvestigationResult } from '../../core/investigation';

export interface Investigation {
  /** Working-tree root of the repository (paths in the result are relative to it). */
  repoRoot: string;
  result: InvestigationResult;
  /** Explanations of the top causes by commit sha; they arrive after the ranking is shown. */
  explanations: ReadonlyMap<string, Explanation>;
  /** Where the model that wrote the explanations runs (a base URL or `vscode-lm:…`), when one did. */
  explanationEndpoint?: string;
}

/** Identifies one run, so a slow older run cannot replace the results of a newer one. */
export type RunTicket = number;

export class InvestigationStore implements vscode.Disposable {
  private investigation: Investigation | undefined;
  private latestRun: RunTicket = 0;
  /** Aborts the work still running for the latest run (its explanations) when it is superseded. */
  private latestRunWork = new AbortController();
  private readonly changed = new vscode.EventEmitter<Investigation | undefined>();
  readonly onDidChange = this.changed.event;

  get current(): Investigation | undefined {
    return this.investigation;
  }

  /** Call when a run starts; publish its result with the ticket. */
  startRun(): RunTicket {
    this.retireLatestRun();
    return this.latestRun;
  }

  /** Aborted once a newer run starts or the results are cleared. */
  runSignal(ticket: RunTicket): AbortSignal {
    return ticket === this.latestRun ? this.latestRunWork.signal : AbortSignal.abort();
  }

  /** Shows a run's result unless a newer run started (or results were cleared) since; says whether it did. */
  publish(ticket: RunTicket, investigation: Investigation): boolean {
    if (ticket !== this.latestRun) return false;
    this.investigation = investigation;
    this.changed.fire(investigation);
    return true;
  }

  /** Adds one explanation to the run's shown result; ignored once the run is superseded. */
  addExplanation(ticket: RunTicket, explanation: Explanation, endpoint?: string): boolean {
    if (ticket !== this.latestRun || !this.investigation) return false;
    const explanations = new Map(this.investigation.explanations).set(explanation.sha, explanation);
    return this.publish(ticket, { ...this.investigation, explanations, ...(endpoint ? { explanationEndpoint: endpoint } : {}) });
  }

  set(investigation: Investigation | undefined): void {
    // Clearing also retires the runs in flight: their results would bring back what was cleared.
    if (!investigation) this.retireLatestRun();
    this.investigation = investigation;
    this.changed.fire(investigation);
  }

  private retireLatestRun(): void {
    this.latestRun++;
    this.latestRunWork.abort();
    this.latestRunWork = new AbortController();
  }

  dispose(): void {
    this.latestRunWork.abort();
    this.changed.dispose();
  }
}
