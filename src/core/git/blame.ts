// Who last changed each frame line at the incident's revision: one `git blame --porcelain` per
// file with one -L range per line, skipping the revisions in `.git-blame-ignore-revs` and, when
// asked, any commit that only reformatted the line.

import { CauseLensError } from '../errors';
import { assertRepositoryPath } from './blob';
import { readRawCommits } from './commitStream';
import { layoutOnlyHunks, readIgnoreRevs } from './formatting';
import { isShallowRepository, lookUpCommits, runGit, type GitRepository } from './gitClient';
import type { BlameResult, BlameTarget } from './model';
import { parseCommitRecords, unquoteGitPath } from './patchParser';

export interface BlameOptions {
  signal?: AbortSignal;
  /** Revisions to see through; default: the working tree's `.git-blame-ignore-revs`. */
  ignoreRevs?: ReadonlySet<string>;
  /**
   * Also see through a commit whose change of the line only rewrapped, re-indented or requoted it
   * (a formatter pass nobody listed): the line is blamed again past it.
   */
  seeThroughLayout?: boolean;
}

const PARALLEL_FILES = 4;

/** Formatter passes seen through, one after another, at most (each costs a read and a blame). */
const MAX_LAYOUT_ROUNDS = 2;

/** Blame for each target line; lines git cannot blame (missing file, past the end) are left out. */
export async function blameLines(
  repo: GitRepository,
  rev: string,
  targets: readonly BlameTarget[],
  options: BlameOptions = {},
): Promise<BlameResult[]> {
  if (!options.seeThroughLayout) return blameListed(repo, rev, targets, options);
  const ignoreRevs = new Set(options.ignoreRevs ?? readIgnoreRevs(repo.root));
  let results = await blameListed(repo, rev, targets, { ...options, ignoreRevs });
  for (let round = 0; round < MAX_LAYOUT_ROUNDS; round++) {
    const layout = await layoutOnlyBlame(repo, results, options.signal);
    if (layout.length === 0) break;
    for (const r of layout) ignoreRevs.add(r.sha);
    const again = await blameListed(repo, rev, layout.map((r) => ({ path: r.path, line: r.line })), { ...options, ignoreRevs });
    results = [...results.filter((r) => !layout.includes(r)), ...again];
  }
  return results;
}

/** The results whose commit only changed the layout of that line (read from the commits' diffs). */
async function layoutOnlyBlame(repo: GitRepository, results: readonly BlameResult[], signal: AbortSignal | undefined): Promise<BlameResult[]> {
  const shas = [...new Set(results.filter((r) => !r.boundary).map((r) => r.sha))];
  if (shas.length === 0) return [];
  const records = await readRawCommits(repo, { commits: shas }, { knownCommits: true, ...(signal ? { signal } : {}) });
  const layoutLines = new Set<string>();
  for (const record of records) {
    for (const diff of parseCommitRecords(record.bytes)) {
      const flags = layoutOnlyHunks(diff.files);
      diff.files.forEach((file, i) =>
        file.hunks.forEach((h, j) => {
          if (!flags[i][j]) return;
          for (let line = h.newStart; line < h.newStart + h.newLines; line++) layoutLines.add(`${diff.commit.sha}\0${file.newPath}\0${line}`);
        }),
      );
    }
  }
  return results.filter((r) => layoutLines.has(`${r.sha}\0${r.originalPath}\0${r.originalLine}`));
}

async function blameListed(repo: GitRepository, rev: string, targets: readonly BlameTarget[], options: BlameOptions): Promise<BlameResult[]> {
  const byPath = new Map<string, number[]>();
  for (const t of targets) {
    assertRepositoryPath(t.path);
    if (!Number.isInteger(t.line) || t.line < 1) continue;
    const lines = byPath.get(t.path) ?? [];
    if (!lines.includes(t.line)) lines.push(t.line);
    byPath.set(t.path, lines);
  }
  if (byPath.size === 0) return [];
  // Git flags root commits and shallow-clone boundaries alike; only the latter hide history.
  // Asked while blame runs: a git start waited for first would delay every blame.
  const shallowCheck = isShallowRepository(repo, options.signal);
  shallowCheck.catch(() => undefined);
  const ignoreArgs = (await existingCommits(repo, options.ignoreRevs ?? readIgnoreRevs(repo.root), options.signal)).flatMap((sha) => [
    '--ignore-rev',
    sha,
  ]);
  const entries = [...byPath.entries()];
  const results: BlameResult[] = [];
  for (let i = 0; i < entries.length; i += PARALLEL_FILES) {
    const batch = entries.slice(i, i + PARALLEL_FILES);
    const blamed = await Promise.all(batch.map(([path, lines]) => blameFile(repo, rev, path, lines, ignoreArgs, options.signal)));
    results.push(...blamed.flat());
  }
  const shallow = await shallowCheck;
  return results.map((b) => ({ ...b, boundary: b.boundary && shallow }));
}

async function blameFile(
  repo: GitRepository,
  rev: string,
  path: string,
  lines: number[],
  ignoreArgs: string[],
  signal: AbortSignal | undefined,
): Promise<BlameResult[]> {
  const run = (wanted: number[]) =>
    runGit(
      repo,
      ['-c', 'blame.ignoreRevsFile=', 'blame', '--porcelain', '--no-textconv', ...ignoreArgs, ...wanted.flatMap((n) => ['-L', `${n},${n}`]), rev, '--', path],
      { signal },
    );
  try {
    return parsePorcelainBlame(await run(lines), path);
  } catch (error) {
    if (!(error instanceof CauseLensError) || error.reason !== 'internal') throw error;
    const message = String((error.cause as Error | undefined)?.message ?? error.message);
    const hasOnly = /has only (\d+) lines?/.exec(message);
    if (hasOnly) {
      const valid = lines.filter((n) => n <= Number(hasOnly[1]));
      return valid.length > 0 ? parsePorcelainBlame(await run(valid), path) : [];
    }
    if (/no such path|no such ref|bad revision|invalid object/i.test(message)) return [];
    throw error;
  }
}

/** Parses `git blame --porcelain` output into one result per blamed line. */
export function parsePorcelainBlame(output: string, path: string): BlameResult[] {
  const results: BlameResult[] = [];
  const boundaries = new Set<string>();
  const fileOf = new Map<string, string>();
  let current: { sha: string; originalLine: number; line: number } | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith('\t')) {
      if (current) {
        results.push({
          path,
          line: current.line,
          sha: current.sha,
          originalLine: current.originalLine,
          originalPath: fileOf.get(current.sha) ?? path,
          boundary: boundaries.has(current.sha),
        });
      }
      current = undefined;
      continue;
    }
    const head = /^([0-9a-f]{40,64}) (\d+) (\d+)(?: \d+)?$/.exec(line);
    if (head) current = { sha: head[1], originalLine: Number(head[2]), line: Number(head[3]) };
    else if (current && line === 'boundary') boundaries.add(current.sha);
    else if (current && line.startsWith('filename ')) fileOf.set(current.sha, unquoteGitPath(line.slice(9)));
  }
  return results;
}

/** The subset of `shas` that exist as commits here (blame refuses unknown ignore-revs). */
async function existingCommits(repo: GitRepository, shas: ReadonlySet<string>, signal?: AbortSignal): Promise<string[]> {
  return (await lookUpCommits(repo, [...shas], signal)).filter((sha): sha is string => sha !== undefined);
}
