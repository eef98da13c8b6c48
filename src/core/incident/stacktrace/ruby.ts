// Parser for Ruby backtraces: `file:line:in 'method': message (Class)` then `from file:line:in …`
// lines (crash site first), causes printed after (Ruby 3.1+), and the older reversed tty form.

import { isInApp } from '../inApp';
import type { StackFrame } from '../model';
import { type ExceptionDraft, type ParsedStack, finishDrafts, frame, newDraft } from './common';

export const RUBY_FRAME = /^\s*(?:(\d+): )?(?:from )?(.+?):(\d+)(?::in [`'](.*?)')?(?::\s(.*))?$/;
const NUMBERED = /^\s*\d+: from /;
const TRACEBACK = /^\s*Traceback \(most recent call last\):\s*$/;

function rubyFrame(file: string, line: string, method: string | undefined): StackFrame {
  // Ruby 3.4 names methods `Class#method`; older versions print `block in method`.
  return frame({ file, function: method, line: Number(line), inApp: isInApp(file) });
}

/** `undefined method 'x' for nil (NoMethodError)` → type and message. */
function splitRubyMessage(text: string): { type: string; message: string } {
  const m = /^(.*?)\s*\(([A-Z][\w:]*)\)\s*$/.exec(text);
  if (m) return { type: m[2], message: m[1] };
  return { type: 'RuntimeError', message: text };
}

/** Reads a Ruby backtrace; the first exception is reported, each later header line is its cause. */
export function parseRuby(lines: string[]): ParsedStack {
  const warnings: string[] = [];
  const drafts: ExceptionDraft[] = [];
  let reversedFrames: StackFrame[] = [];
  for (const line of lines) {
    if (TRACEBACK.test(line)) continue;
    const m = RUBY_FRAME.exec(line);
    if (!m || !/:in |^\s*(\d+: )?from /.test(line)) {
      if (drafts.length > 0 && line.trim() && drafts[drafts.length - 1].frames.count === 1 && !/^\s/.test(line)) {
        // message continuation lines follow the header in multi-line messages
        drafts[drafts.length - 1].message += `\n${line}`;
      }
      continue;
    }
    const [, number, file, lineNo, method, rest] = m;
    const f = rubyFrame(file, lineNo, method);
    if (number !== undefined || NUMBERED.test(line)) {
      reversedFrames.push(f); // `N: from …`: printed outermost first, before the header
      continue;
    }
    if (rest !== undefined && !/^\s*from /.test(line)) {
      const { type, message } = splitRubyMessage(rest);
      const draft = newDraft(type, message, drafts.length > 0 ? 'cause' : undefined);
      draft.frames.add(f);
      // The reversed form printed the callers above the header, nearest caller last.
      for (const r of reversedFrames.reverse()) draft.frames.add(r);
      reversedFrames = [];
      drafts.push(draft);
      continue;
    }
    if (drafts.length === 0) drafts.push(newDraft('RuntimeError', ''));
    drafts[drafts.length - 1].frames.add(f);
  }
  return { format: 'ruby', exceptions: finishDrafts(drafts, warnings), warnings };
}
