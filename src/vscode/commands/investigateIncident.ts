// "CauseLens: Investigate Incident…": choose the repository and the incident's source, run the
// real pipeline with progress, and show the ranked causes in the sidebar, CodeLens and annotations.

import * as vscode from 'vscode';
import { isCauseLensError } from '../../core/errors';
import type { Explanation } from '../../core/explain';
import { readIncident } from '../../core/incident';
import type { Incident } from '../../core/incident/model';
import { summarizeIncident, type InvestigationResult, type InvestigationSummary } from '../../core/investigation';
import { CommandIds, ViewIds } from '../commandIds';
import { askForIncident } from '../investigate/incidentSource';
import { chooseWorkspaceRepository, repositoryForFolder } from '../investigate/repositoryFolder';
import { runInvestigation } from '../investigate/runInvestigation';
import { reportFailure } from '../messages';
import { explainInvestigation } from '../results/explanations';
import type { Investigation } from '../results/investigationStore';
import type { Services } from '../services';

/** Optional argument for programmatic callers (tests, other commands). */
export interface InvestigateArgs {
  /** The incident itself: a stack trace, a Sentry event or a trace, as text. */
  text?: string;
  /** The repository to rank (a path or Uri); defaults to the workspace folder's repository. */
  folder?: string | vscode.Uri;
  /** Cancels the run like the notification's Cancel button. */
  cancellation?: vscode.CancellationToken;
}

export interface RankedCauseSummary {
  rank: number;
  sha: string;
  subject: string;
  author: string;
  score: number;
}

export interface InvestigateResultSummary extends InvestigationSummary {
  repository: string;
  revision: string;
  candidates: number;
  /** Candidates from the history window (bounded by the settings); the rest are older commits of the related code, or came from blame. */
  windowCommits: number;
  scored: number;
  ranking: RankedCauseSummary[];
  warnings: string[];
  /** Who explained each of the top causes, in rank order (empty when superseded or failed). */
  explanations: { sha: string; origin: Explanation['origin']; author: string; fallback?: string }[];
}

export function registerInvestigateIncident(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandIds.investigateIncident, (args?: InvestigateArgs) => investigateIncident(services, args)),
  );
}

const tryAgain = { title: 'Try Again', run: () => vscode.commands.executeCommand(CommandIds.investigateIncident) };

async function investigateIncident(services: Services, args?: InvestigateArgs): Promise<InvestigateResultSummary | undefined> {
  const { log } = services;
  try {
    const repoRoot = args?.folder !== undefined ? await repositoryForFolder(args.folder) : await chooseWorkspaceRepository();
    if (!repoRoot) return undefined;
    const incident: Incident | undefined = args?.text !== undefined ? readIncident(args.text) : await askForIncident(services.settings.settings, services.sentryToken);
    if (!incident) return undefined;
    const summary = summarizeIncident(incident);
    log.info(`Investigating "${summary.title}" in ${repoRoot}: ${summary.frameCount} frames, ${summary.inAppFrameCount} in the application`);
    const ticket = services.investigations.startRun();
    const result = await runInvestigation({
      incident,
      repoRoot,
      settings: services.settings.settings,
      pool: services.pool,
      ...(args?.cancellation ? { cancellation: args.cancellation } : {}),
    });
    logResult(services.log, result);
    // The ranking is shown at once; the explanations follow (a model may take a while).
    const investigation: Investigation = { repoRoot, result, explanations: new Map() };
    if (!services.investigations.publish(ticket, investigation)) {
      log.info('A newer investigation started (or the results were cleared) meanwhile; this result is not shown.');
      return toSummary(summary, repoRoot, result, []);
    }
    void vscode.commands.executeCommand(`${ViewIds.rankedCauses}.focus`);
    if (result.causes.length === 0) {
      void vscode.window.showWarningMessage(`CauseLens: no candidate commit was found. ${result.warnings.at(-1) ?? ''}`.trim(), 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'causelens.history');
      });
    }
    const explanations = await explainInvestigation(services, ticket, investigation, args?.cancellation);
    return toSummary(summary, repoRoot, result, explanations);
  } catch (error) {
    if (isCauseLensError(error) && error.reason === 'cancelled') {
      log.info('The investigation was cancelled; the previous results stay.');
      return undefined;
    }
    reportFailure(error, 'Investigate Incident', log, tryAgain);
    return undefined;
  }
}

function logResult(log: vscode.LogOutputChannel, result: InvestigationResult): void {
  const s = result.stats;
  log.info(`Scored ${s.scored}/${s.candidates} candidates (${s.windowCommits} in the window, ${s.olderRelatedCommits} older ones of the related code, ${s.blameCommits} from blame) at ${s.revision.slice(0, 12)} with ${s.workers} workers in ${s.elapsedMs} ms; ${s.locatedFrames}/${s.inAppFrames} in-app frames located`);
  for (const cause of result.causes.slice(0, 3)) log.info(`  #${cause.rank} ${cause.commit.sha.slice(0, 7)} ${(cause.score * 100).toFixed(1)}% ${cause.commit.subject}`);
  for (const warning of result.warnings) log.warn(warning);
}

function toSummary(summary: InvestigationSummary, repository: string, result: InvestigationResult, explanations: readonly Explanation[]): InvestigateResultSummary {
  return {
    ...summary,
    repository,
    revision: result.stats.revision,
    candidates: result.stats.candidates,
    windowCommits: result.stats.windowCommits,
    scored: result.stats.scored,
    ranking: result.causes.slice(0, 10).map((c) => ({ rank: c.rank, sha: c.commit.sha, subject: c.commit.subject, author: c.commit.author, score: c.score })),
    warnings: result.warnings,
    explanations: explanations.map((e) => ({ sha: e.sha, origin: e.origin, author: e.author, ...(e.fallback ? { fallback: e.fallback.reason } : {}) })),
  };
}
