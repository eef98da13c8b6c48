// Sentry event JSON -> Incident. Accepts both forms a user can hold: the REST API's event
// (`entries: [{type: 'exception', …}]`, camelCase frames) and the SDK payload (`exception.values`).

import { createHash } from 'node:crypto';
import { CauseLensError } from '../../errors';
import type { Breadcrumb, ExceptionInfo, Incident, IncidentSource, Platform } from '../model';
import { convertSentryStacktrace } from './frames';
import { asArray, asIsoTime, asRecord, asString, asText, type JsonRecord } from './read';

const PLATFORMS: Record<string, Platform> = {
  javascript: 'javascript',
  node: 'javascript',
  'javascript-node': 'javascript',
  python: 'python',
  java: 'java',
  kotlin: 'java',
  go: 'go',
  csharp: 'csharp',
  dotnet: 'csharp',
  ruby: 'ruby',
  php: 'php',
  rust: 'rust',
};

export function sentryPlatform(platform: unknown): Platform {
  const name = asString(platform)?.toLowerCase() ?? '';
  return PLATFORMS[name] ?? PLATFORMS[name.split('-')[0]] ?? 'unknown';
}

/** The REST API wraps interfaces in `entries`; the SDK puts them at the top level. */
function entryData(event: JsonRecord, type: string): JsonRecord | undefined {
  const entries = asArray(event.entries);
  if (entries) {
    const entry = entries.map(asRecord).find((e) => e?.type === type);
    return asRecord(entry?.data);
  }
  return undefined;
}

function interfaceValues(event: JsonRecord, type: string): unknown[] | undefined {
  const data = entryData(event, type) ?? event[type];
  return asArray(data) ?? asArray(asRecord(data)?.values);
}

function convertException(raw: unknown, warnings: string[]): ExceptionInfo | undefined {
  const value = asRecord(raw);
  if (!value) return undefined;
  const stacktrace = value.stacktrace ?? value.rawStacktrace ?? value.raw_stacktrace;
  const exception: ExceptionInfo = {
    type: asString(value.type) ?? asString(value.module) ?? 'Error',
    message: asString(value.value) ?? '',
    frames: convertSentryStacktrace(stacktrace, warnings),
  };
  const mechanism = asString(asRecord(value.mechanism)?.type);
  if (mechanism) exception.mechanism = mechanism;
  return exception;
}

/** Sentry lists the oldest cause first and the reported exception last; we want it reversed. */
function convertExceptions(event: JsonRecord, warnings: string[]): ExceptionInfo[] {
  const values = interfaceValues(event, 'exception') ?? [];
  const exceptions = values.map((v) => convertException(v, warnings)).filter((e): e is ExceptionInfo => !!e);
  if (values.length > exceptions.length) warnings.push(`${values.length - exceptions.length} malformed exception value(s) were skipped.`);
  return exceptions.reverse();
}

/** Events without an exception (captureMessage, attachStacktrace) may still carry a thread's stack. */
function threadException(event: JsonRecord, warnings: string[]): ExceptionInfo | undefined {
  const threads = (interfaceValues(event, 'threads') ?? []).map(asRecord).filter((t): t is JsonRecord => !!t);
  const thread = threads.find((t) => t.crashed === true) ?? threads.find((t) => t.current === true) ?? threads[0];
  const message = eventMessage(event);
  if (!thread?.stacktrace && message === undefined) return undefined;
  return {
    type: asString(asRecord(event.metadata)?.type) ?? 'Message',
    message: message ?? '',
    frames: convertSentryStacktrace(thread?.stacktrace, warnings),
  };
}

function eventMessage(event: JsonRecord): string | undefined {
  const logentry = asRecord(event.logentry) ?? entryData(event, 'message');
  // The API sends `message: ""` on exception events; an empty message is no message.
  return asString(logentry?.formatted) || asString(logentry?.message) || asString(event.message) || asString(asRecord(event.message)?.formatted) || undefined;
}

function breadcrumbMessage(crumb: JsonRecord): string {
  const message = asString(crumb.message);
  if (message) return message;
  const data = asRecord(crumb.data);
  if (data && (data.url !== undefined || data.method !== undefined)) {
    const status = data.status_code !== undefined ? ` [${String(data.status_code)}]` : '';
    return `${asText(data.method) ?? ''} ${asText(data.url) ?? ''}${status}`.trim();
  }
  return [asString(crumb.type), asString(crumb.category)].filter(Boolean).join(' ') || '(breadcrumb)';
}

