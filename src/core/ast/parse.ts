// Parses source text into FileSyntax, with a cache keyed by blob id. Trees kept for reuse are
// freed with tree.delete() when evicted: WASM memory is not garbage collected.

import type { Tree } from 'web-tree-sitter';
import { CauseLensError } from '../errors';
import type { LanguageId } from './languages';
import { loadLanguage } from './runtime';
import { extractFileSyntax, type FileSyntax } from './syntax';

/** Larger inputs (minified bundles, generated code) are skipped rather than parsed. */
export const MAX_PARSE_CHARS = 2_000_000;

/**
 * A bounded map that forgets the least recently used entries, telling `onEvict`. The bound is on
 * the entries' total weight: one each unless `weigh` says otherwise (a text's length, say).
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();
  private weight = 0;

  constructor(
    private readonly capacity: number,
    private readonly onEvict: (value: V) => void = () => undefined,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.weight -= this.weigh(old);
      if (old !== value) this.onEvict(old);
    }
    this.entries.delete(key);
    this.entries.set(key, value);
    this.weight += this.weigh(value);
    while (this.weight > this.capacity) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [K, V];
      this.entries.delete(oldestKey);
      this.weight -= this.weigh(oldest);
      this.onEvict(oldest);
    }
  }

  delete(key: K): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.weight -= this.weigh(value);
    this.onEvict(value);
  }

  clear(): void {
    for (const value of this.entries.values()) this.onEvict(value);
    this.entries.clear();
    this.weight = 0;
  }
}

export interface SyntaxCacheOptions {
  /** FileSyntax summaries kept (plain data). Default 5000. */
  maxFiles?: number;
  /** Live trees kept for `withSyntaxTree` (each holds WASM memory). Default 32. */
  maxTrees?: number;
}

/** Owned by one investigation or one worker; call dispose() to free the trees it holds. */
export class SyntaxCache {
  readonly files: LruMap<string, FileSyntax>;
  readonly trees: LruMap<string, Tree>;

  constructor(options: SyntaxCacheOptions = {}) {
    this.files = new LruMap(options.maxFiles ?? 5000);
    this.trees = new LruMap(options.maxTrees ?? 32, (tree) => tree.delete());
  }

  dispose(): void {
    this.trees.clear();
    this.files.clear();
  }
}

export interface ParseOptions {
  /** A blob id (or other content hash): equal keys must mean equal text. */
  cacheKey?: string;
  cache?: SyntaxCache;
}

function emptySyntax(language: LanguageId, skipped: string, text: string): FileSyntax {
  return { language, symbols: [], calls: [], imports: [], lineCount: text.split('\n').length, hasErrors: false, skipped };
}

async function parseTree(language: LanguageId, text: string): Promise<Tree> {
  const loaded = await loadLanguage(language);
  const tree = loaded.parser.parse(text);
  if (!tree) throw new CauseLensError('internal', `The ${language} parser returned no tree.`);
  return tree;
}

/** Symbols, calls and imports of a source file; cached by `cacheKey` when a cache is given. */
export async function parseSource(language: LanguageId, text: string, options: ParseOptions = {}): Promise<FileSyntax> {
  const key = options.cacheKey === undefined ? undefined : `${language}:${options.cacheKey}`;
  const cached = key === undefined ? undefined : options.cache?.files.get(key);
  if (cached) return cached;
  if (text.length > MAX_PARSE_CHARS) return emptySyntax(language, `larger than ${MAX_PARSE_CHARS} characters`, text);
  const tree = (key !== undefined && options.cache?.trees.get(key)) || (await parseTree(language, text));
  try {
    const syntax = extractFileSyntax(await loadLanguage(language), tree);
    if (key !== undefined && options.cache) {
      options.cache.files.set(key, syntax);
      options.cache.trees.set(key, tree);
    }
    return syntax;
  } finally {
    if (key === undefined || !options.cache) tree.delete();
  }
}

/**
 * Runs `use` on the syntax tree of `text`. The tree is only valid during the call: it is either
 * deleted right after or owned by the cache, which deletes it on eviction.
 */
export async function withSyntaxTree<T>(language: LanguageId, text: string, use: (tree: Tree) => T, options: ParseOptions = {}): Promise<T> {
  const key = options.cacheKey === undefined ? undefined : `${language}:${options.cacheKey}`;
  const cached = key !== undefined ? options.cache?.trees.get(key) : undefined;
  const tree = cached ?? (await parseTree(language, text));
  try {
    return use(tree);
  } finally {
    if (!cached) {
      if (key !== undefined && options.cache) options.cache.trees.set(key, tree);
      else tree.delete();
    }
  }
}
