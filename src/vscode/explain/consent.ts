// Consent before code leaves the machine: the exact payload is shown beside a modal that names
// where it goes; agreement is remembered per endpoint in globalState, declining means offline.

import * as vscode from 'vscode';
import { grantConsent, previewExplanationPayload, renderPayloadPreview, type ConsentToken, type ExplainRequest, type ExplanationModel } from '../../core/explain';
import { EXPLAIN_CONSENT_STATE } from '../commandIds';
import type { PayloadPreviewDocuments } from './payloadPreview';

export const SEND_CHOICE = 'Send';
export const STAY_OFFLINE_CHOICE = 'Stay Offline';

/** The endpoints the user agreed to send explanation prompts to, across sessions. */
export class ExplainConsentStore {
  constructor(private readonly state: vscode.Memento) {}

  endpoints(): string[] {
    return this.state.get<string[]>(EXPLAIN_CONSENT_STATE, []);
  }

  has(endpoint: string): boolean {
    return this.endpoints().includes(endpoint);
  }

  async remember(endpoint: string): Promise<void> {
    if (!this.has(endpoint)) await this.state.update(EXPLAIN_CONSENT_STATE, [...this.endpoints(), endpoint]);
  }

  async forget(endpoint: string): Promise<void> {
    await this.state.update(EXPLAIN_CONSENT_STATE, this.endpoints().filter((e) => e !== endpoint));
  }
}

export interface ConsentRequest {
  request: ExplainRequest;
  model: ExplanationModel;
  top: number;
  store: ExplainConsentStore;
  previews: PayloadPreviewDocuments;
  log: vscode.LogOutputChannel;
}

/**
 * The consent token for the model's endpoint: at once when the user agreed before, else after
 * they read the payload and chose Send; undefined when they declined (or dismissed the dialog).
 */
export async function obtainConsent({ request, model, top, store, previews, log }: ConsentRequest): Promise<ConsentToken | undefined> {
  if (store.has(model.endpoint)) return grantConsent(model.endpoint);
  const preview = previewExplanationPayload(request, model, { top });
  const uri = await previews.show(renderPayloadPreview(preview));
  let choice: string | undefined;
  try {
    const where = preview.local ? `${preview.endpoint} (on this machine)` : preview.endpoint;
    choice = await vscode.window.showWarningMessage(
      `Send code and error text to ${where} for explanations?`,
      {
        modal: true,
        detail:
          `CauseLens would send ${preview.requests.length} prompt(s), about ${preview.totalPromptTokens} tokens, to ${model.id}: the incident's error and stack, ` +
          'and the suspect commits\' messages and changed lines, with secrets removed. The exact messages are open beside this dialog. ' +
          'Send is remembered for this endpoint; Stay Offline asks again next time.',
      },
      SEND_CHOICE,
      STAY_OFFLINE_CHOICE,
    );
  } finally {
    await previews.close(uri);
  }
  if (choice !== SEND_CHOICE) {
    log.info(`Explanations stay offline: sending to ${model.endpoint} was declined. Set causelens.explain.provider to "offline" not to be asked again.`);
    return undefined;
  }
  await store.remember(model.endpoint);
  log.info(`The user agreed to send explanation prompts to ${model.endpoint} (${model.id}).`);
  return grantConsent(model.endpoint);
}
