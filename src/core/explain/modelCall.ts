// One explanation from a model: send the prompt under a deadline, validate the JSON answer, ask
// once more if it was invalid, and keep only suspect lines that point into the data we sent.

import { CauseLensError } from '../errors';
import { ModelRequestError } from './openaiModel';
import { pathsMatch } from './promptContext';
import { estimateTokens, retryMessages } from './prompt';
import { EXPLANATION_SCHEMA, parseModelAnswer, partialExplanation, type ModelAnswer } from './schema';
import type { CauseToExplain, ChatMessage, ExplanationModel, FallbackReason, SuspectRange } from './types';

const MAX_RANGE_LINES = 200;

export interface ModelCallOptions {
  signal?: AbortSignal;
  timeoutMs: number;
  onText?: (explanationSoFar: string) => void;
}

export interface TokenCount {
  promptTokens: number;
  source: 'usage' | 'estimate';
  completionTokens?: number;
}

export type ModelCallResult =
  | { ok: true; answer: ModelAnswer; tokens: TokenCount }
  | { ok: false; reason: FallbackReason; detail: string; retryAfterSeconds?: number; tokens: TokenCount };

function fallbackReasonOf(error: CauseLensError): FallbackReason {
  switch (error.reason) {
    case 'unauthorized':
    case 'forbidden':
      return 'unauthorized';
    case 'rate-limited':
      return 'rate-limited';
    case 'timeout':
      return 'timeout';
    case 'bad-input':
    case 'not-found':
      return 'rejected';
    default:
      return 'server-error';
  }
}

/** Sends once under a deadline; caller cancellation throws, everything else is returned as data. */
async function sendOnce(model: ExplanationModel, messages: ChatMessage[], options: ModelCallOptions) {
  const deadline = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    deadline.abort();
  }, options.timeoutMs);
  const onCancel = () => deadline.abort();
  options.signal?.addEventListener('abort', onCancel, { once: true });
  let raw = '';
  let shown: string | undefined;
  try {
    const completion = await model.complete(messages, {
      signal: deadline.signal,
      responseSchema: { name: 'causelens_explanation', schema: EXPLANATION_SCHEMA },
      onText: (fragment) => {
        raw += fragment;
        const partial = partialExplanation(raw);
        if (partial !== undefined && partial !== shown) options.onText?.((shown = partial));
      },
    });
    return { completion };
  } catch (error) {
    if (options.signal?.aborted) throw new CauseLensError('cancelled', 'The explanation was cancelled.', { cause: error });
    if (timedOut) return { error: new ModelRequestError('timeout', `${model.endpoint} did not finish within ${options.timeoutMs} ms.`, undefined, undefined, { cause: error }) };
    return { error: error instanceof CauseLensError ? error : new CauseLensError('server-error', `${model.endpoint} failed: ${String((error as Error)?.message ?? error)}`, { cause: error }) };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
  }
}

/** Paths a model may point at: those of the data it was given. */
export function knownPaths(item: CauseToExplain): string[] {
  const paths = new Set<string>();
  for (const h of item.hunks) paths.add(h.path);
  for (const s of item.cause.suspectLines) paths.add(s.path);
  for (const e of item.cause.evidence) if (e.path) paths.add(e.path);
  return [...paths];
}

/** Drops ranges outside the known files and bounds their length; maps `/app/src/x.js` to `src/x.js`. */
export function keepKnownRanges(ranges: readonly SuspectRange[], paths: readonly string[]): SuspectRange[] {
  const kept: SuspectRange[] = [];
  for (const r of ranges) {
    const path = paths.find((p) => p === r.path) ?? paths.find((p) => pathsMatch(r.path, p));
    if (!path) continue;
    kept.push({ path, startLine: r.startLine, endLine: Math.min(r.endLine, r.startLine + MAX_RANGE_LINES), reason: r.reason });
  }
  return kept;
}

export async function explainWithModel(model: ExplanationModel, messages: ChatMessage[], options: ModelCallOptions): Promise<ModelCallResult> {
  let promptTokens = 0;
  let completionTokens = 0;
  let allUsage = true;
  const tokens = (): TokenCount => ({ promptTokens, source: allUsage ? 'usage' : 'estimate', ...(allUsage ? { completionTokens } : {}) });
  let sent = messages;
  let problem = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    const outcome = await sendOnce(model, sent, options);
    if (outcome.error) {
      const e = outcome.error;
      promptTokens += estimateTokens(sent);
      allUsage = false;
      const retryAfterSeconds = e instanceof ModelRequestError ? e.retryAfterSeconds : undefined;
      return { ok: false, reason: fallbackReasonOf(e), detail: e.message, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}), tokens: tokens() };
    }
    const { completion } = outcome;
    if (completion.usage) {
      promptTokens += completion.usage.promptTokens;
      completionTokens += completion.usage.completionTokens;
    } else {
      promptTokens += estimateTokens(sent);
      allUsage = false;
    }
    const parsed = parseModelAnswer(completion.text);
    if (parsed.ok) return { ok: true, answer: parsed.value, tokens: tokens() };
    problem = parsed.error;
    sent = retryMessages(messages, completion.text, problem);
  }
  return { ok: false, reason: 'invalid-output', detail: `The model's answer did not follow the schema twice (${problem}).`, tokens: tokens() };
}
