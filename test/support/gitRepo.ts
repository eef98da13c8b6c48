// Builds real git repositories for tests and benchmarks: commits with given authors, dates and
// files, renames, branches and merges, written in one `git fast-import` run (fast, deterministic).
// fast-import records trees verbatim, so the builder tracks each commit's files to give merges
// the merged tree (a clean three-way merge; where both sides changed a file, the test's `files` decide).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestAuthor {
  name: string;
  email: string;
}

export interface TestCommit {
  message: string;
  author?: TestAuthor;
  /** ISO 8601; defaults to one hour after the previous commit. */
  date?: string;
  /** Branch to commit on; defaults to the current branch ('main' at first). */
  branch?: string;
  /** Path -> new content; `null` deletes the file. */
  files?: Record<string, string | Buffer | null>;
  /** [from, to] pairs, applied before `files`. */
  renames?: [string, string][];
  /** Branches (their tips) or commit handles merged into this commit. */
  merge?: string[];
  /** Path -> commit sha: records a submodule pointer (gitlink). */
  submodules?: Record<string, string>;
}

/** A handle for a commit before it exists; resolve it with `BuiltRepo.sha()`. */
export type CommitHandle = string;

export interface BuiltRepo {
  dir: string;
  /** Full sha of a commit handle returned by `commit()`. */
  sha(handle: CommitHandle): string;
  /** Runs git in the repository (test set-up only; production code goes through src/core/git). */
  git(...args: string[]): string;
  cleanup(): void;
}

const DEFAULT_AUTHOR: TestAuthor = { name: 'Ada Lovelace', email: 'ada@example.com' };
const START = Date.parse('2024-01-01T09:00:00Z');

type Tree = Map<string, string | Buffer>;
const GITLINK = 'gitlink:';

export class TestRepoBuilder {
  private readonly chunks: Buffer[] = [];
  private readonly tips = new Map<string, number>();
  private readonly trees = new Map<number, Tree>();
  private readonly parentsOf = new Map<number, number[]>();
  private currentBranch = 'main';
  private nextMark = 1;
  private lastTime = START - 3_600_000;

  /** Starts `name` at `from` (a handle or branch tip; default the current branch) and switches to it. */
  branch(name: string, from?: string): this {
    const start = from === undefined ? this.tips.get(this.currentBranch) : this.markOf(from);
    if (start !== undefined) this.tips.set(name, start);
    this.currentBranch = name;
    return this;
  }

  checkout(name: string): this {
    this.currentBranch = name;
    return this;
  }

  commit(spec: TestCommit): CommitHandle {
    const branch = spec.branch ?? this.currentBranch;
    this.currentBranch = branch;
    const mark = this.nextMark++;
    const time = spec.date ? Date.parse(spec.date) : this.lastTime + 3_600_000;
    if (Number.isNaN(time)) throw new Error(`bad date ${spec.date}`);
    this.lastTime = time;
    const author = spec.author ?? DEFAULT_AUTHOR;
    const who = `${author.name} <${author.email}> ${Math.floor(time / 1000)} +0000`;
    const lines: (string | Buffer)[] = [`commit refs/heads/${branch}\n`, `mark :${mark}\n`, `author ${who}\n`, `committer ${who}\n`];
    lines.push(...data(spec.message));
    const parent = this.tips.get(branch);
    const tree: Tree = new Map(parent === undefined ? [] : this.trees.get(parent));
    if (parent !== undefined) lines.push(`from :${parent}\n`);
    const merged = (spec.merge ?? []).map((other) => this.markOf(other));
    for (const other of merged) {
      lines.push(`merge :${other}\n`);
      if (parent !== undefined) lines.push(...this.mergeInto(tree, parent, other));
    }
    for (const [from, to] of spec.renames ?? []) {
      lines.push(`R ${quote(from)} ${quote(to)}\n`);
      const moved = tree.get(from);
      tree.delete(from);
      if (moved !== undefined) tree.set(to, moved);
    }
    for (const [path, sha] of Object.entries(spec.submodules ?? {})) {
      lines.push(`M 160000 ${sha} ${quote(path)}\n`);
      tree.set(path, GITLINK + sha);
    }
    for (const [path, content] of Object.entries(spec.files ?? {})) {
      lines.push(...fileCommand(path, content));
      if (content === null) tree.delete(path);
      else tree.set(path, content);
    }
    lines.push('\n');
    this.trees.set(mark, tree);
    this.parentsOf.set(mark, [...(parent === undefined ? [] : [parent]), ...merged]);
    this.chunks.push(...lines.map((l) => (typeof l === 'string' ? Buffer.from(l) : l)));
    this.tips.set(branch, mark);
    return `:${mark}`;
  }

