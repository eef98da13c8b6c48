// Parser for V8 stack text (Node.js, Chrome, Edge, Deno, Bun): `at fn (file:line:col)` frames,
// `async`/`new`/`[as x]`/eval frames, Node's uncaught-error preamble and `[cause]` chains.

import { isInApp } from '../inApp';
import { FrameCollector } from '../limits';
import type { StackFrame } from '../model';
import { type ExceptionDraft, type ParsedStack, finishDrafts, frame, newDraft, splitTypeAndMessage, toInt } from './common';

const FRAME_LINE = /^\s*at\s+(.+?)\s*$/;
const CAUSE_LINE = /^\s*\[cause\]:\s*(.*)$/;
const MATCHING_CAUSE = /^\s*\.\.\. (\d+) lines? matching cause stack trace \.\.\.\s*$/;
const ERROR_HEADER = /^\s*(?:Uncaught\s+)?(?:[A-Za-z_$][\w$.]*:\s|[A-Za-z_$][\w$.]*(?:Error|Exception)\s*$)/;
const NODE_FOOTER = /^Node\.js v\d+/;
const PROPERTY_LINE = /^\s*(?:[\w$'"[\]]+:\s.*|\}|\]|\[\w+\]:\s*\[)\s*,?\s*$/;
const LOCATION = /^(.+?):(\d+)(?::(\d+))?$/;
const EVAL_ORIGIN = /\(([^()]+?):(\d+):(\d+)\)/;

/** Parses the part after `at ` of one V8 frame line; undefined when it has no file and line. */
export function parseV8Frame(body: string): StackFrame | undefined {
  let rest = body.replace(/\s*\{$/, '');
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

/** Reads V8 stack text; the first error is the reported one, each `[cause]` the next. */
export function parseV8(lines: string[]): ParsedStack {
  const warnings: string[] = [];
  const drafts: ExceptionDraft[] = [];
  const gaps: CauseGap[] = [];
  let current: ExceptionDraft | undefined;
  let pending: string[] = [];
  let pendingCause = false;
  let ignoredOthers = false;

  const startDraft = (): ExceptionDraft => {
    const header = pickHeader(pending);
    const { type, message } = splitTypeAndMessage(header.replace(/^\s*Uncaught\s+/, ''));
    const draft = newDraft(type, message, pendingCause ? 'cause' : undefined);
    drafts.push(draft);
    pending = [];
    pendingCause = false;
    return draft;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (drafts.length === 0 && pending.length === 0 && isNodePreamble(lines, i)) {
      i += 2; // `file:line`, the source line and the `^` marker Node prints above an uncaught error
      continue;
    }
    const frameMatch = FRAME_LINE.exec(line);
    if (frameMatch) {
      const parsed = parseV8Frame(frameMatch[1]);
      if (pendingCause || !current) {
        current = startDraft();
      } else if (current.frames.count > 0 && pending.some((p) => ERROR_HEADER.test(p))) {
        ignoredOthers = true; // a second, unrelated error follows the first one's stack
        break;
      }
      pending = [];
      if (parsed) current.frames.add(parsed);
      continue;
    }
    const cause = CAUSE_LINE.exec(line);
    if (cause && current) {
      pending = [cause[1]];
      pendingCause = true;
      continue;
    }
    const gap = MATCHING_CAUSE.exec(line);
    if (gap && current) {
      const last = current.frames.last(1)[0];
      gaps.push({ draft: current, before: current.frames.count, skipped: Number(gap[1]), anchor: last ? frameKey(last) : '' });
      continue;
    }
    if (NODE_FOOTER.test(line)) continue;
    if (line.trim() === '') {
      if (!pendingCause) pending = [];
      continue;
    }
    if (current && current.frames.count > 0 && !pendingCause && PROPERTY_LINE.test(line)) continue;
    pending.push(line);
  }
  if (pendingCause) startDraft(); // a cause that is not an Error (`[cause]: 'db down'`) has no frames
  if (ignoredOthers) warnings.push('The text holds more than one error; only the first and its causes were read.');
  fillCauseGaps(drafts, gaps);
  return { format: 'v8', exceptions: finishDrafts(drafts, warnings), warnings };
}

function isNodePreamble(lines: string[], i: number): boolean {
  return /^\S.*:\d+$/.test(lines[i]) && i + 2 < lines.length && /^\s*\^+\s*$/.test(lines[i + 2]);
}

/** The error line among the text before the first frame: the first that looks like `Type: message`. */
function pickHeader(pending: string[]): string {
  const start = pending.findIndex((l) => ERROR_HEADER.test(l));
  if (start >= 0) return pending.slice(start).join('\n');
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
