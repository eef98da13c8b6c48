// Which explainer to use: the `causelens.explain.provider` setting (or CAUSELENS_LLM_PROVIDER)
// against what is configured, and the OpenAI-compatible endpoint read from the CLI's environment.

import { CauseLensError } from '../errors';
import type { OpenAiModelConfig } from './openaiModel';

export type ExplainProviderSetting = 'auto' | 'openai' | 'vscode-lm' | 'offline';
export type ExplainProvider = 'openai' | 'vscode-lm' | 'offline';

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';

export interface ProviderChoice {
  provider: ExplainProvider;
  /** Why the choice differs from the setting, for the log or a status message. */
  note?: string;
}

/**
 * `auto` prefers a configured OpenAI-compatible endpoint, then a VS Code language model, then
 * offline. An explicit choice that is not available falls back to offline and says so.
 */
export function chooseExplainProvider(setting: ExplainProviderSetting, available: { openAi: boolean; vscodeLm: boolean }): ProviderChoice {
  switch (setting) {
    case 'offline':
      return { provider: 'offline' };
    case 'openai':
      return available.openAi ? { provider: 'openai' } : { provider: 'offline', note: 'No OpenAI-compatible endpoint is configured (base URL or API key); using the offline explainer.' };
    case 'vscode-lm':
      return available.vscodeLm ? { provider: 'vscode-lm' } : { provider: 'offline', note: 'No VS Code language model is available; using the offline explainer.' };
    default:
      return { provider: available.openAi ? 'openai' : available.vscodeLm ? 'vscode-lm' : 'offline' };
  }
}

export function parseProviderSetting(value: string | undefined): ExplainProviderSetting {
  const v = (value ?? 'auto').trim().toLowerCase() || 'auto';
  if (v === 'auto' || v === 'openai' || v === 'vscode-lm' || v === 'offline') return v;
  throw new CauseLensError('bad-input', `Unknown explanation provider '${value}': use auto, openai, vscode-lm or offline.`);
}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CauseLensError('bad-input', `${name} must be a positive whole number of milliseconds, not '${value}'.`);
  return n;
}

/**
 * The endpoint from CAUSELENS_LLM_BASE_URL, CAUSELENS_LLM_MODEL, CAUSELENS_LLM_API_KEY (or
 * OPENAI_API_KEY), CAUSELENS_LLM_TIMEOUT_MS and CAUSELENS_LLM_AZURE_API_VERSION; undefined when
 * neither a base URL nor a key is set. A key alone means api.openai.com.
 */
export function openAiConfigFromEnv(env: Record<string, string | undefined>): OpenAiModelConfig | undefined {
  const baseURL = env.CAUSELENS_LLM_BASE_URL?.trim();
  const apiKey = env.CAUSELENS_LLM_API_KEY?.trim() || env.OPENAI_API_KEY?.trim();
  if (!baseURL && !apiKey) return undefined;
  const url = baseURL || DEFAULT_OPENAI_BASE_URL;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CauseLensError('bad-input', `CAUSELENS_LLM_BASE_URL is not a URL: '${url}'.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new CauseLensError('bad-input', `CAUSELENS_LLM_BASE_URL must be http(s), not '${parsed.protocol}'.`);
  const model = env.CAUSELENS_LLM_MODEL?.trim() || (baseURL ? undefined : DEFAULT_OPENAI_MODEL);
  if (!model) throw new CauseLensError('bad-input', `Set CAUSELENS_LLM_MODEL to the model ${url} should use.`);
  const config: OpenAiModelConfig = { baseURL: url, model };
  if (apiKey) config.apiKey = apiKey;
  const timeoutMs = positiveInteger('CAUSELENS_LLM_TIMEOUT_MS', env.CAUSELENS_LLM_TIMEOUT_MS);
  if (timeoutMs) config.timeoutMs = timeoutMs;
  if (env.CAUSELENS_LLM_AZURE_API_VERSION?.trim()) config.azureApiVersion = env.CAUSELENS_LLM_AZURE_API_VERSION.trim();
  return config;
}
