// Default wiring of the pipeline's stages for a repository on disk: frames are located with
// core/mapping among the files of the incident revision, and syntax questions are answered with
// core/ast on the blobs of that revision. The CLI, the extension and the benchmark all
// investigate through these.

import { posix } from 'node:path';
import type { Tree } from 'web-tree-sitter';
import type { CodeModel, LocatedFrame } from './analysis/context';
import { isProductCode, isTestPath } from './analysis/paths';
import type { NeighbourSymbol, SymbolSpan } from './analysis/hypothesis';
import { bindsAtRunTime, unresolvedNames } from './analysis/definitions';
import { stem, type NamedCandidate } from './analysis/testNames';
import { callNeighbourhood, declarationEnd, enclosingSymbols, executedThrough, languageForPath, LruMap, MAX_PARSE_CHARS, parseSource, resolveImport, SyntaxCache, testTitlesAt, withSyntaxTree, type FileSyntax, type SourceFile } from './ast';
import { readBlobsAtRevisions, type GitRepository } from './git';
import { runGit } from './git/gitClient';
import type { Incident } from './incident/model';
import { mapIncident, type PathMapping } from './mapping';

/** The files of a commit, with the blob id of each file (submodules have none). */
interface RevisionTree {
  paths: string[];
  blobs: Map<string, string>;
}

async function treeAtRevision(repo: GitRepository, revision: string): Promise<RevisionTree> {
  const paths: string[] = [];
  const blobs = new Map<string, string>();
  // Entries: "<mode> <type> <id>\t<path>", NUL-terminated, paths unquoted.
  for (const entry of (await runGit(repo, ['ls-tree', '-r', '-z', revision])).split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, type, id] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    paths.push(path);
    if (type === 'blob' && id) blobs.set(path, id);
  }
  return { paths, blobs };
}

/** The incident's in-app frames found among the files of the revision (paths never leave the repository). */
export async function locateFramesAtRevision(incident: Incident, repo: GitRepository, revision: string, code?: CodeModel, pathMappings: PathMapping[] = []): Promise<LocatedFrame[]> {
  const trackedFiles = await (code ? code.files() : treeAtRevision(repo, revision).then((tree) => tree.paths));
  const mapped = mapIncident(incident, { roots: [{ path: repo.root, trackedFiles }], pathMappings }).filter((m) => m.path !== undefined && m.line !== undefined && m.confidence > 0);
  // A library investigated in its own repository runs from node_modules or site-packages in the
  // crash, so its frames look like a dependency's: when no in-app frame is found, trust the
  // frames that clearly map into this repository.
  const inApp = mapped.filter((m) => m.frame.inApp);
  const chosen = inApp.length > 0 ? inApp : mapped.filter((m) => m.confidence >= 0.5);
  return chosen.map((m) => ({
    exceptionIndex: m.exceptionIndex, frameIndex: m.frameIndex, path: m.path!, line: m.line!,
    ...(m.failure ? { failure: m.failure } : {}), ...(m.frame.function ? { function: m.frame.function } : {}),
  }));
}

/** Files parsed to find a frame's neighbourhood: its imports, theirs, and its directory. */
const MAX_NEIGHBOURHOOD_FILES = 60;
const MAX_SAME_DIRECTORY_FILES = 20;
/** Lines of a frame's surroundings read for its calls when no named function encloses it. */
const LINES_BEFORE_FRAME = 12;
const CALLABLE_KINDS = new Set(['function', 'method', 'class', 'struct']);

/** A full commit id: names that can move (HEAD, a branch) are never kept. */
const COMMIT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/**
 * File lists of the last two commits investigated, by repository and commit (a commit's files
 * never change); no more, since a monorepo's list is large.
 */
const trees = new LruMap<string, Promise<RevisionTree>>(2);
/** Characters of file contents kept in all: a few investigations' neighbourhoods, not a whole repository. */
const KEPT_TEXT_CHARS = 16_000_000;
/** A larger file (a bundle, generated code) is not kept: it would push out everything else. */
const MAX_KEPT_TEXT_CHARS = KEPT_TEXT_CHARS / 8;

/**
 * Contents and syntax by blob id: a file the same at two commits (most files, from one release to
 * the next) is read and parsed once for the extension's later investigations. A few live trees
 * stay too, for the questions that need the whole tree (see atLine).
 */
const blobTexts = new LruMap<string, string>(KEPT_TEXT_CHARS, undefined, (text) => text.length);
const syntaxCache = new SyntaxCache({ maxFiles: 1000, maxTrees: 8 });

