// The one- and two-call neighbourhood of a frame across files: the functions it calls, the
// functions that call it, and so on one more hop, using imports to decide which same-named
// definition a call means.

import { resolveImport } from './imports';
import { enclosingSymbols, type FileSyntax, type SymbolInfo } from './syntax';

export interface SourceFile {
  /** Repository-relative path with forward slashes. */
  path: string;
  syntax: FileSyntax;
}

export interface NeighbourSymbol {
  path: string;
  symbol: SymbolInfo;
  /** Calls away from the frame's symbol: 1 or 2. */
  distance: number;
  /** 'callee': reached by following calls out; 'caller': reached by following calls in. */
  direction: 'callee' | 'caller';
  /** Qualified name of the symbol one step nearer the frame. */
  via: string;
}

export interface CodeLocation {
  path: string;
  line: number;
}

interface SymbolRef {
  file: number;
  symbol: number;
}

/** A name used by more than this many definitions, reached without an import, is too vague to follow. */
const MAX_UNRELATED_DEFINITIONS = 3;
const CALLABLE = new Set(['function', 'method', 'class', 'struct']);
/** What runs when a class is called or instantiated, per language (Java and C# use the class name). */
const CONSTRUCTOR_NAMES = new Set(['constructor', '__init__', 'initialize', '__construct', 'new']);

class CallGraph {
  private readonly definitions = new Map<string, SymbolRef[]>();
  private readonly imported: Set<number>[];

  constructor(private readonly files: readonly SourceFile[]) {
    files.forEach((file, fileIndex) =>
      file.syntax.symbols.forEach((symbol, symbolIndex) => {
        if (!CALLABLE.has(symbol.kind)) return;
        const refs = this.definitions.get(symbol.name) ?? [];
        refs.push({ file: fileIndex, symbol: symbolIndex });
        this.definitions.set(symbol.name, refs);
      }),
    );
    const paths = files.map((f) => f.path);
    const all = new Set(paths);
    const indexOf = new Map(paths.map((p, i) => [p, i]));
    this.imported = files.map((file) => {
      const targets = file.syntax.imports.flatMap((imp) => resolveImport(file.syntax.language, file.path, imp.source, paths, all));
      return new Set(targets.map((t) => indexOf.get(t) as number));
    });
  }

  symbol(ref: SymbolRef): SymbolInfo {
    return this.files[ref.file].syntax.symbols[ref.symbol];
  }

  path(ref: SymbolRef): string {
    return this.files[ref.file].path;
  }

  /** Definitions a call to `name` from `fromFile` plausibly means: same file, else imported files, else a rare name anywhere. */
  resolve(name: string, fromFile: number): SymbolRef[] {
    const refs = this.definitions.get(name) ?? [];
    const local = refs.filter((r) => r.file === fromFile);
    if (local.length > 0) return local;
    const viaImport = refs.filter((r) => this.imported[fromFile].has(r.file));
    if (viaImport.length > 0) return viaImport;
    return refs.length <= MAX_UNRELATED_DEFINITIONS ? refs : [];
  }

  private isWithin(file: number, symbol: number | undefined, container: number): boolean {
    for (let s = symbol; s !== undefined; s = this.files[file].syntax.symbols[s].parent) if (s === container) return true;
    return false;
  }

  /** What a symbol calls (only from lines up to `throughLine`, when given). */
  callees(ref: SymbolRef, throughLine = Number.POSITIVE_INFINITY): SymbolRef[] {
    return this.files[ref.file].syntax.calls
      .filter((call) => call.line <= throughLine && this.isWithin(ref.file, call.caller, ref.symbol))
      .flatMap((call) => this.resolve(call.callee, ref.file))
      .flatMap((r) => this.constructorOf(r));
  }

  /**
   * Calling a class runs its constructor, not every method: the constructor stands for it (and a
   * class without one contributes no code of its own). Functions stand for themselves.
   */
  private constructorOf(ref: SymbolRef): SymbolRef[] {
    const symbol = this.symbol(ref);
    if (symbol.kind !== 'class' && symbol.kind !== 'struct') return [ref];
    const symbols = this.files[ref.file].syntax.symbols;
    const index = symbols.findIndex((s, i) => s.parent === ref.symbol && i !== ref.symbol && (CONSTRUCTOR_NAMES.has(s.name) || s.name === symbol.name) && (s.kind === 'method' || s.kind === 'function'));
    return index < 0 ? [] : [{ file: ref.file, symbol: index }];
  }

  callers(ref: SymbolRef): SymbolRef[] {
    const name = this.symbol(ref).name;
    const out: SymbolRef[] = [];
    this.files.forEach((file, fileIndex) => {
      for (const call of file.syntax.calls) {
        if (call.callee !== name || call.caller === undefined) continue;
        if (this.resolve(name, fileIndex).some((r) => r.file === ref.file && r.symbol === ref.symbol)) out.push({ file: fileIndex, symbol: call.caller });
      }
    });
    return out;
  }
}

/** The innermost function-like symbol at a location (else the innermost symbol), as a graph node. */
function startingSymbol(files: readonly SourceFile[], at: CodeLocation): SymbolRef | undefined {
  const file = files.findIndex((f) => f.path === at.path);
  if (file === -1) return undefined;
  const syntax = files[file].syntax;
  const chain = enclosingSymbols(syntax, at.line);
  const chosen = chain.find((s) => s.kind === 'function' || s.kind === 'method') ?? chain[0];
  return chosen ? { file, symbol: syntax.symbols.indexOf(chosen) } : undefined;
}

/**
 * Symbols within `depth` calls (default 2) of the symbol enclosing `at`, nearest first. With
 * `callsThroughLine`, the first hop follows only the calls made up to that line (those that had
 * run when a frame there was executing).
 */
export function callNeighbourhood(files: readonly SourceFile[], at: CodeLocation, depth = 2, callsThroughLine?: number): NeighbourSymbol[] {
  const start = startingSymbol(files, at);
  if (!start) return [];
  const graph = new CallGraph(files);
  const key = (r: SymbolRef) => `${r.file}:${r.symbol}`;
  const seen = new Set([key(start)]);
  const result: NeighbourSymbol[] = [];
  let frontier: { ref: SymbolRef; direction: 'callee' | 'caller' | 'start' }[] = [{ ref: start, direction: 'start' }];
  for (let distance = 1; distance <= depth && frontier.length > 0; distance++) {
    const next: typeof frontier = [];
    for (const { ref, direction } of frontier) {
      // Keep direction on the second hop: callee-of-caller is a sibling, not a neighbour of the crash.
      const steps: ['callee' | 'caller', SymbolRef[]][] = [];
      if (direction !== 'caller') steps.push(['callee', graph.callees(ref, direction === 'start' ? callsThroughLine : undefined)]);
      if (direction !== 'callee') steps.push(['caller', graph.callers(ref)]);
      for (const [way, refs] of steps) {
        for (const found of refs) {
          if (seen.has(key(found))) continue;
          seen.add(key(found));
          result.push({ path: graph.path(found), symbol: graph.symbol(found), distance, direction: way, via: graph.symbol(ref).qualifiedName });
          next.push({ ref: found, direction: way });
        }
      }
    }
    frontier = next;
  }
  return result;
}
