// Runs the engine's pipeline on one incident under a cancellable progress notification, showing
// the best cause so far while the worker pool scores, with the settings' window and budget.

import * as vscode from 'vscode';
import { createCodeModel, locateFramesAtRevision } from '../../core/engine';
import { CauseLensError } from '../../core/errors';
import type { Incident } from '../../core/incident/model';
import { investigate, type InvestigationProgress, type InvestigationResult } from '../../core/investigation';
import type { CauseLensSettings } from '../config';
import { shortSha } from '../results/suspectIndex';
import type { HypothesisPoolHolder } from './poolHolder';

export interface RunRequest {
  incident: Incident;
  repoRoot: string;
  settings: CauseLensSettings;
  pool: HypothesisPoolHolder;
  /** A caller's own cancellation, on top of the notification's Cancel button. */
  cancellation?: vscode.CancellationToken;
}

/** Progress text: "Scored 120/480 · best so far a1b2c3d". */
export function progressMessage(p: InvestigationProgress): string {
  switch (p.phase) {
    case 'locating':
      return 'Locating the stack frames in the repository…';
    case 'history':
      return 'Reading the history window…';
    default: {
      const best = p.ranking[0];
      return `Scored ${p.scored}/${p.total}${best ? ` · best so far ${shortSha(best.commit.sha)}` : ''}`;
    }
  }
}

/** The result, or a CauseLensError 'cancelled' when the user or caller cancelled. */
export function runInvestigation(request: RunRequest): Thenable<InvestigationResult> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `CauseLens: ${request.incident.title.slice(0, 80)}`, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancel = () => controller.abort();
      const listeners = [token.onCancellationRequested(cancel), ...(request.cancellation ? [request.cancellation.onCancellationRequested(cancel)] : [])];
      if (token.isCancellationRequested || request.cancellation?.isCancellationRequested) cancel();
      const lease = request.pool.acquire(request.settings.workers);
      let reported = 0;
      try {
        if (controller.signal.aborted) throw new CauseLensError('cancelled', 'The investigation was cancelled.');
        const { settings } = request;
        return await investigate(request.incident, {
          repoPath: request.repoRoot,
          sinceDays: settings.windowDays,
          minCommits: settings.minCommits,
          maxCommits: settings.maxCommits,
          olderRelatedCommits: settings.olderCommits,
          ...(settings.budgetSeconds > 0 ? { budgetMs: settings.budgetSeconds * 1000 } : {}),
          pool: lease.pool,
          signal: controller.signal,
          locateFrames: locateFramesAtRevision,
          codeModel: createCodeModel,
          onProgress: (p) => {
            const done = p.total > 0 ? Math.floor((p.scored / p.total) * 100) : 0;
            progress.report({ message: progressMessage(p), increment: Math.max(0, done - reported) });
            reported = Math.max(reported, done);
          },
        });
      } finally {
        lease.release();
        for (const l of listeners) l.dispose();
      }
    },
  );
}
