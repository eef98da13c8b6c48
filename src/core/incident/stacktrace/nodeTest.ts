// What node:test prints, made readable to the V8 parser. Its TAP (the default when the output is
// not a terminal, up to Node 22: CI, a pipe) holds each failing test as a `not ok` line with a
// YAML block of the error, its name and its stack lines without V8's `at `: those failures are
// turned back into V8 text, in order. Its spec reporter prints every failure twice, the second
// time under `✖ failing tests:`: that repeat is left out.

import { parse as parseYaml } from 'yaml';

const NOT_OK = /^\s*not ok \d+\b/;
const YAML_OPEN = /^(\s*)---\s*$/;
const TAP_VERSION = /^TAP version \d+\s*$/;
const SPEC_SUMMARY = /^\s*✖ failing tests:\s*$/;
const SPEC_FAILURE = /^\s*✖ /;

interface TapFailure {
  name?: unknown;
  code?: unknown;
  error?: unknown;
  stack?: unknown;
}

/** The YAML block after line `at` (a `not ok` line) when it opens one: its text, dedented, and where it ends. */
function yamlBlock(lines: readonly string[], at: number): { text: string; end: number } | undefined {
  const open = YAML_OPEN.exec(lines[at + 1] ?? '');
  if (!open) return undefined;
  const indent = open[1];
  const body: string[] = [];
  for (let i = at + 2; i < lines.length; i++) {
    if (lines[i].trimEnd() === `${indent}...`) return { text: body.join('\n'), end: i };
    body.push(lines[i].startsWith(indent) ? lines[i].slice(indent.length) : lines[i].trimStart());
  }
  return undefined; // a block cut off: its fields cannot be trusted
}

function readFailure(text: string): TapFailure | undefined {
  try {
    const value: unknown = parseYaml(text);
    return value && typeof value === 'object' ? (value as TapFailure) : undefined;
  } catch {
    return undefined;
  }
}

/** `name: message` and `    at frame` lines, as Node prints an uncaught error. */
function asV8(failure: TapFailure): string[] | undefined {
  if (typeof failure.stack !== 'string' || failure.stack.trim() === '') return undefined;
  const name = typeof failure.name === 'string' && failure.name ? failure.name : 'Error';
  const code = typeof failure.code === 'string' && failure.code !== 'ERR_TEST_FAILURE' ? ` [${failure.code}]` : '';
  const message = typeof failure.error === 'string' ? failure.error : '';
  const [first = '', ...rest] = message.split('\n');
  const frames = failure.stack.split('\n').filter((l) => l.trim() !== '').map((l) => `    at ${l.trim()}`);
  return [`${name}${code}: ${first}`, ...rest, ...frames, ''];
}

/**
 * V8 text for the failures of node:test's TAP output, or undefined when the text is not such
 * output or none of its failures has a stack (a suite whose tests failed, a thrown string).
 */
export function fromNodeTestTap(lines: readonly string[]): string[] | undefined {
  if (!lines.some((l) => TAP_VERSION.test(l)) && !lines.some((l, i) => NOT_OK.test(l) && YAML_OPEN.test(lines[i + 1] ?? ''))) return undefined;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!NOT_OK.test(lines[i])) continue;
    const block = yamlBlock(lines, i);
    if (!block) continue;
    const failure = readFailure(block.text);
    const v8 = failure && asV8(failure);
    if (v8) out.push(...v8);
    i = block.end;
  }
  return out.length > 0 ? out : undefined;
}

/** The spec reporter's lines without the repeat of the failures after its summary. */
export function withoutSpecSummary(lines: string[]): string[] {
  const summary = lines.findIndex((l) => SPEC_SUMMARY.test(l));
  return summary > 0 && lines.slice(0, summary).some((l) => SPEC_FAILURE.test(l)) ? lines.slice(0, summary) : lines;
}
