// Consent before code leaves the machine: the exact payload a model would receive and where it
// goes, for the user to read once, and the token without which nothing is sent to that endpoint.

import { CauseLensError } from '../errors';
import type { RedactionResult } from './redact';
import type { ChatMessage, ExplanationModel } from './types';

/** Proof that the user agreed to send explanation prompts to one endpoint. */
export class ConsentToken {
  // A private field makes the token impossible to fake with an object literal.
  readonly #endpoint: string;
  readonly grantedAt: string;

  private constructor(endpoint: string, grantedAt: string) {
    this.#endpoint = endpoint;
    this.grantedAt = grantedAt;
  }

  get endpoint(): string {
    return this.#endpoint;
  }

  /** Call only after the user agreed (the caller may persist the endpoint and call this again later). */
  static grant(endpoint: string, grantedAt = new Date().toISOString()): ConsentToken {
    return new ConsentToken(endpoint, grantedAt);
  }

  static covers(token: unknown, endpoint: string): boolean {
    return typeof token === 'object' && token !== null && #endpoint in token && (token as ConsentToken).#endpoint === endpoint;
  }
}

export function grantConsent(endpoint: string): ConsentToken {
  return ConsentToken.grant(endpoint);
}

/** Throws unless `consent` was granted for the model's endpoint. */
export function requireConsent(model: ExplanationModel, consent: ConsentToken | undefined): void {
  if (!ConsentToken.covers(consent, model.endpoint)) {
    throw new CauseLensError(
      'forbidden',
      `Explanations would send code and error text to ${model.endpoint} (${model.id}), and the user has not agreed to that. ` +
        'Show previewExplanationPayload() to the user and pass grantConsent(endpoint) once they accept, or use the offline explainer.',
    );
  }
}

export interface PayloadPreview {
  /** Where the prompts go. */
  endpoint: string;
  model: string;
  /** True when the endpoint is this machine (localhost); nothing crosses the network. */
  local: boolean;
  /** One entry per cause that would be explained, with the exact messages sent. */
  requests: { sha: string; messages: ChatMessage[]; promptTokens: number }[];
  /** Secrets replaced before sending, by kind. */
  redactions: RedactionResult['counts'];
  totalPromptTokens: number;
}

/** True for loopback endpoints (`localhost`, 127.0.0.0/8, ::1). */
export function isLocalEndpoint(endpoint: string): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
}

/** The preview as Markdown, for a consent dialog or a terminal. */
export function renderPayloadPreview(preview: PayloadPreview): string {
  const redacted = Object.entries(preview.redactions).map(([kind, n]) => `${n} ${kind}`);
  const lines = [
    `CauseLens will send ${preview.requests.length} prompt${preview.requests.length === 1 ? '' : 's'} (about ${preview.totalPromptTokens} tokens) to **${preview.endpoint}** (model ${preview.model})${preview.local ? ', on this machine' : ''}.`,
    redacted.length > 0 ? `Secrets removed before sending: ${redacted.join(', ')}.` : 'No secrets were found to remove.',
  ];
  for (const request of preview.requests) {
    lines.push('', `### Commit ${request.sha.slice(0, 12)} (${request.promptTokens} tokens)`);
    for (const m of request.messages) lines.push('', `**${m.role}**`, '```', m.content, '```');
  }
  return lines.join('\n');
}
