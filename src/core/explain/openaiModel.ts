// An ExplanationModel for any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI,
// Ollama, vLLM, LM Studio) through the official `openai` SDK, streaming by default. SDK errors
// become CauseLensErrors so the explainer can decide when to fall back.

import OpenAI, { AzureOpenAI } from 'openai';
import type { ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions/completions';
import { CauseLensError, type CauseLensErrorReason } from '../errors';
import type { ChatMessage, CompleteOptions, ExplanationModel, ModelCompletion } from './types';

export interface OpenAiModelConfig {
  /** e.g. `https://api.openai.com/v1`, `http://localhost:11434/v1`; for Azure the resource endpoint. */
  baseURL: string;
  model: string;
  /** Local servers often need none. */
  apiKey?: string;
  /** Azure OpenAI `api-version`; when set, `model` is the deployment name. */
  azureApiVersion?: string;
  /** Per request, for the SDK's own timer (the explainer adds an overall deadline). Default 60 s. */
  timeoutMs?: number;
  /**
   * SDK retries. Default 0: on 429/5xx the explainer falls back to the offline explanation at once
   * rather than making the user wait out a Retry-After.
   */
  maxRetries?: number;
  /** Default true. */
  stream?: boolean;
  /** How to ask for JSON: `json_schema` (default), `json_object`, or only by the prompt. */
  structuredOutput?: 'json_schema' | 'json_object' | 'none';
  maxTokens?: number;
}

/** A failed model request; `retryAfterSeconds` when a 429 said how long to wait. */
export class ModelRequestError extends CauseLensError {
  constructor(
    reason: CauseLensErrorReason,
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(reason, message, options);
    this.name = 'ModelRequestError';
  }
}

function retryAfter(headers: Headers | undefined): number | undefined {
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, Math.round((date - Date.now()) / 1000)) : undefined;
}

/** Maps SDK errors onto CauseLens reasons; `where` names the endpoint in messages. */
export function toModelRequestError(error: unknown, where: string): CauseLensError {
  if (error instanceof CauseLensError) return error;
  if (error instanceof OpenAI.APIUserAbortError) return new ModelRequestError('cancelled', `The request to ${where} was cancelled.`, undefined, undefined, { cause: error });
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new ModelRequestError('timeout', `${where} did not answer in time.`, undefined, undefined, { cause: error });
  if (error instanceof OpenAI.APIConnectionError) return new ModelRequestError('server-error', `Could not connect to ${where}: ${error.message}`, undefined, undefined, { cause: error });
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const status = error.status;
    const reason: CauseLensErrorReason =
      status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 404 ? 'not-found' : status === 429 ? 'rate-limited' : status >= 500 ? 'server-error' : 'bad-input';
    const hint =
      status === 401 ? ' Check the API key.' : status === 404 ? ' Check the base URL and the model name.' : status === 429 ? ' The endpoint is rate limiting requests.' : '';
    return new ModelRequestError(reason, `${where} answered HTTP ${status}: ${error.message}.${hint}`, status, retryAfter(error.headers), { cause: error });
  }
  return new ModelRequestError('server-error', `Unreadable answer from ${where}: ${(error as Error)?.message ?? String(error)}`, undefined, undefined, { cause: error });
}

function responseFormat(mode: OpenAiModelConfig['structuredOutput'], options: CompleteOptions): ChatCompletionCreateParamsBase['response_format'] {
  if (mode === 'none' || !options.responseSchema) return undefined;
  if (mode === 'json_object') return { type: 'json_object' };
  return { type: 'json_schema', json_schema: { name: options.responseSchema.name, schema: options.responseSchema.schema, strict: true } };
}

async function readStream(client: OpenAI, params: ChatCompletionCreateParamsBase, options: CompleteOptions): Promise<ModelCompletion> {
  const stream = await client.chat.completions.create({ ...params, stream: true, stream_options: { include_usage: true } }, { signal: options.signal });
  let text = '';
  let usage: ModelCompletion['usage'];
  for await (const chunk of stream) {
    const fragment = chunk.choices?.[0]?.delta?.content;
    if (fragment) {
      text += fragment;
      options.onText?.(fragment);
    }
    if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
  }
  // An abort while streaming ends the SDK's iterator quietly; half an answer must not pass for a whole one.
  if (options.signal.aborted) throw new OpenAI.APIUserAbortError();
  return usage ? { text, usage } : { text };
}

async function readWhole(client: OpenAI, params: ChatCompletionCreateParamsBase, options: CompleteOptions, where: string): Promise<ModelCompletion> {
  const reply: unknown = await client.chat.completions.create({ ...params, stream: false }, { signal: options.signal });
  const completion = reply as OpenAI.Chat.ChatCompletion;
  if (typeof reply !== 'object' || reply === null || !Array.isArray(completion.choices)) {
    throw new ModelRequestError('server-error', `Unreadable answer from ${where}: not a chat completion.`);
  }
  const text = completion.choices[0]?.message?.content ?? '';
  if (text) options.onText?.(text);
  const usage = completion.usage;
  return usage ? { text, usage: { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens } } : { text };
}

export function createOpenAiModel(config: OpenAiModelConfig): ExplanationModel {
  const endpoint = config.baseURL.replace(/\/+$/, '');
  const common = {
    // The SDK insists on a key; local servers ignore it.
    apiKey: config.apiKey || 'no-key',
    timeout: config.timeoutMs ?? 60_000,
    maxRetries: config.maxRetries ?? 0,
  };
  const client: OpenAI = config.azureApiVersion
    ? new AzureOpenAI({ ...common, endpoint, apiVersion: config.azureApiVersion, deployment: config.model })
    : new OpenAI({ ...common, baseURL: endpoint });
  const where = endpoint;
  let structured = config.structuredOutput ?? 'json_schema';

  return {
    id: `openai:${config.model}`,
    endpoint,
    async complete(messages: ChatMessage[], options: CompleteOptions): Promise<ModelCompletion> {
      const params: ChatCompletionCreateParamsBase = { model: config.model, messages, temperature: 0, max_tokens: config.maxTokens ?? 800 };
      const format = responseFormat(structured, options);
      if (format) params.response_format = format;
      try {
        return config.stream === false ? await readWhole(client, params, options, where) : await readStream(client, params, options);
      } catch (error) {
        const mapped = toModelRequestError(error, where);
        // Servers without structured output reject `response_format` with a 400: ask by prompt alone.
        if (format && mapped instanceof ModelRequestError && mapped.status === 400 && !options.signal.aborted) {
          structured = 'none';
          delete params.response_format;
          try {
            return config.stream === false ? await readWhole(client, params, options, where) : await readStream(client, params, options);
          } catch (second) {
            throw toModelRequestError(second, where);
          }
        }
        throw mapped;
      }
    },
  };
}
