// An ExplanationModel over a language model VS Code makes available (`vscode.lm`), so the
// explainer can use e.g. Copilot's models with the same prompts, consent and fallbacks.

import * as vscode from 'vscode';
import { CauseLensError, type CauseLensErrorReason } from '../../core/errors';
import type { ChatMessage, CompleteOptions, ExplanationModel, ModelCompletion } from '../../core/explain';

/** How long to wait for VS Code to list its language models before explaining offline. */
const SELECT_TIMEOUT_MS = 3_000;

/** The consent endpoint of a VS Code language model: its vendor and id. */
export function languageModelEndpoint(model: Pick<vscode.LanguageModelChat, 'vendor' | 'id'>): string {
  return `vscode-lm:${model.vendor}/${model.id}`;
}

/**
 * The first chat model VS Code offers (the one whose id or family is `preferred`, when given);
 * undefined when there is none, the API is missing, or listing takes too long.
 */
export async function selectLanguageModel(preferred: string, log: vscode.LogOutputChannel): Promise<vscode.LanguageModelChat | undefined> {
  // Hosts without the API (older or web-only builds) have no `lm` namespace.
  if (typeof vscode.lm?.selectChatModels !== 'function') return undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const models = await Promise.race([
      Promise.resolve(vscode.lm.selectChatModels()),
      new Promise<vscode.LanguageModelChat[]>((resolve) => (timer = setTimeout(() => resolve([]), SELECT_TIMEOUT_MS))),
    ]);
    return models.find((m) => preferred !== '' && (m.id === preferred || m.family === preferred)) ?? models[0];
  } catch (error) {
    log.warn(`Could not list VS Code language models: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** LanguageModelError codes onto the reasons core/explain turns into fallbacks. */
export function reasonOfLanguageModelError(code: string): CauseLensErrorReason {
  switch (code) {
    case vscode.LanguageModelError.NoPermissions.name:
      return 'unauthorized';
    case vscode.LanguageModelError.Blocked.name:
      // Blocked means the quota or rate limit is exhausted.
      return 'rate-limited';
    case vscode.LanguageModelError.NotFound.name:
      return 'not-found';
    default:
      return 'server-error';
  }
}

function toCauseLensError(error: unknown, where: string, signal: AbortSignal): CauseLensError {
  if (error instanceof CauseLensError) return error;
  if (signal.aborted || error instanceof vscode.CancellationError) return new CauseLensError('cancelled', `The request to ${where} was cancelled.`, { cause: error });
  if (error instanceof vscode.LanguageModelError) {
    return new CauseLensError(reasonOfLanguageModelError(error.code), `${where} refused the request (${error.code || 'error'}): ${error.message}`, { cause: error });
  }
  return new CauseLensError('server-error', `${where} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/**
 * vscode.lm has no system role: the system message goes first as a user message, the rest keep
 * their roles. Fragments stream through `onText`; the AbortSignal cancels the request.
 */
export function languageModelExplanationModel(chat: vscode.LanguageModelChat): ExplanationModel {
  const endpoint = languageModelEndpoint(chat);
  const where = `${chat.name || chat.id} (${chat.vendor})`;
  return {
    id: `vscode-lm:${chat.id}`,
    endpoint,
    async complete(messages: ChatMessage[], options: CompleteOptions): Promise<ModelCompletion> {
      const lmMessages = messages.map((m) => (m.role === 'assistant' ? vscode.LanguageModelChatMessage.Assistant(m.content) : vscode.LanguageModelChatMessage.User(m.content)));
      const source = new vscode.CancellationTokenSource();
      const cancel = () => source.cancel();
      options.signal.addEventListener('abort', cancel, { once: true });
      if (options.signal.aborted) source.cancel();
      try {
        const response = await chat.sendRequest(lmMessages, { justification: 'CauseLens explains how a suspect commit could have caused the incident.' }, source.token);
        let text = '';
        for await (const fragment of response.text) {
          text += fragment;
          options.onText?.(fragment);
        }
        return { text };
      } catch (error) {
        throw toCauseLensError(error, where, options.signal);
      } finally {
        options.signal.removeEventListener('abort', cancel);
        source.dispose();
      }
    },
  };
}
