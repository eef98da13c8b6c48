// Turns a tree-sitter tree into plain data (symbols with their nesting, call sites, imports)
// that outlives the tree, crosses thread boundaries and answers "what encloses line N".

import type { Node, QueryCapture, Tree } from 'web-tree-sitter';
import type { LanguageId } from './languages';
import type { LoadedLanguage } from './runtime';

export type SymbolKind = 'function' | 'method' | 'class' | 'interface' | 'enum' | 'struct' | 'trait' | 'impl' | 'module' | 'namespace';

export interface SymbolInfo {
  name: string;
  kind: SymbolKind;
  /** Names from the outermost container down to this symbol, joined by '.' (`UserService.getUser`). */
  qualifiedName: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** Index in `FileSyntax.symbols` of the innermost enclosing symbol. */
  parent?: number;
}

export interface CallSite {
  /** The called name as written, without receiver (`email` in `user.email()`). */
  callee: string;
  /** Called on a receiver (`user.email()`), not by its bare name (`email()`). */
  member?: true;
  line: number;
  /** Index in `FileSyntax.symbols` of the innermost symbol the call is made from. */
  caller?: number;
}

export interface ImportRef {
  /** Module specifier as written: `./user`, `a.b.c`, `github.com/x/y`, `Foo\\Bar`, `crate::a::b`. */
  source: string;
  line: number;
}

export interface FileSyntax {
  language: LanguageId;
  /** Sorted by start position; parents come before their children. */
  symbols: SymbolInfo[];
  calls: CallSite[];
  imports: ImportRef[];
  lineCount: number;
  /** The parser had to recover from syntax errors (results may be partial). */
  hasErrors: boolean;
  /** Set when the file was not parsed (e.g. too large); everything else is empty then. */
  skipped?: string;
}

interface Span {
  start: number;
  end: number;
}

function lastLine(node: Node): number {
  const end = node.endPosition;
  // A node ending at column 0 ends on the line before (its trailing newline).
  return end.column === 0 && end.row > node.startPosition.row ? end.row : end.row + 1;
}

/** The bare type name of an impl target or receiver (`Repo<T>` -> `Repo`). */
function bareName(text: string): string {
  return text.replace(/<[\s\S]*$/, '').trim();
}

function collectSymbols(loaded: LoadedLanguage, root: Node): { symbols: SymbolInfo[]; spans: Span[] } {
  const found = new Map<number, { symbol: SymbolInfo; span: Span; receiver?: string }>();
  for (const match of loaded.definitions.matches(root)) {
    const definition = match.captures.find((c) => c.name !== 'name' && c.name !== 'receiver');
    const name = match.captures.find((c) => c.name === 'name');
    if (!definition || !name || found.has(definition.node.id)) continue;
    const receiver = match.captures.find((c) => c.name === 'receiver')?.node.text;
    const symbolName = bareName(name.node.text);
    found.set(definition.node.id, {
      symbol: { name: symbolName, kind: definition.name as SymbolKind, qualifiedName: symbolName, startLine: definition.node.startPosition.row + 1, endLine: lastLine(definition.node) },
      span: { start: definition.node.startIndex, end: definition.node.endIndex },
      receiver: receiver === undefined ? undefined : bareName(receiver),
    });
  }
  const ordered = [...found.values()].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const stack: number[] = [];
  ordered.forEach((entry, index) => {
    while (stack.length > 0 && ordered[stack[stack.length - 1]].span.end < entry.span.end) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent !== undefined) {
      entry.symbol.parent = parent;
      entry.symbol.qualifiedName = `${ordered[parent].symbol.qualifiedName}.${entry.symbol.name}`;
    } else if (entry.receiver) {
      entry.symbol.qualifiedName = `${entry.receiver}.${entry.symbol.name}`;
    }
    stack.push(index);
  });
  return { symbols: ordered.map((e) => e.symbol), spans: ordered.map((e) => e.span) };
}

/** Index of the innermost span containing `offset` (spans sorted, parents first). */
function innermostAt(spans: Span[], offset: number): number | undefined {
  let best: number | undefined;
  for (let i = 0; i < spans.length && spans[i].start <= offset; i++) {
    if (offset < spans[i].end) best = i;
  }
  return best;
}

function stripQuotes(text: string): string {
  return text.replace(/^["'`]|["'`]$/g, '');
}

/**
 * A name of Python's `from pkg import name` as the module it may be (`pkg.name`; `from . import x`
 * gives `.x`): whether it is a module or a name inside `pkg` only the files tell.
 */
function submoduleSource(name: Node): string | undefined {
  const statement = name.parent?.type === 'aliased_import' ? name.parent.parent : name.parent;
  const module = statement?.childForFieldName('module_name')?.text;
  if (!module) return undefined;
  return module.endsWith('.') ? `${module}${name.text}` : `${module}.${name.text}`;
}

/** `user.email()` rather than `email()`: the name hangs off a receiver (any grammar's field). */
function isMemberCall(callee: Node): boolean {
  const parent = callee.parent;
  if (!parent) return false;
  if (!/call|invocation|new_expression/.test(parent.type)) return true;
  return ['object', 'receiver', 'scope'].some((field) => parent.childForFieldName(field) !== null);
}

/** Plain-data summary of one parsed file. */
export function extractFileSyntax(loaded: LoadedLanguage, tree: Tree): FileSyntax {
  const root = tree.rootNode;
  const { symbols, spans } = collectSymbols(loaded, root);
  const calls: CallSite[] = loaded.calls
    .captures(root)
    .filter((c: QueryCapture) => c.name === 'callee')
    .map((c) => {
      const call: CallSite = { callee: c.node.text, line: c.node.startPosition.row + 1 };
      if (isMemberCall(c.node)) call.member = true;
      const caller = innermostAt(spans, c.node.startIndex);
      if (caller !== undefined) call.caller = caller;
      return call;
    });
  const imports: ImportRef[] = loaded.imports
    .captures(root)
    .map((c) => ({ source: c.name === 'source' ? stripQuotes(c.node.text) : submoduleSource(c.node), line: c.node.startPosition.row + 1 }))
    .filter((i): i is ImportRef => i.source !== undefined);
  return { language: loaded.id, symbols, calls, imports, lineCount: root.endPosition.row + 1, hasErrors: root.hasError };
}

/** Symbols enclosing a 1-based line, innermost first (function < class < module). */
export function enclosingSymbols(file: FileSyntax, line: number): SymbolInfo[] {
  let innermost: number | undefined;
  file.symbols.forEach((s, i) => {
    if (s.startLine <= line && line <= s.endLine) {
      const current = innermost === undefined ? undefined : file.symbols[innermost];
      if (!current || s.endLine - s.startLine <= current.endLine - current.startLine) innermost = i;
    }
  });
  const chain: SymbolInfo[] = [];
  for (let i = innermost; i !== undefined; i = file.symbols[i].parent) chain.push(file.symbols[i]);
  return chain;
}
