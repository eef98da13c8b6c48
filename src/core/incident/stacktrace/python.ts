// Parser for CPython tracebacks: `File "…", line N, in fn` frames (printed outermost first),
// source lines and `^^^^`/`~~~^~~` markers, SyntaxError blocks and chained exceptions. pytest's
// own report format (no `Traceback` line) is read by pytest.ts.

import { isInApp } from '../inApp';
import type { ExceptionInfo } from '../model';
import { type ExceptionDraft, type ParsedStack, finishDrafts, frame, newDraft, reportedAndOthers } from './common';
import { looksLikePytest, parsePytest } from './pytest';

const TRACEBACK = /^\s*(?:Exception Group )?Traceback \(most recent call last\):\s*$/;
/** `+-+------ 1 ------`, `+------ 2 ------`, `+------` and `+---- ... ----` around exception-group members. */
const GROUP_SEPARATOR = /^\s*\+[-+]*(?:\s+(?:\d+|\.\.\.)\s+-+)?\s*$/;
/** The `| ` or `+ ` column an exception group's tracebacks are drawn in. */
const GROUP_PREFIX = /^\s*[|+](?: |$)/;
const FILE_LINE = /^(\s*)File "(.+)", line (\d+)(?:, in (.+?))?\s*$/;
const CAUSE_MARKER = /^\s*The above exception was the direct cause of the following exception:\s*$/;
const CONTEXT_MARKER = /^\s*During handling of the above exception, another exception occurred:\s*$/;
const MARKER_LINE = /^\s*[~^]+\s*$/;
const REPEATED = /^\s*\[Previous line repeated \d+ more times?\]\s*$/;
const EXCEPTION_LINE = /^\s*([A-Za-z_][\w.]*)(?::\s?(.*))?$/;

interface Segment {
  draft: ExceptionDraft;
  /** How the previous segment is linked to this one (the marker printed between them). */
  linkBefore?: 'cause' | 'context';
  hasException: boolean;
}

/**
 * Reads a Python traceback; the last exception printed is the reported one. An exception group
 * is reported with its members after it (each marked `groupedIn`).
 */
export function parsePython(lines: string[]): ParsedStack {
  if (!lines.some((l) => TRACEBACK.test(l)) && looksLikePytest(lines)) return parsePytest(lines);
  if (!lines.some((l) => GROUP_SEPARATOR.test(l))) return parseChain(lines);
  const sections: string[][] = [[]];
  for (const line of lines) {
    if (GROUP_SEPARATOR.test(line)) sections.push([]);
    else sections[sections.length - 1].push(line.replace(GROUP_PREFIX, ''));
  }
  const group = parseChain(sections[0]);
  const warnings = [...group.warnings];
  const exceptions = [...group.exceptions];
  for (const section of sections.slice(1)) {
    if (!section.some((l) => l.trim())) continue;
    const member = parseChain(section);
    warnings.push(...member.warnings);
    member.exceptions.forEach((e, i) => {
      if (i === 0) {
        e.groupedIn = 0;
        e.chainedAs = 'cause';
      }
      exceptions.push(e);
    });
  }
  return { format: 'python', exceptions, warnings };
}

/** Reads one chain of tracebacks into segments: one per exception, in printed order. */
class PythonChainReader {
  readonly segments: Segment[] = [];
  private current: Segment | undefined;
  private nextLink: 'cause' | 'context' | undefined;
  private lastFileIndent = -1;
  private inMessage = false;

  read(line: string): void {
    if (CAUSE_MARKER.test(line) || CONTEXT_MARKER.test(line)) {
      this.nextLink = CAUSE_MARKER.test(line) ? 'cause' : 'context';
      this.inMessage = false;
    } else if (TRACEBACK.test(line)) {
      // A new traceback after frames without an exception line: close the truncated one.
      if (this.current && !this.current.hasException && this.current.draft.frames.count > 0) this.current.hasException = true;
      this.open();
      this.inMessage = false;
    } else {
      const file = FILE_LINE.exec(line);
      if (file) this.onFrame(file);
      else if (this.current) this.onText(this.current, line);
    }
  }

  private open(): Segment {
    if (!this.current || this.current.hasException) {
      this.current = { draft: newDraft('', ''), linkBefore: this.nextLink, hasException: false };
      this.segments.push(this.current);
      this.nextLink = undefined;
    }
    return this.current;
  }

  private onFrame(file: RegExpExecArray): void {
    const segment = this.open();
    this.inMessage = false;
    this.lastFileIndent = file[1].length;
    const path = file[2];
    segment.draft.frames.add(frame({ file: path, function: file[4], line: Number(file[3]), inApp: isInApp(path) }));
  }

  /** Source lines, caret markers, the exception line and the rest of a multi-line message. */
  private onText(current: Segment, line: string): void {
    if (this.inMessage) {
      if (line.trim() === '') this.inMessage = false;
      else current.draft.message += `\n${line}`;
      return;
    }
    if (line.trim() === '' || MARKER_LINE.test(line) || REPEATED.test(line)) return;
    const indent = /^\s*/.exec(line)?.[0].length ?? 0;
    if (!current.hasException && this.lastFileIndent >= 0 && indent > this.lastFileIndent) {
      attachSourceLine(current.draft, line.trim());
      return;
    }
    const ex = EXCEPTION_LINE.exec(line);
    if (ex && !current.hasException) {
      current.draft.type = ex[1];
      current.draft.message = ex[2]?.trim() ?? '';
      current.hasException = true;
      this.inMessage = true;
      this.lastFileIndent = -1;
    }
  }
}

function parseChain(lines: string[]): ParsedStack {
  const reader = new PythonChainReader();
  for (const line of lines) reader.read(line);
  const warnings: string[] = [];
  const found = reader.segments.filter((s) => s.hasException || s.draft.frames.count > 0);
  // Tracebacks joined by a chain marker belong together; a chain printed before the last one is
  // a separate failure (a test run reports each failing test).
  const chains: Segment[][] = [];
  found.forEach((segment, i) => (i > 0 && segment.linkBefore ? chains[chains.length - 1].push(segment) : chains.push([segment])));
  const last = chains.pop() ?? [];
  if (last.length > 0 && !last[last.length - 1].hasException) {
    warnings.push('The traceback ends before its exception line; it may be truncated.');
  }
  // Python prints the reported traceback last: the others come before it, the nearest last.
  const ordered = [last, ...chains.reverse()].map((chain) => finishChain(chain, warnings));
  return { format: 'python', ...reportedAndOthers(ordered, warnings, 'tracebacks'), warnings };
}

/** Printed oldest first: the last segment is the reported exception, each earlier one its cause. */
function finishChain(chain: readonly Segment[], warnings: string[]): ExceptionInfo[] {
  const drafts = chain.map((s, i) => {
    if (!s.draft.type) s.draft.type = 'Exception';
    s.draft.chainedAs = chain[i + 1]?.linkBefore;
    return s.draft;
  });
  return finishDrafts(drafts.reverse(), warnings, true);
}

/** The source line Python prints under a frame becomes that frame's context line. */
function attachSourceLine(draft: ExceptionDraft, source: string): void {
  const last = draft.frames.latest;
  if (last && !last.context) last.context = { pre: [], line: source, post: [] };
}
