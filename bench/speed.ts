// Speed and scale of a whole investigation (incident -> complete ranking) on a generated
// repository, for windows of 100, 1,000 and 10,000 commits, each set against plain
// `git log -p` over the same window measured in the same run, with 1 and 2 workers.

import { execFileSync, spawn } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createCodeModel, forgetKeptFiles, locateFramesAtRevision } from '../src/core/engine';
import { logPatchArgs, SAFE_GIT_CONFIG } from '../src/core/git';
import { defaultModel } from '../src/core/analysis/model';
import { HypothesisPool } from '../src/core/analysis/pool';
import { SwarmScoring } from '../src/core/analysis/swarm';
import { WindowLineTracking } from '../src/core/analysis/windowTracking';
import type { HypothesisContext } from '../src/core/analysis/hypothesis';
import { readRawCommits } from '../src/core/git/commitStream';
import type { RawCommit } from '../src/core/git/patchParser';
import { readIncident } from '../src/core/incident';
import type { Incident } from '../src/core/incident/model';
import { DEFAULT_OLDER_RELATED_COMMITS, investigate } from '../src/core/investigation';
import { TestRepoBuilder, type BuiltRepo } from '../test/support/gitRepo';

export interface SpeedRow {
  commits: number;
  /** Candidates the investigation actually scored (the window it saw). */
  scored: number;
  /** Plain `git log -p` over the window (the issue's yardstick; as in the history bench). */
  gitLogMs: number;
  /** git with CauseLens's own arguments (-U0, renames, safe config) over the window: the stricter yardstick. */
  sameGitMs: number;
  /** 'cold': a new pool per run (what each CLI run pays); 'warm': one pool kept across runs (the extension). */
  pool: 'cold' | 'warm';
  workers: number;
  totalMs: number;
  firstResultMs: number;
  peakRssMb: number;
  ratio: number;
  /** Against git with CauseLens's own arguments. */
  sameGitRatio: number;
  /** CPU time of this process (main thread and workers) during the run. */
  nodeCpuMs: number;
  /** CPU time of the git processes the run started (Linux only; -1 elsewhere). */
  gitCpuMs: number;
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

/** CPU ms of this process's finished children (git), from /proc; undefined off Linux. */
function childrenCpuMs(): number | undefined {
  try {
    // Fields after the parenthesised command name; cutime and cstime are the 14th and 15th of them.
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** CPU used between start and stop: this process (all threads) and its git children. */
function sampleCpu(): { stop(): { nodeCpuMs: number; gitCpuMs: number } } {
  const node = process.cpuUsage();
  const git = childrenCpuMs();
  return {
    stop: () => {
      const used = process.cpuUsage(node);
      const gitNow = childrenCpuMs();
      return { nodeCpuMs: round((used.user + used.system) / 1000), gitCpuMs: git !== undefined && gitNow !== undefined ? round(gitNow - git) : -1 };
    },
  };
}

/** Runs git with the output read and discarded; `input` goes to its stdin. */
async function timeGit(repo: Pick<BuiltRepo, 'dir'>, args: string[], input = ''): Promise<number> {
  const started = process.hrtime.bigint();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', args, { cwd: repo.dir, stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.on('data', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git ${args.join(' ')} exited ${code}`))));
    child.stdin.end(input);
  });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Plain `git log -p` over the window, as a person would type it (the issue's yardstick). */
function timePlainGitLog(repo: Pick<BuiltRepo, 'dir'>, head: string, commits: number): Promise<number> {
  return timeGit(repo, ['-c', 'core.pager=cat', 'log', '-p', `--max-count=${commits}`, head]);
}

/** git with the arguments of the investigation's history read, over the same commits listed on stdin (the walk it reads costs git the same). */
function timeSameGitLog(repo: Pick<BuiltRepo, 'dir'>, shas: string[]): Promise<number> {
  return timeGit(repo, [...SAFE_GIT_CONFIG.flatMap((c) => ['-c', c]), ...logPatchArgs()], `${shas.join('\n')}\n`);
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface SpeedSetup {
  repo: Pick<BuiltRepo, 'dir'>;
  head: string;
  /** Incidents on different files: each run takes the next, so none repeats the one before. */
  incidents: Incident[];
  next: number;
}

/** A crash in `file` at a line every generated file has. */
function incidentIn(file: string): Incident {
  return readIncident(`TypeError: Cannot read properties of undefined (reading 'field3')\n    at handler (/app/${file}:20:30)\n    at main (/app/src/main.js:3:1)\n`);
}

/**
 * One measured investigation; `pool` given: the warm case, else the run makes (and closes) its own
 * and finds nothing kept from earlier runs (a CLI run reads and parses everything afresh).
 * The rows time the window alone (`olderRelatedCommits` 0); `olderCommitsLine` times what a
 * default run's older commits of the related code add.
 */
async function measureRun(setup: SpeedSetup, commits: number, workers: number, pool: HypothesisPool | undefined, gitLogMs: number, olderRelatedCommits = 0): Promise<SpeedRow & { older: number }> {
  const incident = setup.incidents[setup.next++ % setup.incidents.length];
  if (!pool) forgetKeptFiles();
  const rss = sampleRss();
  const cpu = sampleCpu();
  const result = await investigate(incident, {
    repoPath: setup.repo.dir, revision: setup.head, sinceDays: 10_000, maxCommits: commits, workers, top: 5, olderRelatedCommits,
    locateFrames: locateFramesAtRevision, codeModel: createCodeModel, ...(pool ? { pool } : {}),
  });
  const used = cpu.stop();
  const peak = rss.stop();
  return {
    commits, scored: result.stats.scored, older: result.stats.olderRelatedCommits, gitLogMs: round(gitLogMs), sameGitMs: round(gitLogMs), pool: pool ? 'warm' : 'cold', workers, totalMs: result.stats.elapsedMs,
    firstResultMs: result.stats.timeToFirstResultMs ?? -1, peakRssMb: round(peak / 2 ** 20), ratio: round(result.stats.elapsedMs / gitLogMs, 2), sameGitRatio: round(result.stats.elapsedMs / gitLogMs, 2), ...used,
  };
}

/** The median run (by total time) of `repeats`, each configuration interleaved with the others so load on the machine hits all alike. */
function medianRow<T extends SpeedRow>(rows: T[]): T {
  const sorted = [...rows].sort((a, b) => a.totalMs - b.totalMs);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The swarm alone: records already read, fed to a warm pool (no git, no locating). */
export interface ScoringRow {
  commits: number;
  workers: number;
  ms: number;
  nodeCpuMs: number;
}

/** A default run against the window alone, same window, pool and workers. */
export interface OlderRow {
  commits: number;
  olderLimit: number;
  /** Older commits the default runs took (median run). */
  older: number;
  withMs: number;
  withoutMs: number;
}

export interface SpeedResult {
  rows: SpeedRow[];
  scoring: ScoringRow[];
  older?: OlderRow;
}

/** Scores records in memory through a kept pool, as the investigation feeds them (line tracking included). */
async function timeScoring(pool: HypothesisPool, context: HypothesisContext, records: readonly RawCommit[]): Promise<{ ms: number; nodeCpuMs: number }> {
  async function* chunks(): AsyncGenerator<RawCommit[]> {
    for (let i = 0; i < records.length; i += 64) yield records.slice(i, i + 64);
  }
  const cpu = sampleCpu();
  const started = process.hrtime.bigint();
  const swarm = new SwarmScoring(pool, Promise.resolve(context), defaultModel(), undefined, () => undefined);
  await swarm.feed(chunks(), records.length, (c) => {
    const tracker = new WindowLineTracking(c.anchors.map((a) => a.path), new Set());
    return (record) => tracker.track(record);
  });
  const failure = await swarm.settle();
  if (failure) throw failure;
  if (swarm.scored.length !== records.length) throw new Error(`scored ${swarm.scored.length} of ${records.length}`);
  return { ms: round(Number(process.hrtime.bigint() - started) / 1e6), nodeCpuMs: cpu.stop().nodeCpuMs };
}

export async function runSpeedBenchmark(windows = [100, 1000, 10000], workerCounts = [1, 2], repeats = 5): Promise<SpeedResult> {
  const largest = Math.max(...windows);
  const repo = buildInChildProcess(largest);
  const pools = new Map<number, HypothesisPool>();
  try {
    const head = repo.git('rev-parse', 'HEAD').trim();
    // The files the latest commits changed, each the crash site of one incident.
    const crashFiles = [...new Set(repo.git('log', '-40', '--format=', '--name-only', head).split('\n').filter(Boolean))];
    const setup: SpeedSetup = { repo, head, incidents: crashFiles.map(incidentIn), next: 0 };
    const incident = setup.incidents[0];
    // One unmeasured run first, so no row pays for loading code and grammars in this process;
    // the warm pools get theirs so their workers have loaded and compiled the task.
    await investigate(incident, { repoPath: repo.dir, revision: head, sinceDays: 10_000, maxCommits: 50, workers: 1, locateFrames: locateFramesAtRevision, codeModel: createCodeModel });
    for (const workers of workerCounts) {
      const pool = new HypothesisPool({ workers });
      pools.set(workers, pool);
      await investigate(incident, { repoPath: repo.dir, revision: head, sinceDays: 10_000, maxCommits: 200, pool, locateFrames: locateFramesAtRevision, codeModel: createCodeModel });
    }
    const rows: SpeedRow[] = [];
    for (const commits of windows) {
      const shas = repo.git('rev-list', `--max-count=${commits}`, head).trim().split('\n');
      await timeSameGitLog(repo, shas); // warm the page cache so neither side pays for the first read
      const runs = new Map<string, SpeedRow[]>();
      const gitTimes: number[] = [];
      const sameGitTimes: number[] = [];
      for (let r = 0; r < repeats; r++) {
        gitTimes.push(await timePlainGitLog(repo, head, commits));
        sameGitTimes.push(await timeSameGitLog(repo, shas));
        for (const mode of ['cold', 'warm'] as const) {
          for (const workers of workerCounts) {
            const key = `${mode}/${workers}`;
            runs.set(key, [...(runs.get(key) ?? []), await measureRun(setup, commits, workers, mode === 'warm' ? pools.get(workers) : undefined, 1)]);
          }
        }
      }
      // Each ratio is to the median git time of the same runs.
      const gitLogMs = median(gitTimes);
      const sameGitMs = median(sameGitTimes);
      for (const measured of runs.values()) {
        const row = medianRow(measured);
        rows.push({ ...row, gitLogMs: round(gitLogMs), ratio: round(row.totalMs / gitLogMs, 2), sameGitMs: round(sameGitMs), sameGitRatio: round(row.totalMs / sameGitMs, 2) });
      }
    }
    const older = await timeOlderCommits(setup, pools.get(workerCounts[0])!, windows.includes(1000) ? 1000 : Math.min(...windows), repeats);
    // The swarm alone over the largest window: how scoring scales with workers once git is out of the way.
    const shas = repo.git('rev-list', `--max-count=${largest}`, head).trim().split('\n');
    const records = await readRawCommits({ root: repo.dir }, { commits: shas }, { knownCommits: true });
    const { context } = await investigate(incident, { repoPath: repo.dir, revision: head, sinceDays: 10_000, maxCommits: 10, pool: pools.get(workerCounts[0])!, locateFrames: locateFramesAtRevision, codeModel: createCodeModel });
    const timed = new Map<number, { ms: number; nodeCpuMs: number }[]>();
    for (let r = 0; r <= repeats; r++) {
      for (const workers of workerCounts) {
        const t = await timeScoring(pools.get(workers)!, context, records);
        if (r > 0) timed.set(workers, [...(timed.get(workers) ?? []), t]); // the first round only warms up
      }
    }
    const scoring = [...timed].map(([workers, ts]) => {
      const mid = [...ts].sort((a, b) => a.ms - b.ms)[Math.floor(ts.length / 2)];
      return { commits: records.length, workers, ...mid };
    });
    return { rows, scoring, older };
  } finally {
    await Promise.all([...pools.values()].map((p) => p.close()));
    repo.cleanup();
  }
}

/** What the older commits of the related code add to a default run, interleaved with runs of the window alone. */
async function timeOlderCommits(setup: SpeedSetup, pool: HypothesisPool, commits: number, repeats: number): Promise<OlderRow> {
  const withOlder: (SpeedRow & { older: number })[] = [];
  const without: SpeedRow[] = [];
  for (let r = 0; r < repeats; r++) {
    withOlder.push(await measureRun(setup, commits, pool.size, pool, 1, DEFAULT_OLDER_RELATED_COMMITS));
    without.push(await measureRun(setup, commits, pool.size, pool, 1, 0));
  }
  const mid = medianRow(withOlder);
  return { commits, olderLimit: DEFAULT_OLDER_RELATED_COMMITS, older: mid.older, withMs: mid.totalMs, withoutMs: medianRow(without).totalMs };
}

function round(x: number, digits = 0): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

export function speedTable({ rows, scoring, older }: SpeedResult, cores = cpus().length): string {
  const lines = [
    '| window (commits) | scored | `git log -p` ms (plain / ours) | pool | workers | incident -> ranking ms | ratio to plain `git log -p` | ratio to our git | first result ms | CPU ms: node / git | CPU floor ms | peak RSS MB |',
    '|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const floor = r.gitCpuMs >= 0 ? `${round((r.nodeCpuMs + r.gitCpuMs) / cores)}` : '';
    lines.push(`| ${r.commits} | ${r.scored} | ${r.gitLogMs} / ${r.sameGitMs} | ${r.pool} | ${r.workers} | ${r.totalMs} | ${r.ratio}x | ${r.sameGitRatio}x | ${r.firstResultMs} | ${r.nodeCpuMs} / ${r.gitCpuMs} | ${floor} | ${r.peakRssMb} |`);
  }
  const speedups = (pool: SpeedRow['pool']) =>
    [...new Set(rows.map((r) => r.commits))]
      .map((n) => {
        const one = rows.find((r) => r.commits === n && r.pool === pool && r.workers === 1);
        const two = rows.find((r) => r.commits === n && r.pool === pool && r.workers === 2);
        return one && two ? `${n}: ${round(one.totalMs / two.totalMs, 2)}x` : '';
      })
      .filter(Boolean)
      .join(', ');
  lines.push(
    '',
    `Speed-up from 1 to 2 workers (same run): cold pool ${speedups('cold')}; warm pool ${speedups('warm')}.`,
    '',
    `Each row is the median of its repeated runs, interleaved with the other rows. Each run investigates a crash in a different file than the run before, at the same commit. "cold": the investigation starts its own pool and nothing is kept from earlier runs (what one CLI run pays: worker start, module load and compilation, every file read and parsed). "warm": a pool and the commit's read and parsed files kept from earlier investigations (what the VS Code extension pays after its first at that commit). Plain \`git log -p\`: \`git log -p --max-count=N\` as typed (3 context lines); ours: the investigation's read arguments (no context lines, rename detection, safe config) over the listed commits, the stricter yardstick. CPU floor: the run's CPU time (this process and its git children) spread over the ${cores} cores, the least wall time any scheduling could reach.`,
    '',
    ...scoringLines(scoring),
    ...(older ? [`Older commits of the related code: a default run also takes up to ${older.olderLimit} older commits that changed the crash's files, the code they call or the files they import, and when those end soon up to as many more of the crash site's own code (the rows above leave them out, to time the window). With a ${older.commits}-commit window (warm, 1 worker, median of the runs, interleaved) it took ${older.older} of them and finished in ${older.withMs} ms, against ${older.withoutMs} ms for the window alone (${round(older.withMs / older.withoutMs, 2)}x). Listing them walks the history before the window (a year at most) until enough are found, so its cost grows with how rarely the related files change.`, ''] : []),
    ...targetLines(rows, cores, scoring),
  );
  return lines.join('\n');
}

/** The swarm alone, 1 against 2 workers. */
function scoringLines(scoring: readonly ScoringRow[]): string[] {
  if (scoring.length === 0) return [];
  const parts = scoring.map((r) => `${r.workers} worker${r.workers > 1 ? 's' : ''} ${r.ms} ms (CPU ${r.nodeCpuMs} ms)`);
  return [`Scoring alone (the same ${scoring[0].commits} commits already read into memory, fed to a kept pool with line tracking, median of the runs after a warm-up): ${parts.join(', ')}${scoringSpeedUp(scoring)}.`, ''];
}

function scoringSpeedUp(scoring: readonly ScoringRow[]): string {
  const one = scoring.find((r) => r.workers === 1);
  const two = scoring.find((r) => r.workers === 2);
  return one && two ? `: speed-up ${round(one.ms / two.ms, 2)}x` : '';
}

function cpuFloorMs(r: SpeedRow, cores: number): number | undefined {
  return r.gitCpuMs >= 0 ? (r.nodeCpuMs + r.gitCpuMs) / cores : undefined;
}

/**
 * The issue's targets against the rows, with what the CPU the runs needed allows: a ratio or
 * speed-up beyond its CPU floor is out of reach on this machine whatever the scheduling.
 */
function targetLines(rows: readonly SpeedRow[], cores: number, scoring: readonly ScoringRow[]): string[] {
  const out = ['Targets, read on the warm rows: the VS Code extension (the main surface) keeps one pool for every investigation, so that is what an investigation costs after the first; the cold rows are what each separate CLI run pays.'];
  const row = (commits: number, pool: SpeedRow['pool'], workers: number) => rows.find((r) => r.commits === commits && r.pool === pool && r.workers === workers);
  const describe = (r: SpeedRow | undefined) => {
    const floor = r && cpuFloorMs(r, cores);
    return r ? `${r.ratio}x with ${r.workers} worker${r.workers > 1 ? 's' : ''}${floor !== undefined ? ` (CPU floor ${round(floor / r.gitLogMs, 2)}x)` : ''}` : 'not measured';
  };
  const best = (pool: SpeedRow['pool']) => rows.filter((r) => r.commits === 1000 && r.pool === pool).sort((a, b) => a.ratio - b.ratio)[0];
  if (best('warm') || best('cold')) out.push(`- 1,000 commits, target <= 1.5x plain \`git log -p\`: warm ${describe(best('warm'))}; cold ${describe(best('cold'))}.`);
  const largest = Math.max(...rows.map((r) => r.commits));
  const one = row(largest, 'warm', 1);
  const two = row(largest, 'warm', 2);
  const twoFloor = two && cpuFloorMs(two, cores);
  if (one && two) {
    const bound = twoFloor ? `; the CPU the 2-worker run used allows at most ${round(one.totalMs / twoFloor, 2)}x on ${cores} cores` : '';
    const alone = scoringSpeedUp(scoring);
    out.push(`- Speed-up 1 -> 2 workers at ${largest} commits, target >= 1.6x: ${round(one.totalMs / two.totalMs, 2)}x (warm)${bound}${alone ? `; scoring alone${alone.slice(1)}` : ''}.`);
  }
  const peak = Math.max(...rows.filter((r) => r.commits === largest).map((r) => r.peakRssMb));
  out.push(`- Peak memory at ${largest} commits, target <= 500 MB: ${peak} MB (whole process, both warm pools alive).`);
  return out;
}

if (require.main === module && process.argv[2] === '--build') {
  buildSpeedRepo(Number(process.argv[3]), process.argv[4]);
} else if (require.main === module) {
  // speed.js [windows, e.g. 100,1000] [repeats]
  const [windows, repeats] = process.argv.slice(2);
  void runSpeedBenchmark(windows ? windows.split(',').map(Number) : undefined, undefined, repeats ? Number(repeats) : undefined).then((result) => console.log(speedTable(result)));
}