  /** Writes the repository into a new temp dir (or `dir`) and checks out `main`. */
  build(dir = mkdtempSync(join(tmpdir(), 'causelens-repo-'))): BuiltRepo {
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Builder', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'Builder', GIT_COMMITTER_EMAIL: 'b@example.com' },
      });
    git('init', '-q', '-b', 'main');
    const marksFile = join(dir, '.git', 'causelens-marks');
    if (this.chunks.length > 0) {
      execFileSync('git', ['fast-import', '--quiet', `--export-marks=${marksFile}`], { cwd: dir, input: Buffer.concat(this.chunks) });
      git('reset', '-q', '--hard', 'main');
    }
    const marks = new Map<string, string>();
    if (this.chunks.length > 0) {
      for (const line of readFileSync(marksFile, 'utf8').split('\n')) {
        const [mark, sha] = line.split(' ');
        if (mark && sha) marks.set(mark, sha);
      }
      rmSync(marksFile);
    }
    return {
      dir,
      git,
      sha(handle) {
        const sha = marks.get(handle);
        if (!sha) throw new Error(`unknown commit handle ${handle}`);
        return sha;
      },
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  }

  /** Applies to `tree` (the first parent's) what `other` changed since the merge base. */
  private mergeInto(tree: Tree, parent: number, other: number): (string | Buffer)[] {
    const base = this.trees.get(this.mergeBase(parent, other)) ?? new Map();
    const theirs = this.trees.get(other) ?? new Map();
    const ours = this.trees.get(parent) ?? new Map();
    const commands: (string | Buffer)[] = [];
    for (const path of new Set([...theirs.keys(), ...base.keys()])) {
      const changedThere = !same(theirs.get(path), base.get(path));
      const changedHere = !same(ours.get(path), base.get(path));
      if (!changedThere || changedHere) continue;
      const content = theirs.get(path);
      commands.push(...fileCommand(path, content ?? null));
      if (content === undefined) tree.delete(path);
      else tree.set(path, content);
    }
    return commands;
  }

  private mergeBase(a: number, b: number): number {
    const seen = new Set<number>();
    for (const queue = [a]; queue.length > 0; ) {
      const mark = queue.shift() as number;
      if (!seen.has(mark)) queue.push(...(this.parentsOf.get(mark) ?? []));
      seen.add(mark);
    }
    for (const queue = [b]; queue.length > 0; ) {
      const mark = queue.shift() as number;
      if (seen.has(mark)) return mark;
      queue.push(...(this.parentsOf.get(mark) ?? []));
    }
    return 0;
  }

  private markOf(ref: string): number {
    if (ref.startsWith(':')) return Number(ref.slice(1));
    const tip = this.tips.get(ref);
    if (tip === undefined) throw new Error(`unknown branch ${ref}`);
    return tip;
  }
}

function data(content: string | Buffer): (string | Buffer)[] {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return [`data ${bytes.length}\n`, bytes, '\n'];
}

function same(a: string | Buffer | undefined, b: string | Buffer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Buffer.from(a).equals(Buffer.from(b));
}

function fileCommand(path: string, content: string | Buffer | null): (string | Buffer)[] {
  if (content === null) return [`D ${quote(path)}\n`];
  if (typeof content === 'string' && content.startsWith(GITLINK)) return [`M 160000 ${content.slice(GITLINK.length)} ${quote(path)}\n`];
  return [`M 100644 inline ${quote(path)}\n`, ...data(content)];
}

function quote(path: string): string {
  return /[\s"\\]/.test(path) ? JSON.stringify(path) : path;
}