/** Drops every kept file: the next investigation reads and parses as a first one does. */
export function forgetKeptFiles(): void {
  trees.clear();
  blobTexts.clear();
  syntaxCache.dispose();
}

/** How many commits' file lists and how many blobs' contents and syntax are kept. */
export function keptFileCounts(): { commits: number; texts: number; syntax: number } {
  return { commits: trees.size, texts: blobTexts.size, syntax: syntaxCache.files.size };
}

/** Keeps `value` under `key` unless it fails (a failed read is tried again next time). */
function keepUnlessFailed<T>(cache: LruMap<string, Promise<T>>, key: string, value: Promise<T>): Promise<T> {
  cache.set(key, value);
  value.catch(() => cache.get(key) === value && cache.delete(key));
  return value;
}

/**
 * Syntax-tree queries over the blobs of one revision. Of each parse, the plain data (symbols,
 * calls, imports) is kept; its tree only while it is among the few the cache keeps live. Reads
 * and parses are shared by blob id with earlier models; what this model asks about stays its own.
 */
class RevisionCodeModel implements CodeModel {
  private tree: Promise<RevisionTree> | undefined;
  /** The files this model parsed, in the order it asked for them. */
  private readonly syntax = new Map<string, Promise<FileSyntax | undefined>>();
  private readonly texts = new Map<string, Promise<string | undefined>>();

  constructor(private readonly repo: GitRepository, private readonly revision: string) {}

  private revisionTree(): Promise<RevisionTree> {
    if (!COMMIT_ID.test(this.revision)) return (this.tree ??= treeAtRevision(this.repo, this.revision));
    const key = `${this.repo.root}\0${this.revision}`;
    return (this.tree ??= trees.get(key) ?? keepUnlessFailed(trees, key, treeAtRevision(this.repo, this.revision)));
  }

  async files(): Promise<string[]> {
    return (await this.revisionTree()).paths;
  }

  private blobId(path: string): Promise<string | undefined> {
    return this.revisionTree().then((tree) => tree.blobs.get(path), () => undefined);
  }

  /** Reads the given files at the revision: one `cat-file --batch` for the blobs not read before. */
  private read(paths: readonly string[]): void {
    const missing = paths.filter((p) => !this.texts.has(p));
    if (missing.length === 0) return;
    const texts = this.revisionTree().then((tree) => {
      const ids = missing.map((path) => tree.blobs.get(path));
      const byId = new Map<string, Promise<string | undefined>>();
      const unread: { id: string; path: string }[] = [];
      ids.forEach((id, i) => {
        if (id === undefined || byId.has(id)) return;
        const kept = blobTexts.get(id);
        if (kept !== undefined) byId.set(id, Promise.resolve(kept));
        else unread.push({ id, path: missing[i] });
      });
      if (unread.length > 0) {
        const blobs = readBlobsAtRevisions(this.repo, unread.map(({ path }) => ({ rev: this.revision, path })));
        unread.forEach(({ id }, i) =>
          byId.set(id, blobs.then((all) => {
            const text = all[i]?.text;
            if (text !== undefined && text.length <= MAX_KEPT_TEXT_CHARS) blobTexts.set(id, text);
            return text;
          })),
        );
      }
      return ids.map((id) => (id === undefined ? undefined : byId.get(id)));
    });
    missing.forEach((path, i) => this.texts.set(path, texts.then((all) => all[i]).catch(() => undefined)));
  }

  /** Parses the given files at the revision (or finds them parsed, by blob id). */
  private async parse(paths: readonly string[]): Promise<Map<string, FileSyntax>> {
    const wanted = paths.filter((p) => !this.syntax.has(p) && languageForPath(p));
    this.read(wanted);
    for (const path of wanted) {
      const language = languageForPath(path)!;
      const parsed = Promise.all([this.blobId(path), this.texts.get(path)!]).then(([id, text]) =>
        text === undefined ? undefined : parseSource(language, text, id === undefined ? {} : { cacheKey: id, cache: syntaxCache }).catch(() => undefined),
      );
      this.syntax.set(path, parsed);
    }
    const out = new Map<string, FileSyntax>();
    for (const p of paths) {
      const s = await this.syntax.get(p);
      if (s) out.set(p, s);
    }
    return out;
  }

  async sourceLine(path: string, line: number): Promise<string | undefined> {
    this.read([path]);
    return (await this.texts.get(path))?.split('\n')[line - 1];
  }

