// The explanation stage's public surface: explain ranked causes (model or offline), preview and
// consent, the OpenAI-compatible model, provider choice, the cache and prompt-token figures.

export { explainCauses, previewExplanationPayload, buildCausePrompt, DEFAULT_TOP, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_PROMPT_CHARS, type ExplainOptions } from './explainer';
export { ConsentToken, grantConsent, isLocalEndpoint, renderPayloadPreview, type PayloadPreview } from './consent';
export { createOpenAiModel, ModelRequestError, type OpenAiModelConfig } from './openaiModel';
export { chooseExplainProvider, openAiConfigFromEnv, parseProviderSetting, type ExplainProvider, type ExplainProviderSetting, type ProviderChoice } from './settings';
export { ExplanationCache, explanationCacheKey, type ExplanationCacheOptions } from './cache';
export { promptTokenReport, formatPromptTokenLine, type PromptTokenReport } from './report';
export { explainOffline } from './offline';
export { redactSecrets, type RedactionResult, type SecretKind } from './redact';
export { hunksFromFileChanges, readCausesToExplain } from './hunks';
export { EXPLANATION_SCHEMA } from './schema';
export type { CauseToExplain, ChatMessage, CompleteOptions, ExplainHunk, ExplainRequest, Explanation, ExplanationModel, FallbackReason, ModelCompletion, SuspectRange } from './types';
