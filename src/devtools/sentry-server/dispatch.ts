// Routes one HTTP request of the stand-in: injected faults first, then its admin paths, the SDK
// ingest endpoint, and the token-checked REST API.

import type { IncomingMessage } from 'node:http';
import type { FaultRule, FaultRules } from './faults';
import { INGEST_PATH, ingest } from './ingest';
import { answerRest, type Reply } from './restRoutes';
import type { SentryStore, StoredEvent } from './store';

export interface DispatchState {
  store: SentryStore;
  faults: FaultRules;
  organization: string;
  tokens: Record<string, string[]>;
  delay(ms: number): Promise<void>;
  onEvent(event: StoredEvent): void;
}

function bearer(request: IncomingMessage): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

/** undefined for an empty body, null for one that is not JSON. */
export function jsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
}

function faultReply(rule: FaultRule): Reply {
  const headers: Record<string, string> = rule.retryAfter !== undefined ? { 'Retry-After': String(rule.retryAfter) } : {};
  const detail = rule.status === 429 ? 'You are attempting to use this endpoint too frequently.' : 'Internal Error';
  return { status: rule.status!, body: { detail }, headers };
}

/** Test controls: POST/DELETE /_causelens/faults/ (rules as in FaultRule), GET /_causelens/state/. */
function answerAdmin(method: string, url: URL, body: Buffer, state: DispatchState): Reply {
  if (url.pathname === '/_causelens/faults/' && method === 'POST') {
    const rules = jsonBody(body);
    if (rules === null || rules === undefined) return { status: 400, body: { detail: 'Send a fault rule or a list of them as JSON.' } };
    try {
      state.faults.add(Array.isArray(rules) ? rules : [rules as FaultRule]);
    } catch (error) {
      return { status: 400, body: { detail: (error as Error).message } };
    }
    return { status: 201, body: {} };
  }
  if (url.pathname === '/_causelens/faults/' && method === 'DELETE') {
    state.faults.clear();
    return { status: 204 };
  }
  if (url.pathname === '/_causelens/state/') return { status: 200, body: { issues: state.store.issues.length, events: state.store.eventCount(), releases: state.store.releases.size } };
  return { status: 404, body: { detail: 'Not found' } };
}

export async function dispatch(request: IncomingMessage, url: URL, body: Buffer, state: DispatchState): Promise<Reply> {
  const method = request.method ?? 'GET';
  const fault = state.faults.take(method, url.pathname);
  if (fault?.stallMs) await state.delay(fault.stallMs);
  if (fault?.status) return faultReply(fault);
  if (url.pathname.startsWith('/_causelens/')) return answerAdmin(method, url, body, state);
  const ingestMatch = INGEST_PATH.exec(url.pathname);
  if (ingestMatch && method === 'POST') {
    const headers = request.headers as Record<string, string | string[] | undefined>;
    return ingest({ url, projectRef: ingestMatch[1], kind: ingestMatch[2], headers, body }, state.store, state.onEvent);
  }
  if (!url.pathname.startsWith('/api/0/')) return { status: 404, body: { detail: 'Not found' } };
  const token = bearer(request);
  if (!token || !state.tokens[token]) return { status: 401, body: { detail: 'Invalid token' } };
  const parsedBody = jsonBody(body);
  if (parsedBody === null) return { status: 400, body: { detail: 'Malformed request body: expected JSON.' } };
  const publicUrl = `http://${request.headers.host ?? 'localhost'}`;
  return answerRest({ method, url, publicUrl, body: parsedBody, scopes: state.tokens[token] }, { store: state.store, organization: state.organization });
}
