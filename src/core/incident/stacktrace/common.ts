// Shared shapes and helpers of the raw stack-trace parsers (one module per runtime).

import type { ExceptionInfo, Platform, StackFrame } from '../model';
import { FrameCollector, MAX_EXCEPTIONS, droppedFramesWarning } from '../limits';

export type StackFormat = 'v8' | 'firefox' | 'python' | 'java' | 'go' | 'dotnet' | 'ruby' | 'php';

export const FORMAT_PLATFORM: Record<StackFormat, Platform> = {
  v8: 'javascript',
  firefox: 'javascript',
  python: 'python',
  java: 'java',
  go: 'go',
  dotnet: 'csharp',
  ruby: 'ruby',
  php: 'php',
};

/** What a stack parser found: the reported exception first, then its causes. */
export interface ParsedStack {
  format: StackFormat;
  exceptions: ExceptionInfo[];
  /** Separate failures printed before the reported one (each a chain, reported exception first). */
  otherFailures?: ExceptionInfo[][];
  warnings: string[];
}

export type StackParser = (lines: string[]) => ParsedStack;

/** Other failures kept after the reported one. */
const MAX_OTHER_FAILURES = 5;

function chainKey(chain: readonly ExceptionInfo[]): string {
  return JSON.stringify(chain.map((e) => [e.type, e.message, e.frames.map((f) => [f.file, f.module, f.function, f.line, f.column])]));
}

/**
 * The reported failure and the others printed with it, given reported first and the others
 * nearest first: a test run prints one failure per failing test and often repeats them in a
 * summary, so repeats are dropped, a few are kept, and a warning says what was read.
 */
export function reportedAndOthers(chains: ExceptionInfo[][], warnings: string[], what: string): Pick<ParsedStack, 'exceptions' | 'otherFailures'> {
  const distinct = chains.filter((chain, i) => chains.findIndex((other) => chainKey(other) === chainKey(chain)) === i);
  const [exceptions = [], ...others] = distinct;
  if (others.length > 0) warnings.push(`The text holds ${others.length + 1} separate ${what}: the reported failure is read first, the others add evidence.`);
  const otherFailures = others.slice(0, MAX_OTHER_FAILURES);
  return { exceptions, ...(otherFailures.length > 0 ? { otherFailures } : {}) };
}

/** An exception being read: header text and frames in printed order. */
export interface ExceptionDraft {
  type: string;
  message: string;
  frames: FrameCollector;
  chainedAs?: 'cause' | 'context';
  suppressed?: ExceptionInfo[];
  groupedIn?: number;
}

export function newDraft(type: string, message: string, chainedAs?: 'cause' | 'context'): ExceptionDraft {
  return { type, message, frames: new FrameCollector(), chainedAs };
}

/**
 * Turns drafts into ExceptionInfo, reversing printed frame order where the runtime prints the
 * crash site last (Python), and warning about frames or exceptions dropped by the caps.
 */
export function finishDrafts(drafts: ExceptionDraft[], warnings: string[], crashSiteLast = false): ExceptionInfo[] {
  if (drafts.length > MAX_EXCEPTIONS) {
    warnings.push(`The cause chain has ${drafts.length} exceptions; kept the first ${MAX_EXCEPTIONS}.`);
    drafts = drafts.slice(0, MAX_EXCEPTIONS);
  }
  return drafts.map((d) => finishDraft(d, warnings, crashSiteLast));
}

export function finishDraft(d: ExceptionDraft, warnings: string[], crashSiteLast = false): ExceptionInfo {
  if (d.frames.dropped > 0) warnings.push(droppedFramesWarning(`${d.type || 'The exception'}`, d.frames.count, d.frames.dropped));
  const frames = d.frames.frames();
  if (crashSiteLast) frames.reverse();
  const info: ExceptionInfo = { type: d.type, message: d.message, frames };
  if (d.chainedAs) info.chainedAs = d.chainedAs;
  if (d.suppressed && d.suppressed.length > 0) info.suppressed = d.suppressed;
  if (d.groupedIn !== undefined) info.groupedIn = d.groupedIn;
  return info;
}

/** Splits `Type: message`; a header that does not start with a type name is all message. */
export function splitTypeAndMessage(header: string): { type: string; message: string } {
  const text = header.trim();
  // Node names coded errors `RangeError [ERR_OUT_OF_RANGE]: …`; the code stays part of the type.
  const m = /^([A-Za-z_$][\w$.\\`+<>\-\[\]]*(?: \[[A-Za-z]\w*\])?):(?:\s+|$)([\s\S]*)$/.exec(text);
  if (m) return { type: m[1], message: m[2].trim() };
  if (/^[A-Za-z_$][\w$.\\]*$/.test(text)) return { type: text, message: '' };
  return { type: 'Error', message: text };
}

export function toInt(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Drops undefined optional properties so frames compare and serialise cleanly. */
export function frame(fields: StackFrame): StackFrame {
  const out: StackFrame = { file: fields.file, inApp: fields.inApp };
  if (fields.function) out.function = fields.function;
  if (fields.module) out.module = fields.module;
  if (fields.line !== undefined) out.line = fields.line;
  if (fields.column !== undefined) out.column = fields.column;
  if (fields.context) out.context = fields.context;
  return out;
}
