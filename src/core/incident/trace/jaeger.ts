// Reads Jaeger JSON traces (the UI's "Download JSON" / query API `{data: [trace]}`, or one trace
// object): spans with `references`, `logs` carrying error/exception fields, and `processes`.

import { CauseLensError } from '../../errors';
import type { Incident } from '../model';
import { type Attributes, isRecord, jaegerTags, microsToIso, text } from './attributes';
import { type TraceException, type TraceSpan, traceIncident } from './traceIncident';

function traces(json: unknown): Record<string, unknown>[] {
  if (isRecord(json) && Array.isArray(json.data)) return json.data.filter(isRecord);
  if (isRecord(json) && Array.isArray(json.spans)) return [json];
  return [];
}

export function isJaegerTrace(json: unknown): boolean {
  const list = traces(json);
  return list.length > 0 && list.every((t) => Array.isArray(t.spans));
}

/**
 * A log is an exception when OpenTelemetry wrote it (`event: exception`, `exception.*`) or an
 * OpenTracing tracer did (`event: error`, `error.kind`, `error.object`, `message`, `stack`).
 */
function exceptionFromLog(fields: Attributes, time: string | undefined): TraceException | undefined {
  const event = text(fields, 'event');
  const looksLikeError = event === 'exception' || event === 'error' || fields['exception.type'] !== undefined || fields['error.kind'] !== undefined;
  if (!looksLikeError) return undefined;
  const attributes: Attributes = {};
  const type = text(fields, 'exception.type', 'error.kind');
  const message = text(fields, 'exception.message', 'message', 'error.message', 'error.object');
  const stack = text(fields, 'exception.stacktrace', 'stack', 'error.stack');
  if (type) attributes['exception.type'] = type;
  if (message) attributes['exception.message'] = message;
  if (stack) attributes['exception.stacktrace'] = stack;
  return { time, attributes };
}

function readSpan(raw: Record<string, unknown>, processes: Record<string, unknown>): TraceSpan | undefined {
  if (typeof raw.spanID !== 'string' || raw.spanID === '') return undefined;
  const attributes = jaegerTags(raw.tags);
  const process = isRecord(raw.process) ? raw.process : isRecord(processes[String(raw.processID)]) ? (processes[String(raw.processID)] as Record<string, unknown>) : {};
  const resource = jaegerTags(process.tags);
  if (typeof process.serviceName === 'string') resource['service.name'] = process.serviceName;
  const exceptions = (Array.isArray(raw.logs) ? raw.logs : [])
    .filter(isRecord)
    .map((log) => exceptionFromLog(jaegerTags(log.fields), microsToIso(log.timestamp)))
    .filter((e): e is TraceException => e !== undefined);
  const refs = Array.isArray(raw.references) ? raw.references.filter(isRecord) : [];
  const parentRef = refs.find((r) => r.refType === 'CHILD_OF') ?? refs[0];
  const parent = typeof raw.parentSpanID === 'string' && raw.parentSpanID ? raw.parentSpanID : parentRef?.spanID;
  const start = typeof raw.startTime === 'number' ? raw.startTime : undefined;
  const info: TraceSpan['info'] = {
    traceId: typeof raw.traceID === 'string' ? raw.traceID : '',
    spanId: raw.spanID,
    name: typeof raw.operationName === 'string' ? raw.operationName : '(unnamed span)',
    error: attributes.error === true || attributes.error === 'true' || text(attributes, 'otel.status_code') === 'ERROR' || exceptions.length > 0,
  };
  if (typeof parent === 'string' && parent && parent !== raw.spanID) info.parentSpanId = parent;
  if (typeof process.serviceName === 'string') info.service = process.serviceName;
  const startIso = microsToIso(start);
  const endIso = start !== undefined && typeof raw.duration === 'number' ? microsToIso(start + raw.duration) : undefined;
  if (startIso) info.start = startIso;
  if (endIso) info.end = endIso;
  return { info, attributes, resource, exceptions };
}

/** Reads a Jaeger JSON export into the Incident of its failing span (first trace with one). */
export function parseJaegerTrace(json: unknown): Incident {
  const list = traces(json);
  if (list.length === 0) throw new CauseLensError('bad-input', 'This is not a Jaeger trace: it has no "data" list of traces with "spans". Download the trace as JSON from Jaeger and try again.');
  const warnings: string[] = [];
  const spans: TraceSpan[] = [];
  for (const trace of list) {
    const processes = isRecord(trace.processes) ? trace.processes : {};
    for (const raw of Array.isArray(trace.spans) ? trace.spans : []) {
      const span = isRecord(raw) ? readSpan(raw, processes) : undefined;
      if (span) spans.push(span);
    }
  }
  if (list.length > 1) warnings.push(`The file holds ${list.length} traces; the failing span was picked across all of them.`);
  return traceIncident(spans, 'jaeger', warnings);
}
