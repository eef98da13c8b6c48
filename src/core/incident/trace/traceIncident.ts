// Shared by the OTLP and Jaeger readers: picks the failing span of a trace, walks its path from
// the root span, and turns its exception event (type, message, stack text, code.* attributes) into an Incident.

import { createHash } from 'node:crypto';
import { CauseLensError } from '../../errors';
import { isInApp } from '../inApp';
import { capFrames } from '../limits';
import type { ExceptionInfo, Incident, IncidentSource, Platform, SpanInfo } from '../model';
import { FORMAT_PLATFORM, parseStackTrace } from '../stacktrace';
import { frame } from '../stacktrace/common';
import { type Attributes, integer, text } from './attributes';

export interface TraceException {
  time?: string;
  /** Normalised to the OpenTelemetry `exception.*` names. */
  attributes: Attributes;
}

export interface TraceSpan {
  info: SpanInfo;
  attributes: Attributes;
  resource: Attributes;
  exceptions: TraceException[];
}

const LANGUAGE_PLATFORM: Record<string, Platform> = {
  nodejs: 'javascript',
  webjs: 'javascript',
  js: 'javascript',
  python: 'python',
  java: 'java',
  go: 'go',
  dotnet: 'csharp',
  ruby: 'ruby',
  php: 'php',
  rust: 'rust',
};

/** Longest chain of parents to follow: a guard against cycles in hand-edited traces. */
const MAX_DEPTH = 10_000;

/** Number of ancestors of each span, memoised so deep or wide traces stay linear. */
function depthCounter(byId: Map<string, TraceSpan>): (span: TraceSpan) => number {
  const memo = new Map<string, number>();
  return (span) => {
    const chain: TraceSpan[] = [];
    const onChain = new Set<string>();
    let base = -1;
    for (let s: TraceSpan | undefined = span; s; ) {
      const known = memo.get(s.info.spanId);
      if (known !== undefined) {
        base = known;
        break;
      }
      if (onChain.has(s.info.spanId) || chain.length >= MAX_DEPTH) break; // a cycle: treat as root
      chain.push(s);
      onChain.add(s.info.spanId);
      s = s.info.parentSpanId ? byId.get(s.info.parentSpanId) : undefined;
    }
    for (let i = chain.length - 1; i >= 0; i--) memo.set(chain[i].info.spanId, ++base);
    return memo.get(span.info.spanId) ?? 0;
  };
}

/** The span that failed: the deepest span with an exception event, else the deepest error span. */
export function pickFailingSpan(spans: TraceSpan[]): TraceSpan | undefined {
  const byId = new Map(spans.map((s) => [s.info.spanId, s]));
  const withException = spans.filter((s) => s.exceptions.length > 0);
  const candidates = withException.length > 0 ? withException : spans.filter((s) => s.info.error);
  const depthOf = depthCounter(byId);
  let best: TraceSpan | undefined;
  let bestDepth = -1;
  for (const s of candidates) {
    const d = depthOf(s);
    if (d > bestDepth || (d === bestDepth && best && (s.info.start ?? '') < (best.info.start ?? ''))) {
      best = s;
      bestDepth = d;
    }
  }
  return best;
}

/** The spans from the root down to `failing`, following parent ids present in the trace. */
export function spanPathTo(failing: TraceSpan, spans: TraceSpan[]): SpanInfo[] {
  const byId = new Map(spans.map((s) => [s.info.spanId, s]));
  const path: SpanInfo[] = [failing.info];
  const seen = new Set([failing.info.spanId]);
  for (let s = failing; s.info.parentSpanId; ) {
    const parent = byId.get(s.info.parentSpanId);
    if (!parent || seen.has(parent.info.spanId)) break;
    seen.add(parent.info.spanId);
    path.push(parent.info);
    s = parent;
  }
  return path.reverse();
}

