// History-read benchmark: streams the diffs of a 2,000-commit window through the CauseLens
// parser, and cuts the same stream into raw records (what the main thread does in an
// investigation, the workers parsing), and sets both against plain `git log -p` over the same
// window, in the same run.
// Run: npx tsc -p . && node out/bench/history.bench.js [--commits 2000] [--runs 5]

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logPatchArgs, SAFE_GIT_CONFIG, selectCandidateWindow, streamCommitDiffs, type GitRepository } from '../src/core/git';
import { streamRawCommits } from '../src/core/git/commitStream';
import { TestRepoBuilder } from '../test/support/gitRepo';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? NaN : Number(process.argv[at + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Deterministic pseudo-random numbers so every run builds the same history. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const FILES = 150;

function source(file: number, stamp: number[]): string {
  const lines = [`export function service${file}(input) {`];
  for (let i = 0; i < stamp.length; i++) lines.push(`  const value${i} = input.field${i % 9} * ${stamp[i]}; // step ${i}`);
  lines.push('  return value0;', '}', '');
  return lines.join('\n');
}

/** Many small edits by several authors, with a rename every 100 commits and a merge every 50. */
function buildRepository(commits: number, dir: string): void {
  const random = prng(7);
  const stamps = Array.from({ length: FILES }, () => Array.from({ length: 60 }, () => 0));
  const names = Array.from({ length: FILES }, (_, i) => `src/area${i % 12}/service${i}.js`);
  const authors = ['Ada', 'Grace', 'Edsger', 'Barbara', 'Ken', 'Radia'].map((n) => ({ name: n, email: `${n.toLowerCase()}@example.com` }));
  const b = new TestRepoBuilder();
  const start = Date.parse('2024-01-01T00:00:00Z');
  b.commit({ message: 'Initial import', date: new Date(start).toISOString(), files: Object.fromEntries(names.map((n, i) => [n, source(i, stamps[i])])) });
  for (let c = 1; c < commits; c++) {
    const date = new Date(start + c * 1_800_000).toISOString();
    const author = authors[c % authors.length];
    if (c % 50 === 0) {
      b.branch('topic');
      const i = Math.floor(random() * FILES);
      stamps[i][Math.floor(random() * 60)] = c;
      b.commit({ message: `Topic work ${c}`, author, date, files: { [names[i]]: source(i, stamps[i]) } });
      b.checkout('main');
      c++;
      b.commit({ message: `Merge topic ${c}`, author, date: new Date(start + c * 1_800_000).toISOString(), merge: ['topic'] });
      continue;
    }
    const files: Record<string, string> = {};
    const renames: [string, string][] = [];
    if (c % 100 === 1) {
      const i = Math.floor(random() * FILES);
      const moved = names[i].replace('.js', `_v${c}.js`);
      renames.push([names[i], moved]);
      names[i] = moved;
    }
    for (let t = 1 + Math.floor(random() * 3); t > 0; t--) {
      const i = Math.floor(random() * FILES);
      for (let e = 1 + Math.floor(random() * 4); e > 0; e--) stamps[i][Math.floor(random() * 60)] = c;
      files[names[i]] = source(i, stamps[i]);
    }
    b.commit({ message: `Change ${c}\n\nTouches ${Object.keys(files).length} files.`, author, date, files, renames });
  }
  b.build(dir);
}

/** Runs git with stdin, discarding stdout; resolves with the bytes read. */
function rawGit(cwd: string, args: string[], input?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
    let bytes = 0;
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(bytes) : reject(new Error(`git exited with ${code}`))));
    child.stdin.end(input ?? '');
  });
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const commits = option('commits', 2000);
  const runs = option('runs', 5);
  const dir = mkdtempSync(join(tmpdir(), 'causelens-history-bench-'));
  try {
    const built = await timed(async () => buildRepository(commits, dir));
    const repo: GitRepository = { root: dir };
    const window = await selectCandidateWindow(repo, undefined, { sinceDays: 3650, maxCommits: commits });
    const shas = `${window.commits.join('\n')}\n`;
    const plainArgs = ['log', '-p', `--max-count=${window.commits.length}`, window.revision];
    const sameArgs = [...SAFE_GIT_CONFIG.flatMap((c) => ['-c', c]), ...logPatchArgs()];
    const samples = { plain: [] as number[], same: [] as number[], ours: [] as number[], raw: [] as number[] };
    let bytes = 0;
    let hunks = 0;
    let yielded = 0;
    for (let r = 0; r < runs; r++) {
      const plain = await timed(() => rawGit(dir, plainArgs));
      samples.plain.push(plain.ms);
      samples.same.push((await timed(() => rawGit(dir, sameArgs, shas))).ms);
      bytes = plain.value;
      const ours = await timed(async () => {
        let count = 0;
        let hunkCount = 0;
        for await (const diff of streamCommitDiffs(repo, window)) {
          count++;
          for (const f of diff.files) hunkCount += f.hunks.length;
        }
        return { count, hunkCount };
      });
      samples.ours.push(ours.ms);
      samples.raw.push((await timed(async () => {
        for await (const records of streamRawCommits(repo, window, { knownCommits: true })) void records;
      })).ms);
      yielded = ours.value.count;
      hunks = ours.value.hunkCount;
    }
    const plainMs = median(samples.plain);
    const sameMs = median(samples.same);
    const oursMs = median(samples.ours);
    const rawMs = median(samples.raw);
    console.log(`History read: ${window.commits.length}-commit window (${yielded} commits, ${hunks} hunks parsed), repo built in ${(built.ms / 1000).toFixed(1)} s, median of ${runs} runs`);
    console.log('');
    console.log('| measurement | time (ms) | ratio to plain `git log -p` |');
    console.log('|---|---:|---:|');
    console.log(`| plain \`git log -p -n ${window.commits.length}\` (${(bytes / 1e6).toFixed(1)} MB, output discarded) | ${plainMs.toFixed(0)} | 1.00 |`);
    console.log(`| raw git with CauseLens's arguments (-U0, --stdin, safe config), output discarded | ${sameMs.toFixed(0)} | ${(sameMs / plainMs).toFixed(2)} |`);
    console.log(`| CauseLens \`streamCommitDiffs\` (simple-git, incremental parse, CommitDiff objects) | ${oursMs.toFixed(0)} | ${(oursMs / plainMs).toFixed(2)} |`);
    console.log(`| CauseLens \`streamRawCommits\` (commit records cut from the bytes, diffs left to the workers) | ${rawMs.toFixed(0)} | ${(rawMs / plainMs).toFixed(2)} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
