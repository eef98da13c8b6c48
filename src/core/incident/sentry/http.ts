// The one place CauseLens talks HTTP to Sentry: bearer auth, per-request timeout, overall
// cancellation, bounded retries (429 after Retry-After, 5xx and network errors with back-off)
// and failures turned into CauseLensErrors that say what to fix.

import { CauseLensError } from '../../errors';
import { nextCursor } from './link';

export interface SentryConnection {
  /** `https://sentry.io`, a regional URL such as `https://de.sentry.io`, or a self-hosted server. */
  baseUrl: string;
  organization: string;
  /** Project slug, needed to list issues. */
  project?: string;
  /** A user or internal-integration token with `event:read` and `project:read` (VS Code keeps it in SecretStorage; the CLI reads SENTRY_AUTH_TOKEN). */
  authToken: string;
}

export interface SentryHttpOptions extends SentryConnection {
  /** Per-request limit; default 15 s. */
  timeoutMs?: number;
  /** Retries after 429, 5xx or a network error; default 3. */
  maxRetries?: number;
  /** First back-off delay, doubled per retry; default 500 ms. */
  retryBaseDelayMs?: number;
  /** Longest wait for one retry, Retry-After included; a longer Retry-After fails at once. Default 30 s. */
  maxRetryDelayMs?: number;
  /** Cancels everything this client does. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  /** What is being fetched, for error messages ("issue 4001"). */
  what: string;
  query?: Record<string, string | number | boolean | undefined>;
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
}

export interface SentryResponse<T> {
  data: T;
  headers: Headers;
}

const SCOPE_HINT = 'event:read and project:read (project:releases also works for releases)';

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => (clearTimeout(timer), reject(signal!.reason));
    const timer = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve()), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `Retry-After` is seconds or an HTTP date. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function detailOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const detail = (JSON.parse(text) as { detail?: unknown }).detail;
    if (typeof detail === 'string') return detail;
  } catch {
    /* not JSON: fall through to the raw text */
  }
  return text.slice(0, 200);
}

export class SentryHttp {
  readonly connection: SentryConnection;
  private readonly root: string;

  constructor(private readonly options: SentryHttpOptions) {
    this.connection = { baseUrl: options.baseUrl, organization: options.organization, project: options.project, authToken: options.authToken };
    let root: URL;
    try {
      root = new URL(options.baseUrl);
    } catch {
      throw new CauseLensError('bad-input', `The Sentry base URL "${options.baseUrl}" is not a URL. Use https://sentry.io, a regional URL such as https://de.sentry.io, or your self-hosted server's URL.`);
    }
    if (!/^https?:$/.test(root.protocol)) throw new CauseLensError('bad-input', `The Sentry base URL must be http(s), not ${root.protocol}`);
    this.root = root.toString().replace(/\/+$/, '');
    if (!options.authToken) throw new CauseLensError('unauthorized', `No Sentry auth token is set. Create one with the ${SCOPE_HINT} scopes and store it in CauseLens (the CLI reads SENTRY_AUTH_TOKEN).`);
    if (!options.organization) throw new CauseLensError('bad-input', 'No Sentry organization slug is set (setting causelens.sentry.organization).');
  }

  url(path: string, query: RequestOptions['query'] = {}): URL {
    const url = new URL(this.root + path);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    return url;
  }

