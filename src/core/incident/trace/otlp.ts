// Reads OpenTelemetry OTLP/JSON traces (an ExportTraceServiceRequest, or the collector file
// exporter's one request per line): resourceSpans → scopeSpans → spans with `exception` events.

import { CauseLensError } from '../../errors';
import type { Incident } from '../model';
import { type Attributes, isRecord, nanosToIso, otlpAttributes, text } from './attributes';
import { type TraceSpan, traceIncident } from './traceIncident';

const STATUS_ERROR = new Set<unknown>([2, '2', 'STATUS_CODE_ERROR']);

export function isOtlpTrace(json: unknown): boolean {
  return isRecord(json) && Array.isArray(json.resourceSpans);
}

function readSpan(raw: Record<string, unknown>, resource: Attributes): TraceSpan | undefined {
  if (typeof raw.spanId !== 'string' || raw.spanId === '') return undefined;
  const attributes = otlpAttributes(raw.attributes);
  const status = isRecord(raw.status) ? raw.status : {};
  const exceptions = (Array.isArray(raw.events) ? raw.events : [])
    .filter((e): e is Record<string, unknown> => isRecord(e) && e.name === 'exception')
    .map((e) => ({ time: nanosToIso(e.timeUnixNano), attributes: otlpAttributes(e.attributes) }));
  const info: TraceSpan['info'] = {
    traceId: typeof raw.traceId === 'string' ? raw.traceId : '',
    spanId: raw.spanId,
    name: typeof raw.name === 'string' ? raw.name : '(unnamed span)',
    error: STATUS_ERROR.has(status.code) || exceptions.length > 0,
  };
  if (typeof raw.parentSpanId === 'string' && raw.parentSpanId !== '') info.parentSpanId = raw.parentSpanId;
  const service = text(resource, 'service.name');
  if (service) info.service = service;
  const start = nanosToIso(raw.startTimeUnixNano);
  const end = nanosToIso(raw.endTimeUnixNano);
  if (start) info.start = start;
  if (end) info.end = end;
  if (typeof status.message === 'string' && status.message) attributes['otel.status_description'] = status.message;
  return { info, attributes, resource, exceptions };
}

/** Reads one or more OTLP/JSON export requests into the Incident of the failing span. */
export function parseOtlpTrace(json: unknown): Incident {
  const requests = Array.isArray(json) ? json : [json];
  const spans: TraceSpan[] = [];
  const warnings: string[] = [];
  let skipped = 0;
  for (const request of requests) {
    if (!isOtlpTrace(request)) throw new CauseLensError('bad-input', 'This is not an OTLP/JSON trace: it has no "resourceSpans". Export the trace as OTLP JSON (or Jaeger JSON) and try again.');
    for (const rs of (request as { resourceSpans: unknown[] }).resourceSpans) {
      if (!isRecord(rs)) continue;
      const resource = otlpAttributes(isRecord(rs.resource) ? rs.resource.attributes : undefined);
      const scopes = Array.isArray(rs.scopeSpans) ? rs.scopeSpans : Array.isArray(rs.instrumentationLibrarySpans) ? rs.instrumentationLibrarySpans : [];
      for (const scope of scopes) {
        if (!isRecord(scope) || !Array.isArray(scope.spans)) continue;
        for (const raw of scope.spans) {
          const span = isRecord(raw) ? readSpan(raw, resource) : undefined;
          if (span) spans.push(span);
          else skipped++;
        }
      }
    }
  }
  if (skipped > 0) warnings.push(`${skipped} spans without a spanId were skipped.`);
  return traceIncident(spans, 'otlp', warnings);
}
