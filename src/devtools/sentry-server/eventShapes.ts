// Events in the shapes of Sentry's REST API: the full event (entries with camelCase frames,
// source context as [lineNo, text] pairs) and the lighter items of an issue's event list.

import { crashSite, type StoredEvent, type StoredIssue } from './store';

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

/** Sentry's server turns the SDK's pre_context/context_line/post_context into numbered pairs. */
function contextPairs(frame: Json): [number, string][] {
  const line = typeof frame.lineno === 'number' ? frame.lineno : undefined;
  if (line === undefined || typeof frame.context_line !== 'string') return [];
  const pre = Array.isArray(frame.pre_context) ? frame.pre_context.map(String) : [];
  const post = Array.isArray(frame.post_context) ? frame.post_context.map(String) : [];
  return [
    ...pre.map((text, i): [number, string] => [line - pre.length + i, text]),
    [line, frame.context_line],
    ...post.map((text, i): [number, string] => [line + 1 + i, text]),
  ];
}

function apiFrame(frame: Json): Json {
  const filename = typeof frame.filename === 'string' ? frame.filename : null;
  return {
    filename,
    absPath: typeof frame.abs_path === 'string' ? frame.abs_path : filename,
    module: frame.module ?? null,
    package: null,
    platform: null,
    instructionAddr: null,
    symbolAddr: null,
    function: frame.function ?? null,
    rawFunction: null,
    symbol: null,
    context: contextPairs(frame),
    lineNo: frame.lineno ?? null,
    colNo: frame.colno ?? null,
    inApp: frame.in_app === true,
    trust: null,
    errors: null,
    vars: frame.vars ?? null,
  };
}

function exceptionEntry(event: Json): Json | undefined {
  const values = asObject(event.exception)?.values;
  if (!Array.isArray(values) || values.length === 0) return undefined;
  const converted = values.map(asObject).filter((v) => v !== undefined).map((value) => {
    const frames = (asObject(value.stacktrace)?.frames as unknown[] | undefined) ?? [];
    const apiFrames = frames.map(asObject).filter((f) => f !== undefined).map(apiFrame);
    return {
      type: value.type ?? null,
      value: value.value ?? null,
      module: value.module ?? null,
      mechanism: value.mechanism ?? null,
      threadId: null,
      rawStacktrace: null,
      stacktrace: apiFrames.length > 0 ? { frames: apiFrames, framesOmitted: null, registers: null, hasSystemFrames: apiFrames.some((f) => f.inApp) } : null,
    };
  });
  return { type: 'exception', data: { values: converted, excOmitted: null, hasSystemFrames: true } };
}

function breadcrumbsEntry(event: Json): Json | undefined {
  const raw = event.breadcrumbs;
  const values = Array.isArray(raw) ? raw : asObject(raw)?.values;
  if (!Array.isArray(values) || values.length === 0) return undefined;
  const crumbs = values.map(asObject).filter((c) => c !== undefined).map((c) => ({
    type: c.type ?? 'default',
    category: c.category ?? null,
    level: c.level ?? 'info',
    message: c.message ?? null,
    data: c.data ?? null,
    event_id: null,
    timestamp: typeof c.timestamp === 'number' ? new Date(c.timestamp * 1000).toISOString() : c.timestamp ?? null,
  }));
  return { type: 'breadcrumbs', data: { values: crumbs } };
}

function messageEntry(event: Json): Json | undefined {
  const logentry = asObject(event.logentry);
  const formatted = logentry?.formatted ?? logentry?.message ?? (typeof event.message === 'string' ? event.message : undefined);
  return formatted === undefined ? undefined : { type: 'message', data: { formatted, message: logentry?.message ?? formatted, params: null } };
}

/** Tags as the API lists them: the event's own plus the ones Sentry derives. */
function tagList(event: Json): { key: string; value: string }[] {
  const tags = new Map<string, string>();
  for (const key of ['environment', 'level', 'release', 'server_name', 'dist']) if (typeof event[key] === 'string') tags.set(key, event[key] as string);
  const mechanism = asObject(crashMechanism(event));
  if (mechanism) {
    tags.set('handled', mechanism.handled === false ? 'no' : 'yes');
    if (typeof mechanism.type === 'string') tags.set('mechanism', mechanism.type);
  }
  for (const [key, value] of Object.entries(asObject(event.tags) ?? {})) tags.set(key, String(value));
  return [...tags].map(([key, value]) => ({ key, value }));
}

function crashMechanism(event: Json): unknown {
  const values = asObject(event.exception)?.values;
  return Array.isArray(values) && values.length > 0 ? asObject(values[values.length - 1])?.mechanism : undefined;
}

function location(event: Json): string | null {
  const { frame } = crashSite(event);
  return frame && typeof frame.filename === 'string' ? `${frame.filename}${typeof frame.lineno === 'number' ? `:${frame.lineno}` : ''}` : null;
}

function user(event: Json): Json | null {
  const u = asObject(event.user);
  if (!u) return null;
  const pick = (k: string) => (typeof u[k] === 'string' ? u[k] : null);
  return { id: pick('id'), email: pick('email'), username: pick('username'), ip_address: pick('ip_address'), name: pick('name'), data: null };
}

function eventBase(stored: StoredEvent, issue: StoredIssue) {
  const event = stored.event;
  return {
    id: stored.eventId,
    eventID: stored.eventId,
    groupID: issue.id,
    projectID: stored.projectId,
    message: messageEntry(event)?.data ? String((messageEntry(event)!.data as Json).formatted) : '',
    title: issue.title,
    location: location(event),
    culprit: issue.culprit,
    user: user(event),
    tags: tagList(event),
    platform: typeof event.platform === 'string' ? event.platform : 'other',
    dateCreated: stored.created.toISOString(),
    crashFile: null,
    metadata: issue.metadata,
  };
}

export function toIssueEventListItem(stored: StoredEvent, issue: StoredIssue) {
  return { ...eventBase(stored, issue), 'event.type': 'error' };
}

export function toApiEvent(stored: StoredEvent, issue: StoredIssue, release: Json | null, neighbours: { next?: string; previous?: string }) {
  const event = stored.event;
  const sdk = asObject(event.sdk);
  const entries = [exceptionEntry(event), messageEntry(event), breadcrumbsEntry(event)].filter((e) => e !== undefined);
  return {
    ...eventBase(stored, issue),
    type: 'error',
    dateReceived: stored.received.toISOString(),
    contexts: asObject(event.contexts) ?? {},
    size: stored.size,
    entries,
    dist: typeof event.dist === 'string' ? event.dist : null,
    sdk: sdk ? { name: typeof sdk.name === 'string' ? sdk.name : null, version: typeof sdk.version === 'string' ? sdk.version : null } : null,
    context: asObject(event.extra) ?? {},
    packages: asObject(event.modules) ?? {},
    errors: [],
    occurrence: null,
    _meta: {},
    fingerprints: [issue.fingerprint],
    groupingConfig: { id: 'newstyle:2023-01-11', enhancements: '' },
    release,
    userReport: null,
    sdkUpdates: [],
    resolvedWith: [],
    nextEventID: neighbours.next ?? null,
    previousEventID: neighbours.previous ?? null,
  };
}