  async enclosingSymbol(path: string, line: number): Promise<SymbolSpan | undefined> {
    const syntax = (await this.parse([path])).get(path);
    if (!syntax) return undefined;
    const chain = enclosingSymbols(syntax, line);
    const symbol = chain.find((s) => s.kind === 'function' || s.kind === 'method') ?? chain[0];
    return symbol ? { name: symbol.qualifiedName, startLine: symbol.startLine, endLine: symbol.endLine } : undefined;
  }

  async unresolvedNames(): Promise<{ names: string[]; bare: string[]; unbound: string[]; files: string[] }> {
    const paths = [...this.syntax.keys()].filter((p) => bindsAtRunTime(languageForPath(p)));
    const [syntaxes, texts] = await Promise.all([Promise.all(paths.map((p) => this.syntax.get(p))), Promise.all(paths.map((p) => this.texts.get(p)))]);
    const read = paths.filter((_, i) => syntaxes[i] !== undefined);
    const present = syntaxes.filter((s): s is FileSyntax => s !== undefined);
    const readTexts = texts.filter((t): t is string => t !== undefined);
    const symbolNames = present.flatMap((s) => s.symbols.map((symbol) => symbol.name));
    const calls = present.flatMap((s) => s.calls);
    const names = unresolvedNames(readTexts, symbolNames, calls.map((call) => call.callee));
    const bare = new Set(calls.filter((call) => !call.member).map((call) => call.callee));
    // `unbound`: bindings read off the lines alone, since the syntax trees' functions include
    // methods and functions set on objects (`Comparator.prototype.parse = function`).
    return { names, bare: names.filter((name) => bare.has(name)), unbound: unresolvedNames(readTexts, [], bare, true), files: read };
  }

  async executedThrough(path: string, line: number, within?: SymbolSpan): Promise<number | undefined> {
    return this.atLine(path, line, (tree, column, lineCount) => executedThrough(tree, line, column, within ?? { startLine: 1, endLine: lineCount }));
  }

  async testTitles(path: string, line: number): Promise<string[]> {
    return (await this.atLine(path, line, (tree, column) => testTitlesAt(tree, line, column))) ?? [];
  }

  /**
   * Runs `use` on the file's syntax tree at the first non-blank column of `line` (where a frame's
   * statement starts); undefined when the file cannot be read or parsed. The tree is the one
   * kept for the blob when there is one.
   */
  private async atLine<T>(path: string, line: number, use: (tree: Tree, column: number, lineCount: number) => T): Promise<T | undefined> {
    const language = languageForPath(path);
    if (!language) return undefined;
    this.read([path]);
    const [id, text] = await Promise.all([this.blobId(path), this.texts.get(path)]);
    if (text === undefined || text.length > MAX_PARSE_CHARS) return undefined;
    const lines = text.split('\n');
    const column = Math.max(0, (lines[line - 1] ?? '').search(/\S/));
    return withSyntaxTree(language, text, (tree) => use(tree, column, lines.length), id === undefined ? {} : { cacheKey: id, cache: syntaxCache }).catch(() => undefined);
  }

  /** The frame's file, what it imports (and what those import), and its own directory. */
  private async neighbourhoodFiles(path: string, depth: number): Promise<Map<string, FileSyntax>> {
    const all = await this.files();
    const allSet = new Set(all);
    const language = languageForPath(path);
    const chosen = new Set([path]);
    let frontier = [path];
    for (let hop = 0; hop < depth && chosen.size < MAX_NEIGHBOURHOOD_FILES; hop++) {
      const parsed = await this.parse(frontier);
      const next: string[] = [];
      for (const [from, syntax] of parsed) {
        for (const target of await this.resolveImports(from, syntax, all, allSet)) {
          if (chosen.size >= MAX_NEIGHBOURHOOD_FILES || chosen.has(target)) continue;
          chosen.add(target);
          next.push(target);
        }
      }
      frontier = next;
    }
    // Java, Go and C# code reaches its own package without imports; a Java package spans source
    // roots (src/test/java/a/b beside src/main/java/a/b), the code under test first.
    const dir = posix.dirname(path);
    const packageDir = language === 'java' ? await this.packageDirectory(path) : undefined;
    const samePackage = (f: string) => posix.dirname(f) === dir || (packageDir !== undefined && (posix.dirname(f) === packageDir || posix.dirname(f).endsWith(`/${packageDir}`)));
    const siblings = all.filter((f) => f !== path && languageForPath(f) === language && samePackage(f));
    const ordered = [...siblings.filter((f) => isProductCode(f)), ...siblings.filter((f) => !isProductCode(f))].slice(0, MAX_SAME_DIRECTORY_FILES);
    for (const s of ordered) if (chosen.size < MAX_NEIGHBOURHOOD_FILES) chosen.add(s);
    return this.parse([...chosen]);
  }

