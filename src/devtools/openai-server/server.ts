// A local OpenAI-compatible server for tests and the demo: POST /v1/chat/completions (streaming as
// SSE `data:` chunks ending in `data: [DONE]`, or one JSON completion) and GET /v1/models. It
// records every request and can be told to fail (401/429/5xx), stall, or answer garbage.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../loopback';
import { containsInjection, countTokens, explanationFromPrompt, GULLIBLE_ANSWER, INVALID_JSON_ANSWER, messageText, OFF_SCHEMA_ANSWER, type ChatMessageIn } from './answer';

export type OpenAiFault =
  /** Answer with this HTTP status and an OpenAI-style error body (429 may carry Retry-After seconds). */
  | { kind: 'status'; status: number; retryAfter?: number; message?: string }
  /** Accept the request and never answer. */
  | { kind: 'stall' }
  /** Streaming: send the first chunk, then nothing more (non-streaming: like `stall`). */
  | { kind: 'stall-mid-stream' }
  /** HTTP 200 whose body is neither a completion nor SSE. */
  | { kind: 'garbage-body' }
  /** A well-formed completion whose content is not JSON. */
  | { kind: 'invalid-json' }
  /** A well-formed completion whose content is JSON but not the explanation schema. */
  | { kind: 'off-schema' }
  /** A well-formed completion with exactly this content. */
  | { kind: 'reply'; content: string };

