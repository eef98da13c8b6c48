// The small typed set of services the glue passes around (no global state, no container).

import type * as vscode from 'vscode';
import type { SettingsStore } from './config';
import type { ExplainConsentStore } from './explain/consent';
import type { PayloadPreviewDocuments } from './explain/payloadPreview';
import type { HypothesisPoolHolder } from './investigate/poolHolder';
import type { InvestigationStore } from './results/investigationStore';
import type { SecretValue } from './secretValue';
import type { RankedCausesNode, RankedCausesProvider } from './views/rankedCausesView';
import type { StackNode, StackProvider } from './views/stackView';
import type { SuspectLineDecorations } from './decorations/suspectLineDecorations';

export interface Services {
  readonly log: vscode.LogOutputChannel;
  readonly settings: SettingsStore;
  readonly investigations: InvestigationStore;
  readonly pool: HypothesisPoolHolder;
  readonly sentryToken: SecretValue;
  readonly explainApiKey: SecretValue;
  /** Endpoints the user agreed to send explanation prompts to. */
  readonly explainConsent: ExplainConsentStore;
  readonly payloadPreviews: PayloadPreviewDocuments;
  readonly rankedCauses: RankedCausesProvider;
  readonly rankedCausesView: vscode.TreeView<RankedCausesNode>;
  readonly stack: StackProvider;
  readonly stackView: vscode.TreeView<StackNode>;
  readonly decorations: SuspectLineDecorations;
}