function convertBreadcrumbs(event: JsonRecord): Breadcrumb[] | undefined {
  const values = interfaceValues(event, 'breadcrumbs');
  if (!values) return undefined;
  return values
    .map(asRecord)
    .filter((c): c is JsonRecord => !!c)
    .map((crumb) => {
      const breadcrumb: Breadcrumb = { message: breadcrumbMessage(crumb) };
      const time = asIsoTime(crumb.timestamp);
      if (time) breadcrumb.time = time;
      const category = asString(crumb.category);
      if (category) breadcrumb.category = category;
      const level = asString(crumb.level);
      if (level) breadcrumb.level = level;
      return breadcrumb;
    });
}

/** Tags arrive as `{k: v}` (SDK), `[[k, v]]` (SDK, older) or `[{key, value}]` (API). */
function convertTags(value: unknown): Record<string, string> | undefined {
  const tags: Record<string, string> = {};
  const record = asRecord(value);
  if (record) for (const [k, v] of Object.entries(record)) if (asText(v) !== undefined) tags[k] = asText(v)!;
  for (const item of asArray(value) ?? []) {
    const pair = asArray(item);
    const key = pair ? asString(pair[0]) : asString(asRecord(item)?.key);
    const text = pair ? asText(pair[1]) : asText(asRecord(item)?.value);
    if (key && text !== undefined) tags[key] = text;
  }
  return Object.keys(tags).length > 0 ? tags : undefined;
}

function looksLikeSentryEvent(event: JsonRecord): boolean {
  return ['exception', 'entries', 'event_id', 'eventID', 'threads', 'logentry'].some((k) => event[k] !== undefined);
}

function parseInput(json: unknown): JsonRecord {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new CauseLensError('bad-input', `The Sentry event is not valid JSON (${(error as Error).message}). Open the event JSON as Sentry's API or SDK produced it.`, { cause: error });
    }
  }
  const event = asRecord(value);
  if (!event || !looksLikeSentryEvent(event)) {
    throw new CauseLensError('bad-input', 'This is not a Sentry event: it has none of `exception`, `entries`, `event_id` or `eventID`. Open the JSON of one event (API "Event JSON" or an SDK payload).');
  }
  return event;
}

export interface ParseSentryEventOptions {
  /** 'sentry-api' when the event came from the REST API through our client. */
  source?: IncidentSource;
}

/** Reads one Sentry event (API or SDK form); throws 'bad-input' only when it is not an event at all. */
export function parseSentryEvent(json: unknown, options: ParseSentryEventOptions = {}): Incident {
  const event = parseInput(json);
  const warnings: string[] = [];
  const exceptions = convertExceptions(event, warnings);
  if (exceptions.length === 0) {
    const fallback = threadException(event, warnings);
    if (fallback) exceptions.push(fallback);
    warnings.push('The event has no exception; ' + (fallback ? 'its message and thread stack are used instead.' : 'there are no frames to map.'));
  } else if (exceptions.every((e) => e.frames.length === 0)) {
    warnings.push('The exception has no stack frames (the SDK sent none or they were stripped).');
  }
  const reported = exceptions[0];
  const tags = convertTags(event.tags);
  const release = asString(event.release) ?? asString(asRecord(event.release)?.version) ?? tags?.release;
  const environment = asString(event.environment) ?? tags?.environment;
  const seen = asIsoTime(event.dateCreated) ?? asIsoTime(event.timestamp) ?? asIsoTime(event.dateReceived);
  const id = asString(event.eventID) ?? asString(event.event_id) ?? asString(event.id) ?? createHash('sha256').update(JSON.stringify(event)).digest('hex').slice(0, 16);
  const incident: Incident = {
    id,
    source: options.source ?? 'sentry-event',
    title: asString(event.title) || (reported ? `${reported.type}: ${reported.message}` : 'Sentry event'),
    platform: sentryPlatform(event.platform),
    exceptions,
    warnings,
  };
  if (release) incident.release = release;
  const commit = asString(asRecord(asRecord(event.release)?.lastCommit)?.id);
  if (commit) incident.commit = commit;
  if (environment) incident.environment = environment;
  if (seen) {
    incident.firstSeen = seen;
    incident.lastSeen = seen;
  }
  const breadcrumbs = convertBreadcrumbs(event);
  if (breadcrumbs && breadcrumbs.length > 0) incident.breadcrumbs = breadcrumbs;
  if (tags) incident.tags = tags;
  return incident;
}
