// Explains the top ranked causes: from the cache, from a model when one is configured and the
// user consented, else (or when the model fails) from the offline explainer. The ranking is read,
// never changed: explanations come back in the order and with the ranks they were given.

import { CauseLensError } from '../errors';
import type { ExplanationCache } from './cache';
import { explanationCacheKey } from './cache';
import { isLocalEndpoint, requireConsent, type ConsentToken, type PayloadPreview } from './consent';
import { explainWithModel, keepKnownRanges, knownPaths, type ModelCallResult } from './modelCall';
import { explainOffline } from './offline';
import { buildPrompt, estimateTokens, type BuiltPrompt } from './prompt';
import { selectPromptData } from './promptContext';
import { addRedactionCounts, type RedactionResult } from './redact';
import type { CauseToExplain, ExplainRequest, Explanation, ExplanationModel } from './types';

export const DEFAULT_TOP = 3;
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_PROMPT_CHARS = 12_000;

export interface ExplainOptions {
  /** The model to ask; the offline explainer alone when absent. */
  model?: ExplanationModel;
  /** Required with a model: the user's consent for `model.endpoint`. */
  consent?: ConsentToken;
  /** How many of the top causes to explain. Default 3. */
  top?: number;
  cache?: ExplanationCache;
  signal?: AbortSignal;
  /** Deadline for one explanation (both attempts each get it). Default 60 s. */
  timeoutMs?: number;
  /** Bound on the data part of each prompt, in characters. Default 12 000 (about 3 000 tokens). */
  maxPromptChars?: number;
  /** The explanation text so far while a model streams it. */
  onText?: (sha: string, explanationSoFar: string) => void;
  /** Each explanation as soon as it is ready. */
  onExplanation?: (explanation: Explanation) => void;
}

/** The exact prompt for one cause: the same builder serves the preview and the request. */
export function buildCausePrompt(request: ExplainRequest, item: CauseToExplain, maxPromptChars = DEFAULT_MAX_PROMPT_CHARS): BuiltPrompt {
  return buildPrompt(selectPromptData(request.incident, item, maxPromptChars));
}

/** What would be sent, and where, for the user to approve before grantConsent(). */
export function previewExplanationPayload(request: ExplainRequest, model: ExplanationModel, options: Pick<ExplainOptions, 'top' | 'maxPromptChars'> = {}): PayloadPreview {
  const redactions: RedactionResult['counts'] = {};
  const requests = request.causes.slice(0, options.top ?? DEFAULT_TOP).map((item) => {
    const prompt = buildCausePrompt(request, item, options.maxPromptChars);
    addRedactionCounts(redactions, prompt.redactions);
    return { sha: item.cause.commit.sha, messages: prompt.messages, promptTokens: estimateTokens(prompt.messages) };
  });
  return {
    endpoint: model.endpoint,
    model: model.id,
    local: isLocalEndpoint(model.endpoint),
    requests,
    redactions,
    totalPromptTokens: requests.reduce((n, r) => n + r.promptTokens, 0),
  };
}

function offlineExplanation(request: ExplainRequest, item: CauseToExplain, failed?: Extract<ModelCallResult, { ok: false }>): Explanation {
  const answer = explainOffline(request.incident, item, request.frames);
  const explanation: Explanation = {
    sha: item.cause.commit.sha,
    rank: item.cause.rank,
    summary: answer.summary,
    suspectLines: answer.suspectLines,
    suggestedFix: answer.suggestedFix,
    author: 'offline',
    origin: 'offline',
    promptTokens: failed?.tokens.promptTokens ?? 0,
    promptTokensSource: failed && failed.tokens.promptTokens > 0 ? failed.tokens.source : 'none',
  };
  if (failed) {
    explanation.fallback = { reason: failed.reason, detail: failed.detail };
    if (failed.retryAfterSeconds !== undefined) explanation.fallback.retryAfterSeconds = failed.retryAfterSeconds;
  }
  return explanation;
}

function modelExplanation(model: ExplanationModel, item: CauseToExplain, result: Extract<ModelCallResult, { ok: true }>, request: ExplainRequest): Explanation {
  const ranges = keepKnownRanges(result.answer.suspectLines, knownPaths(item));
  const explanation: Explanation = {
    sha: item.cause.commit.sha,
    rank: item.cause.rank,
    summary: result.answer.explanation.trim(),
    // A model that named no usable lines still gets the lines the evidence points at.
    suspectLines: ranges.length > 0 ? ranges : explainOffline(request.incident, item, request.frames).suspectLines,
    suggestedFix: result.answer.suggestedFix.trim(),
    author: model.id,
    origin: 'model',
    promptTokens: result.tokens.promptTokens,
    promptTokensSource: result.tokens.source,
  };
  if (result.tokens.completionTokens !== undefined) explanation.completionTokens = result.tokens.completionTokens;
  return explanation;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CauseLensError('cancelled', 'The explanation was cancelled.');
}

type ModelFailure = Extract<ModelCallResult, { ok: false }>;

/** One cause through cache, model and fallback; `earlier` is the run's first endpoint failure. */
async function explainOneWithModel(request: ExplainRequest, item: CauseToExplain, model: ExplanationModel, options: ExplainOptions, earlier: ModelFailure | undefined): Promise<Explanation> {
  // The endpoint is part of the key: the same model name on another server is another model.
  const key = explanationCacheKey(request.incident.id, item.cause.commit.sha, `${model.id}@${model.endpoint}`);
  const cached = await options.cache?.get(key);
  if (cached) return { ...cached, rank: item.cause.rank, origin: 'cache' };
  if (earlier) {
    return offlineExplanation(request, item, { ...earlier, reason: 'skipped-after-failure', detail: `Not sent: an earlier request failed (${earlier.reason}: ${earlier.detail})`, tokens: { promptTokens: 0, source: 'estimate' } });
  }
  const prompt = buildCausePrompt(request, item, options.maxPromptChars);
  const result = await explainWithModel(model, prompt.messages, {
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    onText: (text) => options.onText?.(item.cause.commit.sha, text),
  });
  if (!result.ok) return offlineExplanation(request, item, result);
  const explanation = modelExplanation(model, item, result, request);
  await options.cache?.set(key, explanation);
  return explanation;
}

/** Failures of the endpoint itself (not of one answer) stop the run from asking it again. */
function endpointFailure(explanation: Explanation): ModelFailure | undefined {
  const f = explanation.fallback;
  if (!f || f.reason === 'invalid-output' || f.reason === 'skipped-after-failure') return undefined;
  return { ok: false, ...f, tokens: { promptTokens: 0, source: 'estimate' } };
}

/**
 * Explains the first `top` causes of `request`, in order. Throws CauseLensError `forbidden` when a
 * model is given without consent for its endpoint, `cancelled` when the signal aborts; model
 * failures never throw: they fall back to the offline explanation and say why in `fallback`.
 */
export async function explainCauses(request: ExplainRequest, options: ExplainOptions = {}): Promise<Explanation[]> {
  const { model } = options;
  if (model) requireConsent(model, options.consent);
  const results: Explanation[] = [];
  // After an endpoint fails (bad key, rate limit, outage, timeout) the rest of the run does not
  // ask it again: the user gets offline explanations now rather than the same failure N times.
  let failure: ModelFailure | undefined;
  for (const item of request.causes.slice(0, options.top ?? DEFAULT_TOP)) {
    throwIfCancelled(options.signal);
    const explanation = model ? await explainOneWithModel(request, item, model, options, failure) : offlineExplanation(request, item);
    failure ??= endpointFailure(explanation);
    results.push(explanation);
    options.onExplanation?.(explanation);
  }
  return results;
}