function exceptionsOf(span: TraceSpan, warnings: string[]): { exceptions: ExceptionInfo[]; platform?: Platform } {
  const event = span.exceptions[0]?.attributes ?? {};
  const type = text(event, 'exception.type');
  const message = text(event, 'exception.message') ?? '';
  const stack = text(event, 'exception.stacktrace');
  if (stack) {
    try {
      const parsed = parseStackTrace(stack);
      warnings.push(...parsed.warnings);
      const [first] = parsed.exceptions;
      if (type) first.type = type;
      if (message) first.message = message;
      return { exceptions: parsed.exceptions, platform: FORMAT_PLATFORM[parsed.format] };
    } catch (e) {
      if (!(e instanceof CauseLensError)) throw e;
      warnings.push(`The exception.stacktrace of span "${span.info.name}" could not be read: ${e.message}`);
    }
  }
  // No stack text: the code.* attributes (old and current semantic-convention names) give one frame.
  const attrs = { ...span.attributes, ...event };
  const file = text(attrs, 'code.filepath', 'code.file.path');
  const frames = file
    ? [
        frame({
          file,
          function: text(attrs, 'code.function', 'code.function.name'),
          module: text(attrs, 'code.namespace'),
          line: integer(attrs, 'code.lineno', 'code.line.number'),
          column: integer(attrs, 'code.column', 'code.column.number'),
          inApp: isInApp(file),
        }),
      ]
    : [];
  if (frames.length === 0) warnings.push(`Span "${span.info.name}" has no stack trace or code location; only its exception type and message are known.`);
  const fallbackType = span.exceptions.length > 0 ? 'Exception' : 'SpanError';
  const fallbackMessage = span.exceptions.length > 0 ? '' : text(span.attributes, 'otel.status_description', 'error.message') ?? `span "${span.info.name}" ended with an error`;
  return { exceptions: [{ type: type ?? fallbackType, message: message || fallbackMessage, frames }] };
}

/** Builds the Incident of a trace from its spans (already read from OTLP or Jaeger JSON). */
export function traceIncident(spans: TraceSpan[], source: IncidentSource, warnings: string[]): Incident {
  if (spans.length === 0) {
    throw new CauseLensError('bad-input', `The ${source === 'otlp' ? 'OTLP' : 'Jaeger'} trace holds no spans. Export the whole trace (all its spans) and open that file.`);
  }
  const failing = pickFailingSpan(spans);
  if (!failing) {
    throw new CauseLensError(
      'bad-input',
      `No span in the trace recorded an exception or an error status (${spans.length} spans read). Pick a trace whose request failed, or paste the stack trace instead.`,
    );
  }
  const { exceptions, platform: stackPlatform } = exceptionsOf(failing, warnings);
  for (const e of exceptions) e.frames = capFrames(e.frames, warnings, e.type);
  const resource = failing.resource;
  const language = text(resource, 'telemetry.sdk.language')?.toLowerCase();
  const [first] = exceptions;
  const incident: Incident = {
    id: createHash('sha256').update(`${failing.info.traceId}/${failing.info.spanId}`).digest('hex').slice(0, 16),
    source,
    title: first.message ? `${first.type}: ${first.message.split('\n')[0]}` : `${first.type} in ${failing.info.name}`,
    platform: stackPlatform ?? (language ? LANGUAGE_PLATFORM[language] : undefined) ?? 'unknown',
    exceptions,
    spanPath: spanPathTo(failing, spans),
    warnings,
  };
  const release = text(resource, 'service.version');
  const commit = text(resource, 'vcs.ref.head.revision', 'vcs.repository.ref.revision', 'git.commit.sha');
  const environment = text(resource, 'deployment.environment.name', 'deployment.environment');
  const seen = failing.exceptions[0]?.time ?? failing.info.end ?? failing.info.start;
  if (release) incident.release = release;
  if (commit) incident.commit = commit;
  if (environment) incident.environment = environment;
  if (seen) incident.firstSeen = incident.lastSeen = seen;
  const tags: Record<string, string> = { 'trace.id': failing.info.traceId, 'span.name': failing.info.name };
  if (failing.info.service) tags['service.name'] = failing.info.service;
  incident.tags = tags;
  return incident;
}