  /** `a/b` for a file declaring `package a.b;`. */
  private async packageDirectory(path: string): Promise<string | undefined> {
    this.read([path]);
    const declared = /^\s*package\s+([\w.]+)\s*;?\s*$/m.exec((await this.texts.get(path)) ?? '');
    return declared ? declared[1].replace(/\./g, '/') : undefined;
  }

  async callNeighbours(path: string, at: { symbol?: SymbolSpan; line: number; executedThrough?: number }, depth: 1 | 2): Promise<Omit<NeighbourSymbol, 'weight' | 'via'>[]> {
    if (!languageForPath(path)) return [];
    const parsed = await this.neighbourhoodFiles(path, depth);
    const sources: SourceFile[] = [...parsed].map(([p, syntax]) => ({ path: p, syntax }));
    const callees = (location: { path: string; line: number }, hops: number, distance: 1 | 2, callsThroughLine?: number) =>
      callNeighbourhood(sources, location, hops, callsThroughLine)
        .filter((n) => n.direction === 'callee')
        .map((n) => ({ path: n.path, name: n.symbol.qualifiedName, startLine: n.symbol.startLine, endLine: n.symbol.endLine, distance: (n.distance === 1 ? distance : 2) as 1 | 2 }));
    // Only the calls made before the frame's line had run: what it calls later cannot have failed it.
    if (at.symbol) return callees({ path, line: at.symbol.startLine }, depth, 1, at.executedThrough);
    return this.calleesOfLines(path, at.line, parsed, depth, callees);
  }

  async constantsRead(path: string, names: readonly string[]): Promise<Omit<NeighbourSymbol, 'weight' | 'via' | 'distance'>[]> {
    if (!languageForPath(path) || names.length === 0) return [];
    const files = [path, ...[...(await this.neighbourhoodFiles(path, 1)).keys()].filter((f) => f !== path && isProductCode(f))];
    const found: Omit<NeighbourSymbol, 'weight' | 'via' | 'distance'>[] = [];
    for (const name of names) {
      const definition = constantDefinition(name);
      for (const file of files) {
        const lines = ((await this.texts.get(file)) ?? '').split('\n');
        const index = lines.findIndex((l) => definition.test(l));
        if (index < 0) continue;
        const endLine = (await this.atLine(file, index + 1, (tree, column) => declarationEnd(tree, index + 1, column))) ?? index + 1;
        found.push({ path: file, name, startLine: index + 1, endLine });
        break;
      }
    }
    return found;
  }

  async importedFiles(path: string): Promise<string[]> {
    if (!languageForPath(path)) return [];
    const [all, parsed] = await Promise.all([this.files(), this.parse([path])]);
    const syntax = parsed.get(path);
    return syntax ? this.resolveImports(path, syntax, all, new Set(all)) : [];
  }

  /**
   * The repository files `from`'s imports name. A JavaScript import of a directory without an
   * index file (a package's tests import it as `..`) goes where its package.json's main says.
   */
  private async resolveImports(from: string, syntax: FileSyntax, all: readonly string[], allSet: ReadonlySet<string>): Promise<string[]> {
    const out = new Set<string>();
    for (const { source } of syntax.imports) {
      const found = resolveImport(syntax.language, from, source, all, allSet);
      const manifest = found.length === 0 && JS_LIKE.has(syntax.language) && source.startsWith('.') ? posix.join(posix.dirname(from), source, 'package.json') : undefined;
      const main = manifest && allSet.has(manifest) ? await this.packageMain(manifest) : undefined;
      for (const f of main ? resolveImport(syntax.language, manifest!, `./${main}`, all, allSet) : found) out.add(f);
    }
    return [...out];
  }

