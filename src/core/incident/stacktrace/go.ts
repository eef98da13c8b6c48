// Parser for Go panics and goroutine dumps: `panic: …`, `goroutine N [running]:`, then pairs of
// `pkg.fn(args)` and `\t/path/file.go:line +0x…` lines; only the panicking goroutine is read.

import { isInApp } from '../inApp';
import { type ExceptionDraft, type ParsedStack, finishDrafts, frame, newDraft } from './common';

const PANIC = /^\s*(panic|fatal error): (.*?)(?: \[recovered[^\]]*\])?\s*$/;
const GOROUTINE = /^goroutine \d+ \[[^\]]*\]:?\s*$/;
export const GO_LOCATION = /^\s+(\S.*?):(\d+)(?: \+0x[0-9a-fA-F]+)?\s*$/;
const CREATED_BY = /^created by (\S+?)(?: in goroutine \d+)?\s*$/;

/** `main.(*Server).handle(0x0, {…})` → `main.(*Server).handle`: drops the argument list. */
export function stripGoArguments(call: string): string {
  const text = call.trim();
  if (!text.endsWith(')')) return text;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) return text.slice(0, i);
  }
  return text;
}

/** `github.com/acme/shop/cart.(*Cart).Add` → `github.com/acme/shop/cart`. */
export function goPackage(fn: string): string {
  const slash = fn.lastIndexOf('/');
  const dot = fn.indexOf('.', slash + 1);
  return dot > 0 ? fn.slice(0, dot) : fn;
}

/** Reads a Go panic; the last `panic:` line printed is the reported one. */
export function parseGo(lines: string[]): ParsedStack {
  const warnings: string[] = [];
  const panics: ExceptionDraft[] = [];
  let goroutines = 0;
  let pendingFunction: string | undefined;
  for (const line of lines) {
    const panic = PANIC.exec(line);
    if (panic && goroutines === 0) {
      panics.push(newDraft(panic[1] === 'panic' ? 'panic' : 'fatal error', panic[2]));
      continue;
    }
    if (GOROUTINE.test(line)) {
      goroutines++;
      if (panics.length === 0) panics.push(newDraft('panic', ''));
      continue;
    }
    if (goroutines !== 1) continue; // the first goroutine printed is the one that panicked
    const location = GO_LOCATION.exec(line);
    if (location && pendingFunction !== undefined) {
      const file = location[1];
      const fn = pendingFunction;
      panics[panics.length - 1].frames.add(
        frame({ file, function: fn, module: goPackage(fn), line: Number(location[2]), inApp: isInApp(file, { function: fn }) }),
      );
      pendingFunction = undefined;
      continue;
    }
    if (line.trim() && !/^\s/.test(line)) {
      const created = CREATED_BY.exec(line);
      pendingFunction = created ? created[1] : stripGoArguments(line);
    }
  }
  if (panics.length > 0 && goroutines === 0) warnings.push('The panic has no goroutine stack; it may be truncated.');
  // A panic raised while another was being recovered: the last is reported, the earlier ones precede it.
  const drafts = panics.reverse();
  for (let i = 1; i < drafts.length; i++) drafts[i].chainedAs = 'context';
  if (drafts.length > 1) {
    const withFrames = drafts.find((d) => d.frames.count > 0);
    if (withFrames && withFrames !== drafts[0]) {
      drafts[0].frames = withFrames.frames;
      withFrames.frames = newDraft('', '').frames;
    }
  }
  return { format: 'go', exceptions: finishDrafts(drafts, warnings), warnings };
}
