// Speed and scale of a whole investigation (incident -> complete ranking) on a generated
// repository, for windows of 100, 1,000 and 10,000 commits, each set against plain
// `git log -p` over the same window measured in the same run, with 1 and 2 workers.

import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { createCodeModel, locateFramesAtRevision } from '../src/core/engine';
import { logPatchArgs, SAFE_GIT_CONFIG } from '../src/core/git';
import { readIncident } from '../src/core/incident';
import { investigate } from '../src/core/investigation';
import { TestRepoBuilder, type BuiltRepo } from '../test/support/gitRepo';

export interface SpeedRow {
  commits: number;
  /** Candidates the investigation actually scored (the window it saw). */
  scored: number;
  gitLogMs: number;
  workers: number;
  totalMs: number;
  firstResultMs: number;
  peakRssMb: number;
  ratio: number;
}

/** Deterministic pseudo-random numbers, so every run builds the same history. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const FILES = 120;
const FILE_LINES = 80;

function fileBody(index: number, version: number[]): string {
  const lines = [`// module ${index}`, `function handler${index}(input) {`];
  for (let l = 0; l < FILE_LINES; l++) lines.push(`  const v${l} = input.field${l % 7} + ${version[l] ?? 0};`);
  lines.push('  return v0;', '}', `module.exports = { handler${index} };`);
  return `${lines.join('\n')}\n`;
}

/** A repository whose every commit edits one to three files among many, by several authors. */
export function buildSpeedRepo(commits: number, dir: string): BuiltRepo {
  const random = prng(42);
  const versions = Array.from({ length: FILES }, () => new Array<number>(FILE_LINES).fill(0));
  const authors = ['Ada', 'Grace', 'Linus', 'Barbara', 'Ken'].map((n) => ({ name: n, email: `${n.toLowerCase()}@example.com` }));
  const b = new TestRepoBuilder();
  const initial: Record<string, string> = {};
  for (let i = 0; i < FILES; i++) initial[`src/mod${i}.js`] = fileBody(i, versions[i]);
  b.commit({ message: 'initial import', files: initial, date: '2024-01-01T00:00:00Z' });
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let c = 1; c < commits; c++) {
    const files: Record<string, string> = {};
    const touched = 1 + Math.floor(random() * 3);
    for (let t = 0; t < touched; t++) {
      const i = Math.floor(random() * FILES);
      for (let e = 0; e < 1 + Math.floor(random() * 4); e++) versions[i][Math.floor(random() * FILE_LINES)] = c;
      files[`src/mod${i}.js`] = fileBody(i, versions[i]);
    }
    b.commit({ message: `change ${c}`, author: authors[c % authors.length], date: new Date(start + c * 600_000).toISOString(), files });
  }
  return b.build(dir);
}

/**
 * Builds the repository in a child process: the generator leaves hundreds of MB of heap behind,
 * which would make every process this one starts (git, for both sides of the comparison) slower
 * to fork and would count in the peak memory of the investigation.
 */
function buildInChildProcess(commits: number): Pick<BuiltRepo, 'dir' | 'git' | 'cleanup'> {
  const dir = mkdtempSync(join(tmpdir(), 'causelens-speed-'));
  execFileSync(process.execPath, [__filename, '--build', String(commits), dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  return {
    dir,
    git: (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

async function timeGitLog(repo: Pick<BuiltRepo, 'dir'>, shas: string[]): Promise<number> {
  const started = process.hrtime.bigint();
  await new Promise<void>((resolve, reject) => {
    const args = [...SAFE_GIT_CONFIG.flatMap((c) => ['-c', c]), ...logPatchArgs()];
    const child = spawn('git', args, { cwd: repo.dir, stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.on('data', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git log exited ${code}`))));
    child.stdin.end(`${shas.join('\n')}\n`);
  });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function runSpeedBenchmark(windows = [100, 1000, 10000], workerCounts = [1, 2]): Promise<SpeedRow[]> {
  const largest = Math.max(...windows);
  const repo = buildInChildProcess(largest);
  try {
    const head = repo.git('rev-parse', 'HEAD').trim();
    const crashFile = repo.git('log', '-1', '--format=', '--name-only', head).trim().split('\n')[0];
    const incident = readIncident(`TypeError: Cannot read properties of undefined (reading 'field3')\n    at handler (/app/${crashFile}:20:30)\n    at main (/app/src/main.js:3:1)\n`);
    const rows: SpeedRow[] = [];
    // One unmeasured run first, so no row pays for loading code and grammars.
    await investigate(incident, { repoPath: repo.dir, revision: head, sinceDays: 10_000, maxCommits: 50, workers: 1, locateFrames: locateFramesAtRevision, codeModel: createCodeModel });
    for (const commits of windows) {
      const shas = repo.git('rev-list', `--max-count=${commits}`, head).trim().split('\n');
      await timeGitLog(repo, shas); // warm the page cache so neither side pays for the first read
      const gitLogMs = await timeGitLog(repo, shas);
      for (const workers of workerCounts) {
        const rss = sampleRss();
        const result = await investigate(incident, {
          repoPath: repo.dir, revision: head, sinceDays: 10_000, maxCommits: commits, workers, top: 5,
          locateFrames: locateFramesAtRevision, codeModel: createCodeModel,
        });
        const peak = rss.stop();
        rows.push({
          commits, scored: result.stats.scored, gitLogMs: round(gitLogMs), workers, totalMs: result.stats.elapsedMs, firstResultMs: result.stats.timeToFirstResultMs ?? -1,
          peakRssMb: round(peak / 2 ** 20), ratio: round(result.stats.elapsedMs / gitLogMs, 2),
        });
      }
    }
    return rows;
  } finally {
    repo.cleanup();
  }
}

function round(x: number, digits = 0): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

export function speedTable(rows: readonly SpeedRow[]): string {
  const lines = ['| window (commits) | scored | `git log -p` ms | workers | incident -> ranking ms | ratio to git log | first result ms | peak RSS MB |', '|---:|---:|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.commits} | ${r.scored} | ${r.gitLogMs} | ${r.workers} | ${r.totalMs} | ${r.ratio}x | ${r.firstResultMs} | ${r.peakRssMb} |`);
  const speedups = [...new Set(rows.map((r) => r.commits))].map((n) => {
    const one = rows.find((r) => r.commits === n && r.workers === 1);
    const two = rows.find((r) => r.commits === n && r.workers === 2);
    return one && two ? `${n}: ${round(one.totalMs / two.totalMs, 2)}x` : '';
  });
  lines.push('', `Speed-up from 1 to 2 workers (same run): ${speedups.filter(Boolean).join(', ')}.`);
  return lines.join('\n');
}

if (require.main === module && process.argv[2] === '--build') {
  buildSpeedRepo(Number(process.argv[3]), process.argv[4]);
} else if (require.main === module) {
  void runSpeedBenchmark(process.argv[2] ? process.argv[2].split(',').map(Number) : undefined).then((rows) => console.log(speedTable(rows)));
}
