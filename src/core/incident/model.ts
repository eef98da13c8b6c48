// The one Incident model every source (Sentry API, Sentry event JSON, OTLP/Jaeger traces,
// raw stack-trace text) is turned into; everything downstream reads only this.

export type Platform =
  | 'javascript'
  | 'python'
  | 'java'
  | 'go'
  | 'csharp'
  | 'ruby'
  | 'php'
  | 'rust'
  | 'unknown';

export type IncidentSource = 'sentry-api' | 'sentry-event' | 'otlp' | 'jaeger' | 'stacktrace';

export interface SourceContext {
  pre: string[];
  line: string;
  post: string[];
}

export interface StackFrame {
  /** Path or URL exactly as the runtime reported it (may carry a deploy prefix). */
  file: string;
  function?: string;
  /** Module, package or class name where the runtime gives one (Python, Java, Sentry `module`). */
  module?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** True when the frame belongs to the application rather than a library or the runtime. */
  inApp: boolean;
  context?: SourceContext;
}

export interface ExceptionInfo {
  type: string;
  message: string;
  /** Innermost (the crash site) first. */
  frames: StackFrame[];
  /** How the exception was captured (e.g. `onuncaughtexception`, `generic`), when known. */
  mechanism?: string;
  /**
   * How this exception is linked to the one before it in `Incident.exceptions`: `cause` when it was
   * named as the cause (Java `Caused by`, Python `raise … from`, JS `{ cause }`, .NET inner exception),
   * `context` when the earlier one was raised while handling it (Python "During handling …").
   */
  chainedAs?: 'cause' | 'context';
  /** Exceptions suppressed while this one propagated (Java `Suppressed:`); not part of the cause chain. */
  suppressed?: ExceptionInfo[];
  /**
   * Set on the members of an exception group (Python `ExceptionGroup`): the index in
   * `Incident.exceptions` of the group. Members follow their group in the list.
   */
  groupedIn?: number;
}

export interface Breadcrumb {
  time?: string;
  category?: string;
  level?: string;
  message: string;
}

export interface SpanInfo {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  service?: string;
  /** ISO 8601. */
  start?: string;
  end?: string;
  error: boolean;
}

export interface EventCount {
  /** ISO 8601 start of the bucket. */
  time: string;
  count: number;
}

export interface Incident {
  /** Stable fingerprint of the incident (source id when there is one, else a hash). */
  id: string;
  source: IncidentSource;
  title: string;
  platform: Platform;
  /** The reported exception first; `exceptions[i + 1]` is the cause of `exceptions[i]`. */
  exceptions: ExceptionInfo[];
  release?: string;
  /** The commit the failing release was built from, when known. */
  commit?: string;
  environment?: string;
  /** ISO 8601. */
  firstSeen?: string;
  lastSeen?: string;
  eventCounts?: EventCount[];
  breadcrumbs?: Breadcrumb[];
  /** For traces: the failing span's path from the root span down to the failing span. */
  spanPath?: SpanInfo[];
  tags?: Record<string, string>;
  /**
   * Other failures reported in the same text, each its own chain (a test run's other failing
   * tests): not causes of the reported exception, but most often failing for the same reason.
   */
  otherFailures?: ExceptionInfo[][];
  /** Problems met while reading the input that did not stop it (truncation, skipped frames). */
  warnings: string[];
}

/** All frames of all exceptions, crash site of the reported exception first. */
export function allFrames(incident: Incident): StackFrame[] {
  return incident.exceptions.flatMap((e) => e.frames);
}
