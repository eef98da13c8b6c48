// Parser for PHP uncaught-exception text: `Uncaught X: msg in file:line`, `Stack trace:` with
// `#N file(line): function()` lines, and `Next X:` blocks for exceptions wrapping earlier ones.

import { isInApp } from '../inApp';
import { type ExceptionDraft, type ParsedStack, finishDrafts, frame, newDraft } from './common';

const HEADER = /^\s*(?:PHP )?(?:(?:Fatal error|Warning):\s+)?(?:Uncaught\s+|Next\s+)?([A-Za-z_\\][\w\\]*)(?::\s?(.*))?\s+in\s+(.+?)(?::(\d+)|\s+on\s+line\s+(\d+))\s*$/;
export const PHP_FRAME = /^\s*#(\d+)\s+(?:(.+?)\((\d+)\)|\[internal function\]|\{main\})(?::\s*(.*?))?\s*$/;
const THROWN_IN = /^\s*thrown in .+ on line \d+\s*$/;

interface PhpBlock {
  type: string;
  message: string;
  file: string;
  line: number;
  calls: { file?: string; line?: number; call?: string }[];
}

/** PHP prints where each function was called from; shift so each frame is where its code ran. */
function blockToDraft(block: PhpBlock, chainedAs: 'cause' | undefined): ExceptionDraft {
  const draft = newDraft(block.type, block.message, chainedAs);
  let file = block.file;
  let line: number | undefined = block.line;
  for (const call of block.calls) {
    const fn = call.call?.replace(/\(.*\)\s*$/, '') || undefined;
    if (file) draft.frames.add(frame({ file, function: fn, line, inApp: isInApp(file) }));
    file = call.file ?? '';
    line = call.line;
  }
  if (file) draft.frames.add(frame({ file, function: '{main}', line, inApp: isInApp(file) }));
  return draft;
}

/** Reads PHP exception text; the last block (`Next …`) is the reported one, earlier ones its causes. */
export function parsePhp(lines: string[]): ParsedStack {
  const warnings: string[] = [];
  const blocks: PhpBlock[] = [];
  for (const line of lines) {
    const header = HEADER.exec(line);
    if (header && !THROWN_IN.test(line)) {
      blocks.push({
        type: header[1].replace(/^\\/, ''),
        message: header[2] ?? '',
        file: header[3],
        line: Number(header[4] ?? header[5]),
        calls: [],
      });
      continue;
    }
    const call = PHP_FRAME.exec(line);
    if (call && blocks.length > 0) {
      const last = blocks[blocks.length - 1];
      if (/\{main\}/.test(line)) continue;
      last.calls.push({ file: call[2], line: call[3] ? Number(call[3]) : undefined, call: call[4] });
    }
  }
  // Printed oldest first: each `Next` block wraps the block before it.
  const drafts = blocks.reverse().map((b, i) => blockToDraft(b, i > 0 ? 'cause' : undefined));
  return { format: 'php', exceptions: finishDrafts(drafts, warnings), warnings };
}
