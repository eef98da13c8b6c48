// Parser for JVM stack traces (Java, Kotlin, Scala, Groovy): `at pkg.Class.method(File.java:N)`,
// `Caused by:` chains, `... N more` (frames shared with the enclosing trace) and `Suppressed:`.

import { isInApp } from '../inApp';
import type { ExceptionInfo, StackFrame } from '../model';
import { type ExceptionDraft, type ParsedStack, finishDraft, finishDrafts, frame, newDraft, reportedAndOthers, splitTypeAndMessage, toInt } from './common';

export const JAVA_FRAME = /^(\s*)at\s+(?:[\w.$-]+(?:@[\w.-]+)?\/+)*([\w$.<>\-/]+?)\.([\w$<>\-]+)\((.*?)\)(?:\s.*)?$/;
const CAUSED_BY = /^(\s*)Caused by:\s*(.*)$/;
const SUPPRESSED = /^(\s*)Suppressed:\s*(.*)$/;
const MORE = /^\s*\.\.\. (\d+) (?:more|common frames omitted)\s*$/;
const THREAD_PREFIX = /^\s*Exception in thread "[^"]*"\s+/;
const EXCEPTION_HEADER =
  /^\s*(?:Exception in thread "[^"]*"\s+)?(?:(?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*(?:Exception|Error|Throwable)\b|[a-z][\w$]*(?:\.[\w$]+)+:\s)/;

/** Parses one `at …(…)` line into a frame with the class as module and the method as function. */
export function parseJavaFrame(line: string): StackFrame | undefined {
  const m = JAVA_FRAME.exec(line);
  if (!m) return undefined;
  const className = m[2].slice(m[2].lastIndexOf('/') + 1);
  const method = m[3];
  const where = /^(.+?)(?::(\d+))?$/.exec(m[4].trim());
  const knownFile = where && !/^(Native Method|Unknown Source|<generated>)$/.test(where[1]);
  const file = knownFile && where ? where[1] : '';
  return frame({
    file,
    module: className,
    function: method,
    line: where ? toInt(where[2]) : undefined,
    inApp: isInApp(file, { module: className }),
  });
}

interface Node {
  draft: ExceptionDraft;
  /** Indentation of the exception's header; its frames are one level deeper. */
  depth: number;
  /** The trace `... N more` refers to: the exception this one is the cause of, or suppressed in. */
  enclosing?: Node;
  chain: Node[];
  suppressed: Node[];
  /** Java prints one `... N more` per enclosed trace; later ones are ignored. */
  restored?: boolean;
}

/** Reading state of one JVM trace: the first exception's chain and where the next line belongs. */
class JavaReader {
  readonly roots: Node[] = [];
  readonly warnings: string[] = [];
  private current: Node | undefined;
  private header: string[] = [];

  /** Handles one line. */
  read(line: string): boolean {
    const causedBy = CAUSED_BY.exec(line);
    const suppressed = causedBy ? null : SUPPRESSED.exec(line);
    if (causedBy && this.current) return this.onCausedBy(causedBy, this.current);
    if (suppressed && this.current) return this.onSuppressed(suppressed, this.current);
    const parsed = JAVA_FRAME.test(line) ? parseJavaFrame(line) : undefined;
    if (parsed) {
      if (!this.current) {
        this.current = startRoot(this.header, this.roots);
        this.header = [];
      }
      this.current.draft.frames.add(parsed);
      return true;
    }
    const more = MORE.exec(line);
    if (more && this.current) return this.onMore(Number(more[1]), this.current);
    if (this.current && this.current.draft.frames.count > 0) {
      // Another trace of its own (a test run prints one per failing test): a separate failure.
      if (EXCEPTION_HEADER.test(line) && !/^\s/.test(line)) {
        this.current = undefined;
        this.header = [line];
      }
      return true;
    }
    if (line.trim()) this.header.push(line);
    return true;
  }

  /** The innermost exception being read whose header is at `depth` or shallower. */
  private nodeAtDepth(depth: number): Node | undefined {
    for (let n = this.current; n; n = n.enclosing) {
      if (n.depth <= depth) return n;
    }
    return undefined;
  }

  private onCausedBy(m: RegExpExecArray, current: Node): boolean {
    const { type, message } = splitTypeAndMessage(m[2]);
    const owner = this.nodeAtDepth(indentDepth(m[1])) ?? current;
    const node: Node = { draft: newDraft(type, message, 'cause'), depth: owner.depth, enclosing: owner, chain: owner.chain, suppressed: [] };
    owner.chain.push(node);
    this.current = node;
    return true;
  }

  private onSuppressed(m: RegExpExecArray, current: Node): boolean {
    const depth = indentDepth(m[1]);
    const { type, message } = splitTypeAndMessage(m[2]);
    const owner = this.nodeAtDepth(Math.max(0, depth - 1)) ?? current;
    const node: Node = { draft: newDraft(type, message), depth: Math.max(depth, owner.depth + 1), enclosing: owner, chain: [], suppressed: [] };
    node.chain.push(node);
    owner.suppressed.push(node);
    this.current = node;
    return true;
  }

  /** `... N more`: the last N frames are those of the enclosing trace. */
  private onMore(count: number, current: Node): boolean {
    if (current.restored) return true;
    current.restored = true;
    const shared = current.enclosing ? current.enclosing.draft.frames.last(count) : [];
    if (shared.length < count) this.warnings.push(`${current.draft.type}: ${count - shared.length} shared frames could not be restored.`);
    for (const f of shared) current.draft.frames.add(f);
    return true;
  }
}

/**
 * Reads a JVM stack trace; the first exception is the reported one, each `Caused by` the next.
 * Traces printed after it on their own (each failing test of a run) are kept as other failures.
 */
export function parseJava(lines: string[]): ParsedStack {
  const reader = new JavaReader();
  for (const line of lines) reader.read(line);
  const { warnings } = reader;
  const chains = reader.roots.map((root) => {
    const exceptions = finishDrafts(root.chain.map((n) => n.draft), warnings);
    attachSuppressed(root.chain, exceptions, warnings);
    return exceptions;
  });
  return { format: 'java', ...reportedAndOthers(chains, warnings, 'stack traces'), warnings };
}

function startRoot(header: string[], roots: Node[]): Node {
  const start = header.findIndex((l) => EXCEPTION_HEADER.test(l));
  const text = (start >= 0 ? header.slice(start).join('\n') : header[header.length - 1] ?? 'java.lang.Throwable').replace(THREAD_PREFIX, '');
  const { type, message } = splitTypeAndMessage(text);
  const node: Node = { draft: newDraft(type, message), depth: 0, chain: [], suppressed: [] };
  node.chain.push(node);
  roots.push(node);
  return node;
}

function indentDepth(indent: string): number {
  return (indent.match(/\t/g)?.length ?? 0) + Math.floor(indent.replace(/\t/g, '').length / 4);
}

function attachSuppressed(chain: Node[], exceptions: ExceptionInfo[], warnings: string[]): void {
  chain.forEach((node, i) => {
    if (node.suppressed.length === 0 || !exceptions[i]) return;
    exceptions[i].suppressed = node.suppressed.map((s) => finishDraft(s.draft, warnings));
  });
}
