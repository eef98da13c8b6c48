// Entry point of core/incident: turn any supported input (a Sentry event, an OTLP or Jaeger trace
// file, or pasted stack-trace text from any runtime) into an Incident.

import { createHash } from 'node:crypto';
import { CauseLensError } from '../errors';
import { MAX_INPUT_CHARS, capFrames } from './limits';
import type { Incident } from './model';
import { parseSentryEvent } from './sentry/event';
import { FORMAT_PLATFORM, parseStackTrace } from './stacktrace';
import { isJaegerTrace, parseJaegerTrace } from './trace/jaeger';
import { isOtlpTrace, parseOtlpTrace } from './trace/otlp';

export { detectStackFormat, parseStackTrace, type ParsedStack, type StackFormat } from './stacktrace';
export { parseJaegerTrace } from './trace/jaeger';
export { parseOtlpTrace } from './trace/otlp';
export { isInApp } from './inApp';

export interface ReadIncidentHint {
  /** Name of the file the text came from; a `.json`/`.jsonl` name means the text must be JSON. */
  fileName?: string;
}

/**
 * Reads pasted text or file contents and returns an Incident. Throws only CauseLensError:
 * 'bad-input' (with what to do) when the input is empty, malformed or not a known format.
 */
export function readIncident(text: string, hint: ReadIncidentHint = {}): Incident {
  try {
    const incident = readAny(text, hint);
    for (const e of incident.exceptions) e.frames = capFrames(e.frames, incident.warnings, e.type || 'An exception');
    return incident;
  } catch (e) {
    if (e instanceof CauseLensError) throw e;
    throw new CauseLensError('internal', `CauseLens could not read this incident (${e instanceof Error ? e.message : String(e)}). Please report it with the input attached.`, { cause: e });
  }
}

function readAny(text: string, hint: ReadIncidentHint): Incident {
  if (typeof text !== 'string' || text.trim().length === 0) {
    throw new CauseLensError('bad-input', 'The incident text is empty. Paste a stack trace or open a Sentry event, OTLP or Jaeger trace file.');
  }
  if (text.length > MAX_INPUT_CHARS) {
    throw new CauseLensError(
      'bad-input',
      `The input is ${Math.round(text.length / 1048576)} MB; CauseLens reads incidents up to ${MAX_INPUT_CHARS / 1048576} MB. Export a single event or trace, or paste just the stack trace.`,
    );
  }
  const jsonFile = /\.(json|jsonl|ndjson)$/i.test(hint.fileName ?? '');
  const head = text.trimStart()[0];
  if (jsonFile || head === '{' || head === '[') {
    const json = parseJson(text);
    if (json.ok) return readJsonIncident(json.value);
    if (jsonFile) throw malformedJson(json.error, hint.fileName);
    try {
      return readStackText(text);
    } catch {
      throw malformedJson(json.error, hint.fileName);
    }
  }
  return readStackText(text);
}

type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

/** JSON, or JSON Lines (the OpenTelemetry collector's file exporter writes one request per line). */
function parseJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    if (lines.length > 1 && lines.every((l) => l.trimStart().startsWith('{'))) {
      try {
        return { ok: true, value: lines.map((l) => JSON.parse(l) as unknown) };
      } catch {
        // fall through to report the whole-text error
      }
    }
    return { ok: false, error };
  }
}

function malformedJson(error: string, fileName: string | undefined): CauseLensError {
  const what = fileName ? `The file ${fileName}` : 'The text';
  return new CauseLensError(
    'bad-input',
    `${what} is not valid JSON (${error}); it may be truncated. Save the complete Sentry event, OTLP or Jaeger trace and open it again, or paste a stack trace instead.`,
  );
}

function readJsonIncident(json: unknown): Incident {
  if (Array.isArray(json) && json.length > 0 && json.every(isOtlpTrace)) return parseOtlpTrace(json);
  if (isOtlpTrace(json)) return parseOtlpTrace(json);
  if (isJaegerTrace(json)) return parseJaegerTrace(json);
  if (isSentryEvent(json)) return parseSentryEvent(json);
  throw new CauseLensError(
    'bad-input',
    'This JSON is not a format CauseLens reads. Open a Sentry event (with "exception" or "entries"), an OTLP/JSON trace (with "resourceSpans") or a Jaeger trace (with "data[].spans").',
  );
}

function isSentryEvent(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const keys = ['exception', 'entries', 'event_id', 'eventID', 'threads'];
  return keys.some((k) => k in json);
}

function readStackText(text: string): Incident {
  const parsed = parseStackTrace(text);
  const [first] = parsed.exceptions;
  const firstLine = first.message.split('\n')[0];
  return {
    id: createHash('sha256').update(text).digest('hex').slice(0, 16),
    source: 'stacktrace',
    title: firstLine ? `${first.type}: ${firstLine}` : first.type,
    platform: FORMAT_PLATFORM[parsed.format],
    exceptions: parsed.exceptions,
    ...(parsed.otherFailures ? { otherFailures: parsed.otherFailures } : {}),
    warnings: parsed.warnings,
  };
}
