// Explanations of the top causes for the hover and the tree tooltip, written after the ranking is
// shown: by the configured model when the workspace is trusted and the user consented to its
// endpoint, else (or when the model fails) by core/explain's offline explainer.

import * as vscode from 'vscode';
import { isCauseLensError } from '../../core/errors';
import { explainCauses, readCausesToExplain, type ConsentToken, type Explanation, type ExplainRequest, type ExplanationModel } from '../../core/explain';
import { chooseExplanationModel } from '../explain/chooseModel';
import { obtainConsent } from '../explain/consent';
import type { Services } from '../services';
import type { Investigation, RunTicket } from './investigationStore';

type ExplainServices = Pick<Services, 'log' | 'settings' | 'investigations' | 'explainApiKey' | 'explainConsent' | 'payloadPreviews'>;

/** The model and consent to use, or none (offline) with the reason logged. */
async function modelWithConsent(services: ExplainServices, request: ExplainRequest, top: number): Promise<{ model?: ExplanationModel; consent?: ConsentToken }> {
  const { log, settings } = services;
  if (settings.settings.explainProvider === 'offline') return {};
  if (!vscode.workspace.isTrusted) {
    log.info('This workspace is not trusted: explanations are written offline and nothing is sent.');
    return {};
  }
  const choice = await chooseExplanationModel(settings.settings, await services.explainApiKey.get(), log);
  if (choice.note) log.warn(choice.note);
  if (!choice.model) return {};
  const consent = await obtainConsent({ request, model: choice.model, top, store: services.explainConsent, previews: services.payloadPreviews, log });
  return consent ? { model: choice.model, consent } : {};
}

/**
 * Explains the shown run's top causes, adding each explanation to the store as it is ready;
 * returns them (empty, and logged, when the commits cannot be read or the run was superseded).
 */
export async function explainInvestigation(services: ExplainServices, ticket: RunTicket, investigation: Investigation, cancellation?: vscode.CancellationToken): Promise<Explanation[]> {
  const { log, investigations } = services;
  const { result, repoRoot } = investigation;
  if (result.causes.length === 0) return [];
  const top = Math.max(1, services.settings.settings.explainTopCauses);
  // A newer run, Clear Results, or the caller's own cancellation stops the explanations.
  const caller = new AbortController();
  const listener = cancellation?.onCancellationRequested(() => caller.abort());
  if (cancellation?.isCancellationRequested) caller.abort();
  const signal = AbortSignal.any([investigations.runSignal(ticket), caller.signal]);
  try {
    const causes = await readCausesToExplain({ root: repoRoot }, result.causes, { top, signal });
    const request: ExplainRequest = { incident: result.incident, frames: result.frames, causes };
    const { model, consent } = await modelWithConsent(services, request, top);
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'CauseLens' }, async (progress) => {
      progress.report({ message: model ? `explaining with ${model.id}…` : 'explaining…' });
      return explainCauses(request, {
        top,
        signal,
        ...(model && consent ? { model, consent } : {}),
        onText: (sha, soFar) => progress.report({ message: `explaining ${sha.slice(0, 7)}: ${soFar.length} characters…` }),
        onExplanation: (explanation) => {
          logExplanation(log, explanation, model);
          investigations.addExplanation(ticket, explanation, model?.endpoint);
        },
      });
    });
  } catch (error) {
    if (isCauseLensError(error) && error.reason === 'cancelled') log.info('The explanations were cancelled: a newer investigation started or the results were cleared.');
    else log.warn(`The explanations of the top causes could not be written: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  } finally {
    listener?.dispose();
  }
}

function logExplanation(log: vscode.LogOutputChannel, explanation: Explanation, model: ExplanationModel | undefined): void {
  const who = explanation.origin === 'offline' ? 'offline' : `${explanation.author} via ${model?.endpoint ?? '?'}${explanation.origin === 'cache' ? ' (cached)' : ''}`;
  const tokens = explanation.promptTokens > 0 ? `, ${explanation.promptTokens} prompt tokens (${explanation.promptTokensSource})` : '';
  log.info(`Explained #${explanation.rank} ${explanation.sha.slice(0, 7)}: ${who}${tokens}`);
  if (explanation.fallback) log.warn(`  the model's explanation was not used (${explanation.fallback.reason}): ${explanation.fallback.detail}`);
}
