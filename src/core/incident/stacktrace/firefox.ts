// Parser for SpiderMonkey (Firefox) and JavaScriptCore (Safari) stack text: `fn@url:line:col`
// frames, async markers (`async*fn@…`), eval'd code (`url line N > eval`) and `[native code]`.

import { isInApp } from '../inApp';
import type { StackFrame } from '../model';
import { type ExceptionDraft, type ParsedStack, finishDrafts, frame, newDraft, splitTypeAndMessage, toInt } from './common';

export const FIREFOX_FRAME = /^\s*([^@\s][^@]*|)@(\S.*?)\s*$/;
const LOCATION = /^(.+?):(\d+)(?::(\d+))?$/;
const EVAL_LOCATION = /^(.+?) line (\d+) > (?:eval|Function)/;
const ERROR_HEADER = /^\s*(?:Uncaught\s+(?:\(in promise\)\s+)?)?[A-Za-z_$][\w$.]*(?::\s|(?:Error|Exception)\s*$)/;

/** Parses one `fn@location` line; undefined for native code and lines without a position. */
export function parseFirefoxFrame(line: string): StackFrame | undefined {
  const m = FIREFOX_FRAME.exec(line);
  if (!m) return undefined;
  // `async*fn`, `promise callback*fn`, `setTimeout handler*fn`: the part after `*` is the function.
  const fn = m[1].replace(/^.*\*/, '').trim() || undefined;
  const location = m[2];
  const evalSite = EVAL_LOCATION.exec(location);
  if (evalSite) {
    return frame({ file: evalSite[1], function: fn, line: toInt(evalSite[2]), inApp: isInApp(evalSite[1]) });
  }
  const pos = LOCATION.exec(location);
  if (!pos) return undefined;
  return frame({ file: pos[1], function: fn, line: toInt(pos[2]), column: toInt(pos[3]), inApp: isInApp(pos[1]) });
}

/** Reads Firefox/Safari stack text; the error line, when pasted, precedes the frames. */
export function parseFirefox(lines: string[]): ParsedStack {
  const warnings: string[] = [];
  const header: string[] = [];
  let draft: ExceptionDraft | undefined;
  for (const line of lines) {
    const isFrame = FIREFOX_FRAME.test(line) && !ERROR_HEADER.test(line);
    if (!isFrame) {
      if (draft && draft.frames.count > 0) {
        if (ERROR_HEADER.test(line)) {
          warnings.push('The text holds more than one error; only the first was read.');
          break;
        }
        continue;
      }
      if (line.trim()) header.push(line);
      continue;
    }
    if (!draft) {
      const start = header.findIndex((l) => ERROR_HEADER.test(l));
      const text = start >= 0 ? header.slice(start).join('\n') : header[header.length - 1] ?? 'Error';
      const { type, message } = splitTypeAndMessage(text.replace(/^\s*Uncaught\s+(?:\(in promise\)\s+)?/, ''));
      draft = newDraft(type, message);
    }
    const parsed = parseFirefoxFrame(line);
    if (parsed) draft.frames.add(parsed);
  }
  return { format: 'firefox', exceptions: draft ? finishDrafts([draft], warnings) : [], warnings };
}
