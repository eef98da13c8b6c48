// Sentry stack frames (SDK snake_case or API camelCase) -> our StackFrame, and the stack
// reordering: Sentry lists frames oldest call first, our model lists the crash site first.

import type { SourceContext, StackFrame } from '../model';
import { asArray, asBoolean, asNumber, asRecord, asString, type JsonRecord } from './read';

/** Either spelling of a field: SDK payloads use snake_case, the REST API camelCase. */
function field(frame: JsonRecord, snake: string, camel: string): unknown {
  return frame[snake] !== undefined && frame[snake] !== null ? frame[snake] : frame[camel];
}

/** Library and runtime code when the SDK did not say: Node internals, vendored packages. */
function looksLikeLibrary(file: string): boolean {
  return (
    file.startsWith('node:') ||
    file.startsWith('internal/') ||
    /[\\/](node_modules|site-packages|dist-packages|vendor|\.cargo|go\/pkg\/mod)[\\/]/.test(file) ||
    file === '<anonymous>' ||
    file === 'native'
  );
}

function sdkContext(frame: JsonRecord): SourceContext | undefined {
  const line = asString(frame.context_line);
  if (line === undefined) return undefined;
  const strings = (v: unknown) => (asArray(v) ?? []).filter((s): s is string => typeof s === 'string');
  return { pre: strings(frame.pre_context), line, post: strings(frame.post_context) };
}

/** The API form gives `context: [[lineNo, text], …]` around `lineNo`. */
function apiContext(frame: JsonRecord, lineNo: number | undefined): SourceContext | undefined {
  const pairs = asArray(frame.context);
  if (!pairs || lineNo === undefined) return undefined;
  const pre: string[] = [];
  const post: string[] = [];
  let line: string | undefined;
  for (const pair of pairs) {
    const [n, text] = asArray(pair) ?? [];
    const at = asNumber(n);
    if (at === undefined || typeof text !== 'string') continue;
    if (at < lineNo) pre.push(text);
    else if (at > lineNo) post.push(text);
    else line = text;
  }
  return line === undefined ? undefined : { pre, line, post };
}

/** One Sentry frame, or undefined (with the reason) when it carries no location at all. */
export function convertSentryFrame(raw: unknown): { frame?: StackFrame; problem?: string } {
  const frame = asRecord(raw);
  if (!frame) return { problem: 'a stack frame that is not an object was skipped' };
  const file = asString(field(frame, 'abs_path', 'absPath')) ?? asString(frame.filename) ?? asString(frame.module);
  if (!file) return { problem: 'a stack frame without filename, abs_path or module was skipped' };
  const line = asNumber(field(frame, 'lineno', 'lineNo'));
  const column = asNumber(field(frame, 'colno', 'colNo'));
  const inApp = asBoolean(field(frame, 'in_app', 'inApp')) ?? !looksLikeLibrary(file);
  const result: StackFrame = { file, inApp };
  const fn = asString(frame.function);
  if (fn) result.function = fn;
  const module = asString(frame.module);
  if (module) result.module = module;
  if (line !== undefined && line > 0) result.line = line;
  if (column !== undefined && column > 0) result.column = column;
  const context = sdkContext(frame) ?? apiContext(frame, line);
  if (context) result.context = context;
  return { frame: result };
}

/** Converts a Sentry `stacktrace` object; frames come back crash site first. */
export function convertSentryStacktrace(stacktrace: unknown, warnings: string[]): StackFrame[] {
  const record = asRecord(stacktrace);
  const rawFrames = asArray(record?.frames);
  if (!record || !rawFrames) return [];
  const frames: StackFrame[] = [];
  for (const raw of rawFrames) {
    const { frame, problem } = convertSentryFrame(raw);
    if (frame) frames.push(frame);
    else if (problem && !warnings.includes(problem)) warnings.push(problem);
  }
  const omitted = asArray(field(record, 'frames_omitted', 'framesOmitted'));
  if (omitted && omitted.length === 2) {
    warnings.push(`Sentry omitted frames ${String(omitted[0])}–${String(omitted[1])} of a long stack; the middle of the stack is missing.`);
  }
  return frames.reverse();
}