  private async packageMain(manifest: string): Promise<string | undefined> {
    this.read([manifest]);
    try {
      const main: unknown = JSON.parse((await this.texts.get(manifest)) ?? '').main;
      return typeof main === 'string' && main !== '' ? main.replace(/^\.\//, '') : undefined;
    } catch {
      return undefined;
    }
  }

  async knownSymbols(fileStems: readonly string[]): Promise<NamedCandidate[]> {
    const wanted = new Set(fileStems);
    const named = (await this.files()).filter((f) => isProductCode(f) && wanted.has(stem(fileBase(f)))).slice(0, MAX_NAMED_FILES);
    const parsed = await this.parse(named);
    // A module named by the test is that code as a whole, as a class named by it is in Java.
    const out: NamedCandidate[] = [...parsed].map(([path, syntax]) => ({ path, name: fileBase(path), qualifiedName: path, startLine: 1, endLine: syntax.lineCount }));
    for (const [path, pending] of this.syntax) {
      const syntax = await pending;
      for (const s of syntax?.symbols ?? []) {
        if (CALLABLE_KINDS.has(s.kind)) out.push({ path, name: s.name, qualifiedName: s.qualifiedName, startLine: s.startLine, endLine: s.endLine });
      }
    }
    return out;
  }

  /**
   * For a frame outside any named function (a test's anonymous callback, module-level code):
   * the definitions of what the lines leading to it call, found by name among the neighbourhood's
   * files, or a file named like the call (`qs.stringify` -> lib/stringify.js); then their callees.
   * When the frame's own line calls product code (`assert.equal(qs.stringify(x), …)`), that is
   * what failed; calls on the lines before it then count as one step further away.
   */
  private async calleesOfLines(
    path: string,
    line: number,
    parsed: Map<string, FileSyntax>,
    depth: 1 | 2,
    callees: (location: { path: string; line: number }, hops: number, distance: 1 | 2) => Omit<NeighbourSymbol, 'weight' | 'via'>[],
  ): Promise<Omit<NeighbourSymbol, 'weight' | 'via'>[]> {
    const syntax = parsed.get(path);
    if (!syntax) return [];
    const names = new Set(syntax.calls.filter((c) => c.line >= line - LINES_BEFORE_FRAME && c.line <= line).map((c) => c.callee));
    const onFrameLine = new Set(syntax.calls.filter((c) => c.line === line).map((c) => c.callee));
    const found: Omit<NeighbourSymbol, 'weight' | 'via'>[] = [];
    const calledAs: string[] = [];
    for (const [other, s] of parsed) {
      if (other === path || isTestPath(other)) continue;
      for (const symbol of s.symbols) {
        if (!names.has(symbol.name) || !CALLABLE_KINDS.has(symbol.kind)) continue;
        found.push({ path: other, name: symbol.qualifiedName, startLine: symbol.startLine, endLine: symbol.endLine, distance: 1 });
        calledAs.push(symbol.name);
      }
    }
    // Product files named like a call (`qs.stringify(...)` -> lib/stringify.js), when the name is
    // that specific: imports through a package's entry point are not always resolvable.
    const all = await this.files();
    for (const name of names) {
      const named = all.filter((f) => isProductCode(f) && fileBase(f) === name);
      if (named.length === 0 || named.length > 2) continue;
      for (const [file, s] of await this.parse(named)) {
        if (found.some((f) => f.path === file)) continue;
        found.push({ path: file, name, startLine: 1, endLine: s.lineCount, distance: 1 });
        calledAs.push(name);
      }
    }
    if (calledAs.some((name) => onFrameLine.has(name))) found.forEach((f, i) => (f.distance = onFrameLine.has(calledAs[i]) ? 1 : 2));
    if (depth < 2) return found;
    const second = found.flatMap((f) => callees({ path: f.path, line: f.startLine }, 1, 2));
    return [...found, ...second.filter((n) => !found.some((f) => f.path === n.path && f.startLine === n.startLine))];
  }
}

const JS_LIKE: ReadonlySet<string> = new Set(['javascript', 'typescript', 'tsx']);

/**
 * A line that assigns the constant `name` where it is declared: `export const NAME =`,
 * `NAME: dict[str, int] = {`, `private static final Map<String, Double> NAME = ...`.
 */
function constantDefinition(name: string): RegExp {
  return new RegExp(`^[ \\t]*(?:(?:export|public|private|protected|static|final|readonly|const|let|var)\\s+)*(?:[\\w.$<>,?\\[\\] ]+?\\s+)?${name}\\s*(?::[^=\\n]+)?=(?!=)`);
}

/** A file's name without its directory and extension (`lib/stringify.js` -> `stringify`). */
function fileBase(path: string): string {
  return posix.basename(path).replace(/\.[^.]+$/, '');
}

/** Product files named like a test's words read beyond the neighbourhood, at most. */
const MAX_NAMED_FILES = 6;
export function createCodeModel(repo: GitRepository, revision: string): CodeModel {
  return new RevisionCodeModel(repo, revision);
}
