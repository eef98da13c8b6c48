// Default wiring of the pipeline's stages for a repository on disk: frames are located with
// core/mapping among the files of the incident revision, and syntax questions are answered with
// core/ast on the blobs of that revision. The CLI, the extension and the benchmark all
// investigate through these.

import { posix } from 'node:path';
import type { CodeModel, LocatedFrame } from './analysis/context';
import type { NeighbourSymbol, SymbolSpan } from './analysis/hypothesis';
import { callNeighbourhood, enclosingSymbols, languageForPath, parseSource, resolveImport, type FileSyntax, type SourceFile } from './ast';
import { readBlobsAtRevisions, type GitRepository } from './git';
import { runGit } from './git/gitClient';
import type { Incident } from './incident/model';
import { mapIncident, type PathMapping } from './mapping';

async function filesAtRevision(repo: GitRepository, revision: string): Promise<string[]> {
  return (await runGit(repo, ['ls-tree', '-r', '-z', '--name-only', revision])).split('\0').filter(Boolean);
}

/** The incident's in-app frames found among the files of the revision (paths never leave the repository). */
export async function locateFramesAtRevision(incident: Incident, repo: GitRepository, revision: string, pathMappings: PathMapping[] = []): Promise<LocatedFrame[]> {
  const trackedFiles = await filesAtRevision(repo, revision);
  const mapped = mapIncident(incident, { roots: [{ path: repo.root, trackedFiles }], pathMappings }).filter((m) => m.path !== undefined && m.line !== undefined && m.confidence > 0);
  // A library investigated in its own repository runs from node_modules or site-packages in the
  // crash, so its frames look like a dependency's: when no in-app frame is found, trust the
  // frames that clearly map into this repository.
  const inApp = mapped.filter((m) => m.frame.inApp);
  const chosen = inApp.length > 0 ? inApp : mapped.filter((m) => m.confidence >= 0.5);
  return chosen.map((m) => ({ exceptionIndex: m.exceptionIndex, frameIndex: m.frameIndex, path: m.path!, line: m.line!, ...(m.frame.function ? { function: m.frame.function } : {}) }));
}

/** Files parsed to find a frame's neighbourhood: its imports, theirs, and its directory. */
const MAX_NEIGHBOURHOOD_FILES = 60;
const MAX_SAME_DIRECTORY_FILES = 20;

/**
 * Syntax-tree queries over the blobs of one revision. Trees are freed as soon as their symbols,
 * calls and imports are extracted; only that plain data is kept, keyed by path.
 */
class RevisionCodeModel implements CodeModel {
  private files: Promise<string[]> | undefined;
  private readonly syntax = new Map<string, Promise<FileSyntax | undefined>>();
  private readonly texts = new Map<string, Promise<string | undefined>>();

  constructor(private readonly repo: GitRepository, private readonly revision: string) {}

  private allFiles(): Promise<string[]> {
    this.files ??= filesAtRevision(this.repo, this.revision);
    return this.files;
  }

  /** Reads the given files at the revision (one `cat-file --batch` for those not read yet). */
  private read(paths: readonly string[]): void {
    const missing = paths.filter((p) => !this.texts.has(p));
    if (missing.length === 0) return;
    const blobs = readBlobsAtRevisions(this.repo, missing.map((path) => ({ rev: this.revision, path })));
    missing.forEach((path, i) => this.texts.set(path, blobs.then((all) => all[i]?.text, () => undefined)));
  }

  /** Parses the given files at the revision; trees are freed once their plain data is out. */
  private async parse(paths: readonly string[]): Promise<Map<string, FileSyntax>> {
    const missing = paths.filter((p) => !this.syntax.has(p) && languageForPath(p));
    this.read(missing);
    for (const path of missing) {
      const language = languageForPath(path)!;
      this.syntax.set(path, this.texts.get(path)!.then((text) => (text === undefined ? undefined : parseSource(language, text).catch(() => undefined))));
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

  async callNeighbours(path: string, symbol: SymbolSpan, depth: 1 | 2): Promise<Omit<NeighbourSymbol, 'weight' | 'via'>[]> {
    const all = await this.allFiles();
    const allSet = new Set(all);
    const language = languageForPath(path);
    if (!language) return [];
    // Files the frame's file imports, then what those import; plus its own directory, where
    // Java, Go and C# code reaches its package without imports.
    const chosen = new Set([path]);
    let frontier = [path];
    for (let hop = 0; hop < depth && chosen.size < MAX_NEIGHBOURHOOD_FILES; hop++) {
      const parsed = await this.parse(frontier);
      const next: string[] = [];
      for (const [from, syntax] of parsed) {
        for (const imp of syntax.imports) {
          for (const target of resolveImport(syntax.language, from, imp.source, all, allSet)) {
            if (chosen.size >= MAX_NEIGHBOURHOOD_FILES || chosen.has(target)) continue;
            chosen.add(target);
            next.push(target);
          }
        }
      }
      frontier = next;
    }
    const dir = posix.dirname(path);
    const siblings = all.filter((f) => f !== path && posix.dirname(f) === dir && languageForPath(f) === language).slice(0, MAX_SAME_DIRECTORY_FILES);
    for (const s of siblings) if (chosen.size < MAX_NEIGHBOURHOOD_FILES) chosen.add(s);

    const parsed = await this.parse([...chosen]);
    const sources: SourceFile[] = [...parsed].map(([p, syntax]) => ({ path: p, syntax }));
    return callNeighbourhood(sources, { path, line: symbol.startLine }, depth)
      .filter((n) => n.direction === 'callee')
      .map((n) => ({ path: n.path, name: n.symbol.qualifiedName, startLine: n.symbol.startLine, endLine: n.symbol.endLine, distance: n.distance === 1 ? 1 : 2 }));
  }
}

export function createCodeModel(repo: GitRepository, revision: string): CodeModel {
  return new RevisionCodeModel(repo, revision);
}
