// Parser for V8 stack text (Node.js, Chrome, Edge, Deno, Bun): `at fn (file:line:col)` frames,
// `async`/`new`/`[as x]`/eval frames, Node's uncaught-error preamble and `[cause]` chains, and the
// failures of test runners that print them (node:test, mocha, Jest's `● title` blocks).

import { isInApp } from '../inApp';
import { FrameCollector } from '../limits';
import type { StackFrame } from '../model';
import { type ExceptionDraft, type ParsedStack, finishDrafts, frame, newDraft, reportedAndOthers, splitTypeAndMessage, toInt } from './common';

const FRAME_LINE = /^\s*at\s+(.+?)\s*$/;
const CAUSE_LINE = /^\s*\[cause\]:\s*(.*)$/;
const MATCHING_CAUSE = /^\s*\.\.\. (\d+) lines? matching cause stack trace \.\.\.\s*$/;
const ERROR_HEADER = /^\s*(?:Uncaught\s+(?:\(in promise\)\s+)?)?(?:[A-Za-z_$][\w$.]*(?: \[[A-Za-z][\w]*\])?:\s|[A-Za-z_$][\w$.]*(?:Error|Exception)\s*$)/;
const NODE_FOOTER = /^Node\.js v\d+/;
// `  code: 'ERR_X',` and `}` after the frames; not `    Error: x` (an error's header starts upper-case).
const PROPERTY_LINE = /^\s*(?:[a-z_$'"][\w$'"]*:\s.*|\[[a-z]\w*\]:\s.*|\}|\])\s*,?\s*$/;
const BRACKETED_ERROR = /^\s*\[([A-Za-z_$][\w$.]*)(?::\s([^\]]*))?\]\s*\{?\s*$/;
const ERRORS_LIST = /^\s*\[errors\]:\s*\[\s*$/;
const LOCATION = /^(.+?):(\d+)(?::(\d+))?$/;
const EVAL_ORIGIN = /\(([^()]+?):(\d+):(\d+)\)/;
/** Jest opens each failing test with `● Suite › test`. */
const JEST_TITLE = /^\s*● (.+)$/;
/** Jest's code frame around the failing line: `  > 10 |   expect(x)`, `     |   ^`. */
const CODE_FRAME = /^\s*(?:>\s*)?\d+ \|(?: |$)|^\s*\|\s*[\^~]*\s*$/;
/** A Jest matcher's failure (`expect(received).toBe(expected)`): an assertion, whatever lines follow. */
const JEST_MATCHER = /^\s*expect\(/;

/** Parses the part after `at ` of one V8 frame line; undefined when it has no file and line. */
export function parseV8Frame(body: string): StackFrame | undefined {
  let rest = body.replace(/\s*[{,]$/, ''); // ` {` before an error's properties, `,` between listed errors
  if (rest.startsWith('async ')) rest = rest.slice('async '.length);
  let fn: string | undefined;
  let location = rest;
  const withFunction = /^(.*?) \((.*)\)$/.exec(rest);
  if (withFunction) {
    fn = withFunction[1].replace(/ \[as [^\]]+\]$/, '');
    location = withFunction[2];
  }
  let m: RegExpExecArray | null;
  if (location.startsWith('eval at ')) {
    // Code run by eval: report where eval was called, which is what exists in the workspace.
    m = EVAL_ORIGIN.exec(location);
  } else {
    m = LOCATION.exec(location);
  }
  if (!m) return undefined;
  const file = m[1];
  return frame({ file, function: fn, line: toInt(m[2]), column: toInt(m[3]), inApp: isInApp(file) });
}

interface CauseGap {
  draft: ExceptionDraft;
  /** Frames of the draft before the gap. */
  before: number;
  skipped: number;
  anchor: string;
}

/** The reading state of one V8 text: errors so far, the one being read, and the lines not yet placed. */
class V8Reader {
  readonly drafts: ExceptionDraft[] = [];
  readonly gaps: CauseGap[] = [];
  /** Drafts that begin a separate failure (a test run prints one per failing test). */
  readonly separateStarts = new Set<ExceptionDraft>();
  private current: ExceptionDraft | undefined;
  private pending: string[] = [];
  private pendingCause = false;
  /** Index of the AggregateError whose `[errors]: [` list is being read. */
  private group: number | undefined;
  /** A test runner announced the next failing test: its first frame starts a failure of its own. */
  private nextTestFailure = false;

  /** Handles one line; false when reading should stop. */
  read(line: string): boolean {
    const frameMatch = FRAME_LINE.exec(line);
    if (frameMatch) return this.onFrame(frameMatch[1]);
    if (JEST_TITLE.test(line)) {
      this.pending = [];
      this.nextTestFailure = true;
      return true;
    }
    if (CODE_FRAME.test(line)) return true;
    const cause = CAUSE_LINE.exec(line);
    if (cause && this.current) {
      this.pending = [cause[1]];
      this.pendingCause = true;
      return true;
    }
    const gap = MATCHING_CAUSE.exec(line);
    if (gap && this.current) {
      const last = this.current.frames.latest;
      this.gaps.push({ draft: this.current, before: this.current.frames.count, skipped: Number(gap[1]), anchor: last ? frameKey(last) : '' });
      return true;
    }
    const bracketed = BRACKETED_ERROR.exec(line);
    if (bracketed && (!this.current || this.group !== undefined) && !this.pendingCause) {
      // `[AggregateError: All promises were rejected] {`: an error printed without frames
      this.current = this.start(`${bracketed[1]}${bracketed[2] ? `: ${bracketed[2]}` : ''}`);
      return true;
    }
    if (ERRORS_LIST.test(line) && this.current) {
      this.group = this.drafts.indexOf(this.current);
      this.pending = [];
      return true;
    }
    if (this.group !== undefined && /^\s*\]\s*,?\s*$/.test(line)) {
      this.group = undefined;
      return true;
    }
    if (NODE_FOOTER.test(line)) return true;
    if (line.trim() === '') {
      // Blank lines end stray text, not a message being read (assert prints `a\n\n1 !== 2\n`).
      if (!this.pendingCause && !this.pending.some((p) => ERROR_HEADER.test(p) || JEST_MATCHER.test(p))) this.pending = [];
      return true;
    }
    if (this.current && this.current.frames.count > 0 && !this.pendingCause && PROPERTY_LINE.test(line)) return true;
    this.pending.push(line);
    return true;
  }

  private onFrame(body: string): boolean {
    const parsed = parseV8Frame(body);
    const hasHeader = this.pending.some((p) => ERROR_HEADER.test(p));
    if (this.pendingCause || !this.current) {
      this.current = this.start(pickHeader(this.pending));
    } else if (this.group !== undefined && hasHeader) {
      this.current = this.start(pickHeader(this.pending)); // the next member of an AggregateError
    } else if (this.current.frames.count > 0 && (hasHeader || this.nextTestFailure)) {
      // A second, unrelated error follows the first one's stack: a failure of its own.
      this.current = this.start(pickHeader(this.pending));
      this.separateStarts.add(this.current);
    }
    this.nextTestFailure = false;
    this.pending = [];
    if (parsed) this.current.frames.add(parsed);
    return true;
  }

  private start(header: string): ExceptionDraft {
    const { type, message } = splitTypeAndMessage(header.replace(/^\s*Uncaught\s+(?:\(in promise\)\s+)?/, ''));
    const draft = newDraft(type, message, this.pendingCause || this.group !== undefined ? 'cause' : undefined);
    if (this.group !== undefined && !this.pendingCause) draft.groupedIn = this.group;
    this.drafts.push(draft);
    this.pending = [];
    this.pendingCause = false;
    return draft;
  }

  /** A cause that is not an Error (`[cause]: 'db down'`) has no frames: keep it all the same. */
  finish(): void {
    if (this.pendingCause) this.start(pickHeader(this.pending));
  }
}

/**
 * Reads V8 stack text; the first error is the reported one, each `[cause]` the next. Errors
 * printed after it on their own (each failing test of a run) are kept as other failures.
 */
export function parseV8(lines: string[]): ParsedStack {
  const warnings: string[] = [];
  const reader = new V8Reader();
  for (let i = 0; i < lines.length; i++) {
    if (reader.drafts.length === 0 && isNodePreamble(lines, i)) {
      i += 2; // `file:line`, the source line and the `^` marker Node prints above an uncaught error
      continue;
    }
    if (!reader.read(lines[i])) break;
  }
  reader.finish();
  const chains: ExceptionDraft[][] = [];
  for (const draft of reader.drafts) {
    if (chains.length === 0 || reader.separateStarts.has(draft)) chains.push([]);
    chains[chains.length - 1].push(draft);
  }
  chains.forEach((chain) => fillCauseGaps(chain, reader.gaps));
  return { format: 'v8', ...reportedAndOthers(chains.map((chain) => finishDrafts(chain, warnings)), warnings, 'errors'), warnings };
}

function isNodePreamble(lines: string[], i: number): boolean {
  return /^\S.*:\d+$/.test(lines[i]) && i + 2 < lines.length && /^\s*\^+\s*$/.test(lines[i + 2]);
}

/** The error line among the text before the first frame: the first that looks like `Type: message`. */
function pickHeader(pending: string[]): string {
  const start = pending.findIndex((l) => ERROR_HEADER.test(l));
  const matcher = pending.findIndex((l) => JEST_MATCHER.test(l));
  // `expect(received).toBe(expected)` then `Expected: true` / `Received: false`: not an error named Expected.
  if (matcher >= 0 && (start < 0 || matcher < start)) return `AssertionError: ${pending.slice(matcher).map((l) => l.trim()).filter(Boolean).join('\n')}`;
  if (start >= 0) {
    // A test runner indents the whole error (node:test's spec reporter, mocha): its own margin goes.
    const margin = /^\s*/.exec(pending[start])![0];
    return pending.slice(start).map((l) => (l.startsWith(margin) ? l.slice(margin.length) : l.trimStart())).join('\n');
  }
  return pending.length > 0 ? pending[pending.length - 1] : 'Error';
}

/**
 * Node replaces the outer frames it shares with the cause by "... N lines matching cause stack
 * trace ...": they are the N frames after the gap's anchor frame in the cause's stack.
 */
function frameKey(f: StackFrame): string {
  return `${f.function ?? ''}\0${f.file}\0${f.line ?? ''}\0${f.column ?? ''}`;
}

function fillCauseGaps(drafts: ExceptionDraft[], gaps: CauseGap[]): void {
  // Last gap first, so the positions of earlier gaps in the same stack stay valid.
  for (const gap of [...gaps].reverse()) {
    const cause = drafts[drafts.indexOf(gap.draft) + 1];
    if (!cause || gap.draft.frames.dropped > 0 || cause.frames.dropped > 0) continue;
    const causeFrames = cause.frames.frames();
    const at = causeFrames.findIndex((f) => frameKey(f) === gap.anchor);
    if (at < 0) continue;
    const own = gap.draft.frames.frames();
    own.splice(gap.before, 0, ...causeFrames.slice(at + 1, at + 1 + gap.skipped));
    const rebuilt = new FrameCollector();
    for (const f of own) rebuilt.add(f);
    gap.draft.frames = rebuilt;
  }
}
