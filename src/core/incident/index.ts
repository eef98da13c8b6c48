// Entry point of core/incident: turn any supported input into an Incident.
// Starts with V8 stack text; the other sources (Sentry, OTLP, Jaeger, other runtimes) plug in here.

import { createHash } from 'node:crypto';
import { CauseLensError } from '../errors';
import type { ExceptionInfo, Incident, StackFrame } from './model';

const V8_FRAME = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?\s*$/;

/** Reads pasted text or file contents and returns an Incident, or throws a 'bad-input' error. */
export function readIncident(text: string): Incident {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim().length > 0);
  if (first < 0) throw new CauseLensError('bad-input', 'The incident text is empty. Paste a stack trace or open an event file.');
  const header = lines[first].trim();
  const colon = header.indexOf(':');
  const frames: StackFrame[] = [];
  for (const line of lines.slice(first + 1)) {
    const m = V8_FRAME.exec(line);
    if (!m) continue;
    const file = m[2];
    frames.push({
      file,
      function: m[1],
      line: Number(m[3]),
      column: Number(m[4]),
      inApp: !file.startsWith('node:') && !file.includes('node_modules'),
    });
  }
  if (frames.length === 0) {
    throw new CauseLensError('bad-input', 'No stack frames were found in the text. Paste the whole stack trace, including its "at …" lines.');
  }
  const exception: ExceptionInfo = {
    type: colon > 0 ? header.slice(0, colon).trim() : header,
    message: colon > 0 ? header.slice(colon + 1).trim() : '',
    frames,
  };
  return {
    id: createHash('sha256').update(text).digest('hex').slice(0, 16),
    source: 'stacktrace',
    title: header,
    platform: 'javascript',
    exceptions: [exception],
    warnings: [],
  };
}
