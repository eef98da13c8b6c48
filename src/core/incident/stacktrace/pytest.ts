// Parser for pytest's failure reports (the default long/auto tracebacks, --tb=short and
// --tb=line): a section per failing test (`____ test_name ____`), entries of source with the
// failing line marked `>` and located by `path:line:`, the exception in `E` lines, and chained
// exceptions between the entries. Python's own traceback format goes to python.ts.

import { isInApp } from '../inApp';
import type { ExceptionInfo } from '../model';
import { type ExceptionDraft, type ParsedStack, finishDrafts, frame, newDraft, reportedAndOthers } from './common';

const SECTION = /^_{3,} (.+?) _{3,}\s*$/;
/** `_ _ _ _`: between the entries of one long traceback. */
const ENTRY_SEPARATOR = /^(?:_ ){3,}_?\s*$/;
/** `==== FAILURES ====`, `==== short test summary info ====`: the failures start or end. */
const BANNER = /^={3,}.*={3,}\s*$/;
/** `tests/test_x.py:12: in test_x` (short), `pkg/x.py:13: KeyError` (long), `/abs/x.py:5: AssertionError: …` (line). */
export const PYTEST_LOCATION = /^(\S.*?\.py):(\d+):(?: in (\S+)| ([A-Za-z_][\w.]*)(?::\s?(.*))?)?\s*$/;
const EXCEPTION_LINE = /^E(?:\s+(.*))?$/;
const FAILING_LINE = /^>\s+(.*)$/;
const DEF_LINE = /^\s*(?:async\s+)?def\s+(\w+)\s*\(/;
const CAUSE_MARKER = /^\s*The above exception was the direct cause of the following exception:\s*$/;
const CONTEXT_MARKER = /^\s*During handling of the above exception, another exception occurred:\s*$/;
const TYPED = /^([A-Za-z_][\w.]*(?:Error|Exception|Warning|Exit|Interrupt|Failed|Failure)|[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+):\s?(.*)$/;
/** `E` lines kept in a message: a long diff says little more than its first lines. */
const MAX_MESSAGE_LINES = 12;

/** Whether the text is a pytest report rather than plain tracebacks. */
export function looksLikePytest(lines: readonly string[]): boolean {
  return lines.some((l) => PYTEST_LOCATION.test(l)) && lines.some((l) => EXCEPTION_LINE.test(l) || SECTION.test(l));
}

interface Segment {
  draft: ExceptionDraft;
  linkBefore?: 'cause' | 'context';
  eLines: string[];
  locatedType?: string;
}

/** Reads the failures of one report: each section's segments, oldest (cause) first. */
class PytestReader {
  readonly failures: Segment[][] = [];
  private failure: Segment[] = [];
  private segment: Segment | undefined;
  private nextLink: 'cause' | 'context' | undefined;
  private defName: string | undefined;
  private failingLine: string | undefined;
  private awaitingSource = false;

  read(line: string): void {
    if (SECTION.test(line) || BANNER.test(line)) return this.closeFailure();
    if (CAUSE_MARKER.test(line) || CONTEXT_MARKER.test(line)) {
      this.nextLink = CAUSE_MARKER.test(line) ? 'cause' : 'context';
      this.segment = undefined;
      return;
    }
    if (ENTRY_SEPARATOR.test(line)) return this.resetEntry();
    const location = PYTEST_LOCATION.exec(line);
    if (location) return this.onLocation(location);
    const e = EXCEPTION_LINE.exec(line);
    if (e) {
      this.open().eLines.push(e[1] ?? '');
      return;
    }
    const failing = FAILING_LINE.exec(line);
    if (failing) {
      this.failingLine ??= failing[1].trim();
      return;
    }
    if (this.awaitingSource && /^\s+\S/.test(line)) {
      this.awaitingSource = false;
      const latest = this.segment?.draft.frames.latest;
      if (latest && !latest.context && !/^\s*[~^]+\s*$/.test(line)) latest.context = { pre: [], line: line.trim(), post: [] };
      return;
    }
    const def = DEF_LINE.exec(line);
    if (def && this.failingLine === undefined) this.defName = def[1];
  }

  finish(): Segment[][] {
    this.closeFailure();
    return this.failures;
  }

  private open(): Segment {
    if (!this.segment) {
      this.segment = { draft: newDraft('', ''), linkBefore: this.nextLink, eLines: [] };
      this.failure.push(this.segment);
      this.nextLink = undefined;
    }
    return this.segment;
  }

  private onLocation(m: RegExpExecArray): void {
    const [, path, lineNo, shortName, type, message] = m;
    const segment = this.open();
    const context = this.failingLine ? { context: { pre: [], line: this.failingLine, post: [] } } : {};
    const fn = shortName ?? this.defName;
    segment.draft.frames.add(frame({ file: path, line: Number(lineNo), inApp: isInApp(path), ...(fn ? { function: fn } : {}), ...context }));
    if (type) segment.locatedType = type;
    this.resetEntry();
    // --tb=short names the function and prints the source line after the location.
    this.awaitingSource = shortName !== undefined;
    // --tb=line: one located line per failure, its exception after the colon.
    if (type && message !== undefined) {
      if (segment.eLines.length === 0) segment.eLines.push(`${type}: ${message}`);
      this.closeFailure();
    }
  }

  private resetEntry(): void {
    this.defName = undefined;
    this.failingLine = undefined;
    this.awaitingSource = false;
  }

  private closeFailure(): void {
    if (this.failure.some((s) => s.draft.frames.count > 0)) this.failures.push(this.failure);
    this.failure = [];
    this.segment = undefined;
    this.nextLink = undefined;
    this.resetEntry();
  }
}

/** The exception of a segment: `E   KeyError: 'name'`, or a bare `E   assert 3 == 4` typed by its location line. */
function finishSegment(segment: Segment): void {
  const lines = segment.eLines.map((l) => l.trimEnd());
  const first = lines.findIndex((l) => l.trim() !== '');
  const typed = first >= 0 ? TYPED.exec(lines[first].trim()) : null;
  const rest = lines.slice(first + 1).map((l) => l.trim()).filter(Boolean);
  if (typed) {
    segment.draft.type = typed[1];
    segment.draft.message = [typed[2], ...rest].slice(0, MAX_MESSAGE_LINES).join('\n').trim();
  } else {
    segment.draft.type = segment.locatedType ?? 'AssertionError';
    segment.draft.message = (first >= 0 ? [lines[first].trim(), ...rest] : []).slice(0, MAX_MESSAGE_LINES).join('\n');
  }
}

/**
 * Reads a pytest report. The first failing test is the reported failure and the others add
 * evidence (pytest prints them in the order the tests ran; `-x` stops at the first).
 */
export function parsePytest(lines: string[]): ParsedStack {
  const reader = new PytestReader();
  for (const line of lines) reader.read(line);
  const warnings: string[] = [];
  const chains: ExceptionInfo[][] = reader.finish().map((failure) => {
    const segments = failure.filter((s) => s.draft.frames.count > 0 || s.eLines.length > 0);
    segments.forEach(finishSegment);
    // Printed oldest first: the last segment is the reported exception, each earlier one its cause.
    const drafts = segments.map((s, i) => {
      s.draft.chainedAs = segments[i + 1]?.linkBefore;
      return s.draft;
    });
    return finishDrafts(drafts.reverse(), warnings, true);
  });
  return { format: 'python', ...reportedAndOthers(chains, warnings, 'failing tests'), warnings };
}
