// Thin activation: build the services, register every surface, nothing else.

import * as vscode from 'vscode';
import { registerSuspectCodeLens } from './vscode/codeLens/suspectCodeLens';
import { registerClearResults } from './vscode/commands/clearResults';
import { registerCopyCommitSha } from './vscode/commands/copyCommitSha';
import { registerInvestigateIncident } from './vscode/commands/investigateIncident';
import { registerSetExplainApiKey } from './vscode/commands/setExplainApiKey';
import { registerSetSentryToken } from './vscode/commands/setSentryToken';
import { registerShowCommitDiff } from './vscode/commands/showCommitDiff';
import { SettingsStore } from './vscode/config';
import { EXPLAIN_API_KEY_SECRET, SENTRY_TOKEN_SECRET, ViewIds } from './vscode/commandIds';
import { registerSuspectHover } from './vscode/decorations/suspectHover';
import { ExplainConsentStore } from './vscode/explain/consent';
import { PayloadPreviewDocuments } from './vscode/explain/payloadPreview';
import { SuspectLineDecorations } from './vscode/decorations/suspectLineDecorations';
import { registerGitContentProvider } from './vscode/git/gitContentProvider';
import { HypothesisPoolHolder } from './vscode/investigate/poolHolder';
import { InvestigationStore } from './vscode/results/investigationStore';
import { SecretValue } from './vscode/secretValue';
import type { Services } from './vscode/services';
import { registerStackTraceLinks } from './vscode/stackTrace/stackTraceLinks';
import { registerDimmedFrameDecorations } from './vscode/views/dimmedFrames';
import { RankedCausesProvider } from './vscode/views/rankedCausesView';
import { StackProvider } from './vscode/views/stackView';

export function activate(context: vscode.ExtensionContext): Services {
  const log = vscode.window.createOutputChannel('CauseLens', { log: true });
  const settings = new SettingsStore();
  const investigations = new InvestigationStore();
  const pool = new HypothesisPoolHolder(log);
  const rankedCauses = new RankedCausesProvider(investigations);
  const stack = new StackProvider(investigations);
  const decorations = new SuspectLineDecorations(investigations, settings);
  const payloadPreviews = new PayloadPreviewDocuments();
  // The pool's worker threads are closed with the rest when the extension deactivates.
  context.subscriptions.push(log, pool, settings, investigations, rankedCauses, stack, decorations, payloadPreviews);
  // TreeViews (not just registered providers) so the glue can see and drive their visibility.
  const rankedCausesView = vscode.window.createTreeView(ViewIds.rankedCauses, { treeDataProvider: rankedCauses, showCollapseAll: true });
  const stackView = vscode.window.createTreeView(ViewIds.stack, { treeDataProvider: stack });
  context.subscriptions.push(rankedCausesView, stackView);

  const services: Services = { log, settings, investigations, pool, sentryToken: new SecretValue(context.secrets, SENTRY_TOKEN_SECRET),
    explainApiKey: new SecretValue(context.secrets, EXPLAIN_API_KEY_SECRET),
    explainConsent: new ExplainConsentStore(context.globalState),
    payloadPreviews,
    rankedCauses, rankedCausesView, stack, stackView, decorations };
  registerGitContentProvider(context, log);
  registerDimmedFrameDecorations(context);
  registerSuspectCodeLens(context, investigations, settings);
  registerSuspectHover(context, investigations, settings);
  registerStackTraceLinks(context);
  registerInvestigateIncident(context, services);
  registerClearResults(context, services);
  registerShowCommitDiff(context, services);
  registerCopyCommitSha(context);
  registerSetSentryToken(context, services);
  registerSetExplainApiKey(context, services);
  log.info(`CauseLens activated in VS Code ${vscode.version}`);
  return services;
}

export function deactivate(): void {
  // Everything, the analysis pool included, is owned by context.subscriptions.
}
