// The SDK side of the stand-in: `/api/<project>/envelope/` (and the legacy `/store/`), with the
// DSN key from `sentry_key` or `X-Sentry-Auth` and gzip/deflate bodies as SDKs send them.

import { gunzipSync, inflateSync } from 'node:zlib';
import { EnvelopeError, parseEnvelope } from './envelope';
import type { Reply } from './restRoutes';
import type { SentryStore, StoredEvent } from './store';

export const INGEST_PATH = /^\/api\/([^/]+)\/(envelope|store)\/$/;

function publicKeyOf(url: URL, authHeader: string | undefined): string | undefined {
  const fromQuery = url.searchParams.get('sentry_key');
  if (fromQuery) return fromQuery;
  return /sentry_key=([^,\s]+)/.exec(authHeader ?? '')?.[1];
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? 'identity').toLowerCase()) {
    case 'gzip':
      return gunzipSync(body);
    case 'deflate':
      return inflateSync(body);
    case 'identity':
      return body;
    default:
      throw new EnvelopeError(`unsupported Content-Encoding ${encoding}`);
  }
}

export interface IngestRequest {
  url: URL;
  projectRef: string;
  kind: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function eventsOf(kind: string, raw: Buffer): { events: Record<string, unknown>[]; id?: string } {
  if (kind === 'store') {
    const event = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    return { events: [event], id: String(event.event_id ?? '') };
  }
  const envelope = parseEnvelope(raw);
  const events = envelope.items
    .filter((item) => item.header.type === 'event')
    .map((item) => {
      const value: unknown = JSON.parse(item.payload.toString('utf8'));
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new EnvelopeError('an event item is not a JSON object');
      return value as Record<string, unknown>;
    });
  return { events, id: typeof envelope.header.event_id === 'string' ? envelope.header.event_id : undefined };
}

export function ingest(request: IngestRequest, store: SentryStore, onEvent: (event: StoredEvent) => void): Reply {
  const project = store.project(request.projectRef);
  if (!project) return { status: 404, body: { detail: `unknown project ${request.projectRef}` } };
  const auth = request.headers['x-sentry-auth'];
  const key = publicKeyOf(request.url, Array.isArray(auth) ? auth[0] : auth);
  if (!key || (project.publicKey !== undefined && key !== project.publicKey)) return { status: 401, body: { detail: 'missing or unknown DSN public key (sentry_key)' } };
  let parsed: ReturnType<typeof eventsOf>;
  try {
    const encoding = request.headers['content-encoding'];
    parsed = eventsOf(request.kind, decode(request.body, Array.isArray(encoding) ? encoding[0] : encoding));
  } catch (error) {
    return { status: 400, body: { detail: `invalid ${request.kind} payload: ${(error as Error).message}` } };
  }
  const received = new Date();
  for (const event of parsed.events) onEvent(store.ingestEvent(project.id, event, Buffer.byteLength(JSON.stringify(event)), received));
  return { status: 200, body: parsed.id ? { id: parsed.id } : {} };
}