export interface OpenAiServerOptions {
  port?: number;
  host?: string;
  /** When set, any other bearer token gets 401. */
  apiKey?: string;
  /** Model ids listed by /v1/models and accepted by completions; default `causelens-test`. */
  models?: string[];
  /** False makes `response_format: json_schema` a 400, like servers without structured output. Default true. */
  jsonSchema?: boolean;
  /** Obey prompt-injection text, as a weak model might: answer GULLIBLE_ANSWER instead of JSON. */
  gullible?: boolean;
  /** Faults consumed one per chat-completions request, in order. */
  faults?: OpenAiFault[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  /** The parsed JSON body (undefined for GET, null when unparseable). */
  body: unknown;
  stream: boolean;
  /** All message texts joined, for assertions about what reached the model. */
  text: string;
}

export interface OpenAiServer {
  url: string;
  /** `url` + `/v1`, the base URL for the SDK. */
  baseURL: string;
  port: number;
  requests: RecordedRequest[];
  queueFaults(...faults: OpenAiFault[]): void;
  clearFaults(): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const CHUNK_CHARS = 24;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy(new Error('request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, message: string, type: string, code: string | null, headers: Record<string, string> = {}): void {
  sendJson(response, status, { error: { message, type, param: null, code } }, headers);
}

interface ChatBody {
  model?: unknown;
  messages?: unknown;
  stream?: unknown;
  stream_options?: { include_usage?: unknown };
  response_format?: { type?: unknown };
}

function completionId(): string {
  return `chatcmpl-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

function usageFor(messages: readonly ChatMessageIn[], content: string) {
  const prompt = messages.reduce((n, m) => n + countTokens(messageText(m)) + 3, 0);
  const completion = countTokens(content);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/** Writes a completion as SSE chunks; with `stallAfterFirst` the stream stops after one chunk. */
function streamCompletion(response: ServerResponse, model: string, content: string, usage: ReturnType<typeof usageFor> | undefined, stallAfterFirst: boolean): void {
  const id = completionId();
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: Record<string, unknown>, finish: string | null) => ({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] });
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  const write = (value: unknown) => response.write(`data: ${JSON.stringify(value)}\n\n`);
  write(chunk({ role: 'assistant', content: '' }, null));
  for (let i = 0; i < content.length; i += CHUNK_CHARS) {
    write(chunk({ content: content.slice(i, i + CHUNK_CHARS) }, null));
    if (stallAfterFirst) return;
  }
  write(chunk({}, 'stop'));
  if (usage) write({ id, object: 'chat.completion.chunk', created, model, choices: [], usage });
  response.end('data: [DONE]\n\n');
}

function wholeCompletion(model: string, content: string, usage: ReturnType<typeof usageFor>) {
  return {
    id: completionId(),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage,
  };
}

function faultContent(fault: OpenAiFault | undefined, messages: ChatMessageIn[], gullible: boolean): string {
  if (fault?.kind === 'invalid-json') return INVALID_JSON_ANSWER;
  if (fault?.kind === 'off-schema') return OFF_SCHEMA_ANSWER;
  if (fault?.kind === 'reply') return fault.content;
  if (gullible && containsInjection(messages)) return GULLIBLE_ANSWER;
  return explanationFromPrompt(messages);
}

interface ServerState {
  options: OpenAiServerOptions;
  models: string[];
  faults: OpenAiFault[];
  requests: RecordedRequest[];
}

function answerChat(state: ServerState, request: IncomingMessage, response: ServerResponse, raw: string): void {
  const { options, models, faults, requests } = state;
  let body: ChatBody | null;
  try {
    body = JSON.parse(raw) as ChatBody;
  } catch {
    body = null;
  }
  const messages = Array.isArray(body?.messages) ? (body!.messages as ChatMessageIn[]) : [];
  const stream = body?.stream === true;
  requests.push({ method: 'POST', path: request.url ?? '', authorization: request.headers.authorization, body, stream, text: messages.map(messageText).join('\n') });
  if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`) {
    return sendError(response, 401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
  }
  if (!body || messages.length === 0) return sendError(response, 400, "'messages' is required and must be a non-empty array.", 'invalid_request_error', null);
  const model = typeof body.model === 'string' ? body.model : '';
  if (!models.includes(model)) return sendError(response, 404, `The model '${model}' does not exist.`, 'invalid_request_error', 'model_not_found');
  if (options.jsonSchema === false && body.response_format?.type === 'json_schema') {
    return sendError(response, 400, "response_format 'json_schema' is not supported by this server.", 'invalid_request_error', null);
  }
  const fault = faults.shift();
  if (fault?.kind === 'status') {
    const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
    const type = fault.status === 429 ? 'rate_limit_exceeded' : fault.status === 401 ? 'invalid_request_error' : 'server_error';
    return sendError(response, fault.status, fault.message ?? `Injected fault: HTTP ${fault.status}.`, type, null, headers);
  }
  if (fault?.kind === 'stall' || (fault?.kind === 'stall-mid-stream' && !stream)) return; // held open until the client gives up
  if (fault?.kind === 'garbage-body') {
    response.writeHead(200, { 'Content-Type': stream ? 'text/event-stream' : 'application/json' });
    return void response.end(stream ? 'data: {"choices": [ this is not json\n\n' : '<html>502 Bad Gateway</html>');
  }
  const content = faultContent(fault, messages, options.gullible === true);
  const usage = usageFor(messages, content);
  if (stream) return streamCompletion(response, model, content, body.stream_options?.include_usage === true ? usage : undefined, fault?.kind === 'stall-mid-stream');
  sendJson(response, 200, wholeCompletion(model, content, usage));
}

export async function startOpenAiServer(options: OpenAiServerOptions = {}): Promise<OpenAiServer> {
  const models = options.models ?? ['causelens-test'];
  const faults: OpenAiFault[] = [...(options.faults ?? [])];
  const requests: RecordedRequest[] = [];
  const state: ServerState = { options, models, faults, requests };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
    readBody(request)
      .then((raw) => {
        if (request.method === 'GET' && path === '/v1/models') {
          requests.push({ method: 'GET', path, authorization: request.headers.authorization, body: undefined, stream: false, text: '' });
          return sendJson(response, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'causelens' })) });
        }
        if (request.method === 'POST' && path === '/v1/chat/completions') return answerChat(state, request, response, raw);
        sendError(response, 404, `Unknown path ${request.method} ${path}.`, 'invalid_request_error', null);
      })
      .catch((error: unknown) => {
        if (!response.headersSent) sendError(response, 500, String(error), 'server_error', null);
      });
  });
  const { url, port, close } = await listenOnLoopback(server, options);
  return {
    url,
    baseURL: `${url}/v1`,
    port,
    requests,
    queueFaults: (...more) => void faults.push(...more),
    clearFaults: () => void faults.splice(0),
    close,
  };
}