  async request<T>(path: string, options: RequestOptions): Promise<SentryResponse<T>> {
    const url = this.url(path, options.query);
    const maxRetries = this.options.maxRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      this.throwIfCancelled(options.signal);
      const outcome = await this.attempt(url, options);
      if ('data' in outcome) return outcome as SentryResponse<T>;
      if (attempt >= maxRetries) throw outcome.failure;
      const wait = Math.min(outcome.waitMs ?? this.backoffMs(attempt), this.maxDelay());
      await sleep(wait, this.combinedSignal(options.signal)).catch(() => this.throwIfCancelled(options.signal));
    }
  }

  /** Every page of a list endpoint, following `Link` cursors; stops after `maxPages`. */
  async list<T>(path: string, options: RequestOptions & { maxPages?: number }): Promise<{ items: T[]; truncated: boolean }> {
    const items: T[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < (options.maxPages ?? 20); page++) {
      const response = await this.request<unknown>(path, { ...options, query: { ...options.query, cursor } });
      if (!Array.isArray(response.data)) throw new CauseLensError('server-error', `Sentry answered ${options.what} with something other than a list; is ${this.root} a Sentry server?`);
      items.push(...(response.data as T[]));
      cursor = nextCursor(response.headers.get('link'));
      if (!cursor) return { items, truncated: false };
    }
    return { items, truncated: true };
  }

  private maxDelay(): number {
    return this.options.maxRetryDelayMs ?? 30_000;
  }

  private backoffMs(attempt: number): number {
    const base = (this.options.retryBaseDelayMs ?? 500) * 2 ** attempt;
    return base / 2 + Math.random() * (base / 2);
  }

  private combinedSignal(signal: AbortSignal | undefined): AbortSignal | undefined {
    const signals = [this.options.signal, signal].filter((s): s is AbortSignal => s !== undefined);
    return signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  }

  private throwIfCancelled(signal: AbortSignal | undefined): void {
    if (this.options.signal?.aborted || signal?.aborted) throw new CauseLensError('cancelled', 'The Sentry request was cancelled.');
  }

  /** One HTTP exchange: the data, or a failure with how long to wait before retrying (if retryable). */
  private async attempt(url: URL, options: RequestOptions): Promise<SentryResponse<unknown> | { failure: CauseLensError; waitMs?: number }> {
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const outer = this.combinedSignal(options.signal);
    const signal = outer ? AbortSignal.any([outer, timeout.signal]) : timeout.signal;
    try {
      const response = await (this.options.fetch ?? fetch)(url, {
        method: options.method ?? 'GET',
        headers: { Authorization: `Bearer ${this.options.authToken}`, Accept: 'application/json', ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
        signal,
      });
      if (response.ok) return { data: await this.json(response, options.what), headers: response.headers };
      return await this.failure(response, url, options.what);
    } catch (error) {
      if (error instanceof CauseLensError) throw error;
      this.throwIfCancelled(options.signal);
      if (timeout.signal.aborted) {
        throw new CauseLensError('timeout', `Sentry did not answer ${options.what} within ${Math.round(timeoutMs / 1000)} s (${url.origin}). Check the base URL and your network, or try again later.`, { cause: error });
      }
      const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      return { failure: new CauseLensError('server-error', `Could not reach Sentry at ${url.origin} (${reason}). Check the base URL (sentry.io, a regional URL such as https://de.sentry.io, or your self-hosted server).`, { cause: error }) };
    } finally {
      clearTimeout(timer);
    }
  }

  private async json(response: Response, what: string): Promise<unknown> {
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new CauseLensError('server-error', `Sentry answered ${what} with text that is not JSON; is ${this.root} the Sentry API's base URL?`, { cause: error });
    }
  }

  private async failure(response: Response, url: URL, what: string): Promise<{ failure: CauseLensError; waitMs?: number }> {
    const detail = await detailOf(response);
    const { organization, project } = this.connection;
    const status = response.status;
    if (status === 429) {
      const waitMs = retryAfterMs(response.headers.get('retry-after'));
      const failure = new CauseLensError('rate-limited', `Sentry is rate-limiting requests for ${what}${waitMs !== undefined ? `; it asks to wait ${Math.ceil(waitMs / 1000)} s` : ''}. Try again later.`);
      if (waitMs !== undefined && waitMs > this.maxDelay()) throw failure;
      return { failure, waitMs };
    }
    if (status >= 500) return { failure: new CauseLensError('server-error', `Sentry failed with HTTP ${status} on ${what} (${detail || 'no detail'}). It may be a temporary outage; try again later.`) };
    if (status === 401) throw new CauseLensError('unauthorized', `Sentry rejected the auth token (HTTP 401: ${detail}) when reading ${what}. Create a new token with the ${SCOPE_HINT} scopes and store it in CauseLens (the CLI reads SENTRY_AUTH_TOKEN).`);
    if (status === 403) throw new CauseLensError('forbidden', `The Sentry token may not read ${what} (HTTP 403: ${detail}). Give it the ${SCOPE_HINT} scopes and check that it belongs to the organization "${organization}".`);
    if (status === 404) {
      const slugs = `the organization slug "${organization}"${project ? `, the project slug "${project}"` : ''}`;
      throw new CauseLensError('not-found', `Sentry has no ${what} at ${url.pathname}. Check ${slugs}, the id, and the base URL ${this.root} (sentry.io, a regional URL such as https://de.sentry.io, or your self-hosted server).`);
    }
    throw new CauseLensError('bad-input', `Sentry refused the request for ${what} (HTTP ${status}: ${detail}).`);
  }
}
