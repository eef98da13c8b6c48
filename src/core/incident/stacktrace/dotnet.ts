// Parser for .NET exception text (Exception.ToString()): `at Ns.Type.Method(args) in path:line N`,
// inner exceptions (`outer ---> inner`, `--- End of inner exception stack trace ---`) and async frames.

import { isInApp } from '../inApp';
import type { StackFrame } from '../model';
import { type ExceptionDraft, type ParsedStack, finishDrafts, frame, newDraft, splitTypeAndMessage, toInt } from './common';

// `in path:line N` (.NET), or Mono's `[0x0001b] in path:N` / `in <filename unknown>:0`.
export const DOTNET_FRAME = /^\s*at (.+?)(?: \[0x[0-9a-fA-F]+\])?(?: in (.+?):(?:line )?(\d+))?\s*$/;
const END_OF_INNER = /^\s*--- End of inner exception stack trace ---\s*$/;
const END_OF_ASYNC = /^\s*--- End of stack trace from previous location(?: where exception was thrown)? ---\s*$/;
const HEADER_PREFIX = /^\s*(?:Unhandled exception\.|Unhandled Exception:)\s*/;
const EXCEPTION_HEADER = /^\s*(?:Unhandled exception\.\s*|Unhandled Exception:\s*)?[A-Za-z_][\w.`]*(?:Exception|Error)\b/;

/** Parses one `at …` line; the method is the function, its declaring type the module. */
export function parseDotnetFrame(line: string): StackFrame | undefined {
  const m = DOTNET_FRAME.exec(line);
  if (!m || !/\(.*\)/.test(m[1])) return undefined;
  const qualified = m[1].replace(/\s*\(.*\)\s*$/, '').replace(/\[[^\]]*\]$/, ''); // parameters, generic arguments
  let module = qualified.slice(0, qualified.lastIndexOf('.'));
  let fn = qualified.slice(qualified.lastIndexOf('.') + 1);
  // Async and iterator state machines: `Ns.Type.<GetUser>d__4.MoveNext` is `Ns.Type.GetUser`.
  const stateMachine = /^(.*)\.<([^>]+)>[a-z]__\d+$/.exec(module);
  if (stateMachine) {
    module = stateMachine[1];
    fn = stateMachine[2];
  }
  const file = m[2] && !/^<.*>$/.test(m[2]) ? m[2] : '';
  return frame({ file, module, function: fn, line: toInt(m[3]), inApp: isInApp(file, { module }) });
}

/** Reads .NET exception text; the outermost exception is reported, inner exceptions are its causes. */
export function parseDotnet(lines: string[]): ParsedStack {
  const warnings: string[] = [];
  let chain: ExceptionDraft[] = [];
  let section = 0;
  const header: string[] = [];
  for (const line of lines) {
    if (END_OF_INNER.test(line)) {
      section++;
      continue;
    }
    if (END_OF_ASYNC.test(line)) continue;
    const parsed = DOTNET_FRAME.test(line) ? parseDotnetFrame(line) : undefined;
    if (parsed) {
      if (chain.length === 0) chain = draftsFromHeader(header);
      // Frames are printed innermost exception first; each "End of inner" moves one level out.
      const owner = chain[Math.max(0, chain.length - 1 - section)];
      owner.frames.add(parsed);
      continue;
    }
    if (chain.length > 0) {
      if (EXCEPTION_HEADER.test(line) && !/^\s/.test(line)) {
        warnings.push('The text holds more than one exception report; only the first was read.');
        break;
      }
      continue;
    }
    if (line.trim()) header.push(line);
  }
  return { format: 'dotnet', exceptions: finishDrafts(chain, warnings), warnings };
}

function draftsFromHeader(header: string[]): ExceptionDraft[] {
  const start = header.findIndex((l) => EXCEPTION_HEADER.test(l));
  const text = (start >= 0 ? header.slice(start).join('\n') : header[header.length - 1] ?? 'System.Exception').replace(HEADER_PREFIX, '');
  return text.split(/ ---> /).map((part, i) => {
    const { type, message } = splitTypeAndMessage(part);
    return newDraft(type, message, i > 0 ? 'cause' : undefined);
  });
}
