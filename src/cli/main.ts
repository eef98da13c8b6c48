// The causelens command line: the same engine as the extension, for terminals, CI and benchmarks.
// Exit codes: 0 success, 2 bad input (one-line reason on stderr), 1 internal failure.

import { readFileSync } from 'node:fs';
import { isCauseLensError } from '../core/errors';
import { readIncident } from '../core/incident';
import type { Incident } from '../core/incident/model';
import { applyInterventions, defaultSymptom, testByReverting } from '../core/analysis/intervention';
import { openRepository } from '../core/git';
import { investigate } from '../core/investigation';
import { HypothesisPool } from '../core/analysis/pool';
import { languageForPath, loadLanguage } from '../core/ast';
import { createCodeModel, locateFramesAtRevision } from '../core/engine';
import { parseInvestigateArgs, USAGE, UsageError, type InvestigateArgs } from './args';
import { formatHuman, progressBar } from './format';

export interface CliIo {
  stdout: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
  stderr: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

const BAD_INPUT_REASONS = new Set(['bad-input', 'not-found', 'unauthorized', 'forbidden', 'outside-workspace', 'no-history']);

async function loadIncident(args: InvestigateArgs, io: CliIo): Promise<Incident> {
  if (args.input.kind === 'sentry-issue') {
    const { fetchIncidentFromSentry } = await import('./sentryInput');
    return fetchIncidentFromSentry(args, io.env, io.signal);
  }
  const text = readFileSync(args.input.path === '-' ? 0 : args.input.path, 'utf8');
  return readIncident(text);
}

/**
 * Starts loading the grammars of the languages the incident's frames are in. A fresh process
 * would load each on its first parse (~150 ms of WASM compilation on the critical path);
 * started here, that overlaps with the git starts before the first file is parsed.
 */
function warmUpGrammars(incident: Incident): void {
  const languages = new Set(incident.exceptions.flatMap((e) => e.frames.map((f) => languageForPath(f.file))));
  for (const id of languages) if (id) loadLanguage(id).catch(() => undefined);
}

export async function runCli(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command !== 'investigate') {
    io.stderr.write(`causelens: ${command === undefined ? 'no command given' : `unknown command "${command}"`}\n${USAGE}\n`);
    return 2;
  }
  let args: InvestigateArgs;
  try {
    const parsed = parseInvestigateArgs(rest, io.env);
    if (parsed === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    args = parsed;
  } catch (error) {
    io.stderr.write(`causelens: ${(error as Error).message}\n`);
    return 2;
  }

  const bar = progressBar(io.stderr as NodeJS.WriteStream);
  // The workers start first: their start-up (threads, modules, compilation) then overlaps with
  // reading the input and the first git reads instead of following them.
  let pool: HypothesisPool | undefined;
  try {
    pool = new HypothesisPool({ ...(args.workers ? { workers: args.workers } : {}) });
    const incident = await loadIncident(args, io);
    warmUpGrammars(incident);
    const result = await investigate(incident, {
      pool,
      repoPath: args.repo,
      ...(args.rev ? { revision: args.rev } : {}),
      sinceDays: args.windowDays,
      minCommits: args.minCommits,
      maxCommits: args.maxCommits,
      olderRelatedCommits: args.olderCommits,
      windowAll: args.windowAll,
      ...(args.previousRelease ? { previousRelease: args.previousRelease } : {}),
      top: args.top,
      ...(args.budgetMs ? { budgetMs: args.budgetMs } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      onProgress: (p) => bar.update(p),
      locateFrames: locateFramesAtRevision,
      codeModel: createCodeModel,
    });
    bar.clear();
    if (args.repro) {
      const results = await testByReverting(await openRepository(args.repo), result.causes.slice(0, args.repro.top).map((c) => c.commit.sha), {
        revision: result.stats.revision,
        command: args.repro.command,
        symptom: args.repro.symptom ?? defaultSymptom(incident),
        ...(io.signal ? { signal: io.signal } : {}),
      });
      result.causes = applyInterventions(result.causes, results);
    }
    // Loaded only when asked for: the explanation stack (an HTTP model client) costs ~100 ms to load.
    const explanations = args.explain ? await (await import('./explainCauses')).explainTopCauses(args.repo, result, { env: io.env, allowLlm: args.allowLlm, stderr: io.stderr, ...(io.signal ? { signal: io.signal } : {}) }) : [];
    if (args.json) {
      const { incident: inc, causes, stats, warnings } = result;
      const json = {
        incident: inc,
        causes: causes.map(({ features: _features, ...c }) => {
          const explanation = explanations.find((e) => e.sha === c.commit.sha);
          return explanation ? { ...c, explanation } : c;
        }),
        stats,
        warnings,
      };
      io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      io.stdout.write(formatHuman(result, explanations));
    }
    return 0;
  } catch (error) {
    bar.clear();
    if (error instanceof UsageError || (isCauseLensError(error) && BAD_INPUT_REASONS.has(error.reason))) {
      io.stderr.write(`causelens: ${(error as Error).message.split('\n')[0]}\n`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      io.stderr.write(`causelens: cannot read ${(error as NodeJS.ErrnoException).path ?? 'the input file'} (${code})\n`);
      return 2;
    }
    if (isCauseLensError(error) && error.reason === 'cancelled') {
      io.stderr.write('causelens: cancelled\n');
      return 130;
    }
    if (isCauseLensError(error) && error.reason !== 'internal') {
      // Timeouts, rate limits, server errors: the message already says what to do.
      io.stderr.write(`causelens: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`causelens: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  } finally {
    await pool?.close();
  }
}

if (require.main === module) {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal }).then((code) => {
    process.exitCode = code;
  });
}
