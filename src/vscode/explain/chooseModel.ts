// Which model writes the explanations: causelens.explain.provider against what is configured (a
// base URL, the API key in SecretStorage) and what VS Code offers; undefined means offline.

import type * as vscode from 'vscode';
import { chooseExplainProvider, createOpenAiModel, type ExplanationModel, type OpenAiModelConfig } from '../../core/explain';
import { DEFAULT_OPENAI_BASE_URL, DEFAULT_OPENAI_MODEL } from '../../core/explain/settings';
import type { CauseLensSettings } from '../config';
import { languageModelExplanationModel, selectLanguageModel } from './languageModel';

export interface ModelChoice {
  model?: ExplanationModel;
  /** Why no model (or another than asked for) is used, for the log and the tooltip. */
  note?: string;
}

/** The endpoint's config, or a note saying what is missing or wrong. */
export function openAiConfig(settings: CauseLensSettings, apiKey: string | undefined): { config?: OpenAiModelConfig; note?: string } {
  // A key alone means api.openai.com, as in the CLI.
  const baseURL = settings.explainBaseUrl || DEFAULT_OPENAI_BASE_URL;
  let parsed: URL;
  try {
    parsed = new URL(baseURL);
  } catch {
    return { note: `causelens.explain.baseUrl is not a URL: '${baseURL}'; using the offline explainer.` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { note: `causelens.explain.baseUrl must be http(s), not '${parsed.protocol}'; using the offline explainer.` };
  const model = settings.explainModel || (settings.explainBaseUrl ? '' : DEFAULT_OPENAI_MODEL);
  if (!model) return { note: `Set causelens.explain.model to the model ${baseURL} should use; using the offline explainer.` };
  return { config: { baseURL, model, ...(apiKey ? { apiKey } : {}) } };
}

/**
 * auto: the endpoint when a base URL is set, else a VS Code language model when one is offered,
 * else offline. An explicit provider that is not available falls back to offline with a note.
 */
export async function chooseExplanationModel(settings: CauseLensSettings, apiKey: string | undefined, log: vscode.LogOutputChannel): Promise<ModelChoice> {
  const setting = settings.explainProvider;
  if (setting === 'offline') return {};
  const openAiConfigured = setting === 'auto' ? settings.explainBaseUrl !== '' : settings.explainBaseUrl !== '' || apiKey !== undefined;
  // Listing language models can prompt or wait: only when they could be chosen.
  const wantsLm = setting === 'vscode-lm' || (setting === 'auto' && !openAiConfigured);
  const chat = wantsLm ? await selectLanguageModel(settings.explainModel, log) : undefined;
  const choice = chooseExplainProvider(setting, { openAi: openAiConfigured, vscodeLm: chat !== undefined });
  if (choice.provider === 'vscode-lm' && chat) return { model: languageModelExplanationModel(chat) };
  if (choice.provider === 'openai') {
    const { config, note } = openAiConfig(settings, apiKey);
    return config ? { model: createOpenAiModel(config) } : { note: note ?? 'The endpoint is not usable; using the offline explainer.' };
  }
  return choice.note ? { note: choice.note } : {};
}
