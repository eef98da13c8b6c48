// The causal test: revert a top candidate in a temporary git worktree, run the user's
// reproduction command there, and see whether the symptom goes away. A candidate whose revert
// removes the symptom is confirmed. Off unless a command is configured; worktrees are always
// removed, whatever happens.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CauseLensError } from '../errors';
import { runGit, type GitRepository } from '../git/gitClient';
import type { Incident } from '../incident/model';
import type { RankedCause } from './ranking';

export type InterventionOutcome = 'confirmed' | 'not-confirmed' | 'revert-conflict' | 'timeout' | 'error';

export interface InterventionResult {
  sha: string;
  outcome: InterventionOutcome;
  detail: string;
  durationMs: number;
}

export interface InterventionOptions {
  revision: string;
  /** Shell command that reproduces the incident, run in the worktree's root. */
  command: string;
  /** Text whose presence in the command's output means the symptom is there. */
  symptom: string;
  timeoutMs?: number;
  parallel?: number;
  signal?: AbortSignal;
}

interface CommandRun {
  output: string;
  exitCode: number | null;
  timedOut: boolean;
}

/** Runs the reproduction command with a time limit; output is capped so a chatty run stays bounded. */
function runCommand(command: string, cwd: string, timeoutMs: number, signal?: AbortSignal): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
    let output = '';
    const collect = (chunk: Buffer) => {
      if (output.length < 1_000_000) output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    const onAbort = () => killGroup();
    signal?.addEventListener('abort', onAbort);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve({ output, exitCode, timedOut });
    });
  });
}

/** A detached worktree at `revision` that exists only while `use` runs. */
async function withWorktree<T>(repo: GitRepository, revision: string, use: (dir: string) => Promise<T>): Promise<T> {
  const parent = mkdtempSync(join(tmpdir(), 'causelens-revert-'));
  const dir = join(parent, 'tree');
  try {
    await runGit(repo, ['worktree', 'add', '--detach', '--quiet', dir, revision]);
    return await use(dir);
  } finally {
    await runGit(repo, ['worktree', 'remove', '--force', dir]).catch(() => undefined);
    rmSync(parent, { recursive: true, force: true });
    await runGit(repo, ['worktree', 'prune']).catch(() => undefined);
  }
}

async function testCandidate(repo: GitRepository, sha: string, options: InterventionOptions, timeoutMs: number): Promise<InterventionResult> {
  const started = Date.now();
  const done = (outcome: InterventionOutcome, detail: string): InterventionResult => ({ sha, outcome, detail, durationMs: Date.now() - started });
  return withWorktree(repo, options.revision, async (dir) => {
    try {
      await runGit(dir, ['-c', 'user.name=CauseLens', '-c', 'user.email=causelens@localhost', 'revert', '--no-commit', '--no-edit', sha]);
    } catch (error) {
      return done('revert-conflict', `Reverting ${sha.slice(0, 8)} on top of the incident's revision conflicts: ${(error as Error).message.split('\n')[0]}`);
    }
    const run = await runCommand(options.command, dir, timeoutMs, options.signal);
    if (options.signal?.aborted) throw new CauseLensError('cancelled', 'The reproduction runs were cancelled.');
    if (run.timedOut) return done('timeout', `The reproduction command ran past ${Math.round(timeoutMs / 1000)} s with ${sha.slice(0, 8)} reverted.`);
    return run.output.includes(options.symptom)
      ? done('not-confirmed', `With ${sha.slice(0, 8)} reverted the symptom is still there (exit code ${run.exitCode}).`)
      : done('confirmed', `With ${sha.slice(0, 8)} reverted the symptom is gone (exit code ${run.exitCode}).`);
  });
}

/**
 * Checks that the command reproduces the symptom at the revision, then reverts each candidate
 * in its own worktree (a few at a time) and reruns it.
 */
export async function testByReverting(repo: GitRepository, candidates: readonly string[], options: InterventionOptions): Promise<InterventionResult[]> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  if (!options.symptom.trim()) throw new CauseLensError('bad-input', 'The symptom to look for in the reproduction output is empty.');
  const baseline = await withWorktree(repo, options.revision, (dir) => runCommand(options.command, dir, timeoutMs, options.signal));
  if (options.signal?.aborted) throw new CauseLensError('cancelled', 'The reproduction runs were cancelled.');
  if (baseline.timedOut || !baseline.output.includes(options.symptom)) {
    throw new CauseLensError('bad-input', `The reproduction command does not show the symptom "${options.symptom}" at the incident's revision${baseline.timedOut ? ' (it timed out)' : ` (exit code ${baseline.exitCode})`}, so reverting cannot test anything. Check the command and the symptom text.`);
  }
  const results: InterventionResult[] = new Array(candidates.length);
  let next = 0;
  const parallel = Math.max(1, Math.min(options.parallel ?? 2, candidates.length));
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < candidates.length) {
      const i = next++;
      results[i] = await testCandidate(repo, candidates[i], options, timeoutMs).catch((error: unknown) => {
        if (error instanceof CauseLensError && error.reason === 'cancelled') throw error;
        return { sha: candidates[i], outcome: 'error' as const, detail: (error as Error).message, durationMs: 0 };
      });
    }
  }));
  return results;
}

/** The text that marks the symptom in a reproduction's output: the error's type and message start. */
export function defaultSymptom(incident: Incident): string {
  const e = incident.exceptions.at(-1) ?? incident.exceptions[0];
  if (!e) return '';
  const type = e.type.split('.').pop() ?? e.type;
  const message = e.message.split('\n')[0].slice(0, 60);
  return message ? `${type}: ${message}` : type;
}

/** Adds the causal test's verdicts to the causes; confirmed causes move to the front, in order. */
export function applyInterventions(causes: readonly RankedCause[], results: readonly InterventionResult[]): RankedCause[] {
  const bySha = new Map(results.map((r) => [r.sha, r]));
  const updated = causes.map((cause) => {
    const r = bySha.get(cause.commit.sha);
    if (!r || (r.outcome !== 'confirmed' && r.outcome !== 'not-confirmed')) return r ? { ...cause, evidence: [...cause.evidence, { kind: 'intervention' as const, weight: 0, message: r.detail }] } : cause;
    const confirmed = r.outcome === 'confirmed';
    return { ...cause, confirmed, evidence: [{ kind: 'intervention' as const, weight: confirmed ? 10 : -1, message: r.detail }, ...cause.evidence] };
  });
  const ordered = [...updated.filter((c) => c.confirmed), ...updated.filter((c) => !c.confirmed)];
  return ordered.map((c, i) => ({ ...c, rank: i + 1 }));
}
