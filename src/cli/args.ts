// Parses `causelens investigate …` arguments (node's parseArgs) into typed options, with a
// one-line reason for anything wrong, which the CLI prints before exiting with code 2.

import { parseArgs } from 'node:util';
import { DEFAULT_MIN_COMMITS, DEFAULT_OLDER_RELATED_COMMITS } from '../core/investigation';

export const USAGE = `Usage: causelens investigate --repo DIR [--rev SHA] (--stack FILE | --event FILE | --trace FILE | --sentry-issue ID) [options]

Incident (one of):
  --stack FILE          stack trace text (- for standard input)
  --event FILE          Sentry event JSON (API or SDK form)
  --trace FILE          OpenTelemetry OTLP/JSON or Jaeger JSON trace
  --sentry-issue ID     a Sentry issue, read through the REST API (SENTRY_AUTH_TOKEN,
                        --sentry-url, --sentry-org; default URL https://sentry.io)
Options:
  --repo DIR            the git repository (default: current directory)
  --rev SHA             revision the incident ran (default: the release commit, else HEAD)
  --window-days N       days of history before the incident (default 14)
  --min-commits N       the day window reaches back at least N commits (default ${DEFAULT_MIN_COMMITS};
                        1 for the days alone)
  --max-commits N       most candidate commits (default 500)
  --older-commits N     a day window also takes up to N older commits that changed the
                        frames' files, the code they call or the files they import, and
                        up to N more of the crash site's own code further back
                        (default ${DEFAULT_OLDER_RELATED_COMMITS}; 0 for none)
  --window all          the whole history, limited to commits touching related code
  --previous-release R  the release before the failing one (window lower bound)
  --top N               causes to print (default 5)
  --workers N           worker threads (default: one per core)
  --budget-ms N         stop scoring after N ms with the best ranking so far
  --explain             explain the top 3 causes (offline unless CAUSELENS_LLM_BASE_URL is set)
  --allow-llm           agree to send the shown code to that endpoint (asked once per endpoint)
  --repro CMD           causal test: revert each top cause in a temporary worktree, run CMD
                        there and mark the cause confirmed when the symptom disappears
  --repro-top N         how many causes to test that way (default 3)
  --repro-symptom TEXT  text that shows the symptom in CMD's output (default: the error's
                        type and message)
  --json                print JSON instead of the table
  -h, --help            this help`;

export interface InvestigateArgs {
  repo: string;
  rev?: string;
  input: { kind: 'stack' | 'event' | 'trace'; path: string } | { kind: 'sentry-issue'; id: string };
  windowDays: number;
  minCommits: number;
  maxCommits: number;
  olderCommits: number;
  windowAll: boolean;
  previousRelease?: string;
  top: number;
  workers?: number;
  budgetMs?: number;
  explain: boolean;
  allowLlm: boolean;
  repro?: { command: string; top: number; symptom?: string };
  json: boolean;
  sentryUrl: string;
  sentryOrg?: string;
}

export class UsageError extends Error {}

function positiveInt(name: string, value: string | undefined, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number of at least 1, not "${value}"`);
  return n;
}

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number (0 or more), not "${value}"`);
  return n;
}

export function parseInvestigateArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): InvestigateArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        repo: { type: 'string' }, rev: { type: 'string' },
        stack: { type: 'string' }, event: { type: 'string' }, trace: { type: 'string' }, 'sentry-issue': { type: 'string' },
        'window-days': { type: 'string' }, 'max-commits': { type: 'string' }, 'min-commits': { type: 'string' }, 'older-commits': { type: 'string' }, window: { type: 'string' },
        'previous-release': { type: 'string' }, top: { type: 'string' }, workers: { type: 'string' }, 'budget-ms': { type: 'string' },
        explain: { type: 'boolean', default: false }, 'allow-llm': { type: 'boolean', default: false }, json: { type: 'boolean', default: false },
        repro: { type: 'string' }, 'repro-top': { type: 'string' }, 'repro-symptom': { type: 'string' },
        'sentry-url': { type: 'string' }, 'sentry-org': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const sources = (['stack', 'event', 'trace', 'sentry-issue'] as const).filter((k) => v[k] !== undefined);
  if (sources.length !== 1) throw new UsageError(sources.length === 0 ? 'give the incident with one of --stack, --event, --trace or --sentry-issue' : `give only one of ${sources.map((s) => `--${s}`).join(', ')}`);
  const source = sources[0];
  if (v.window !== undefined && v.window !== 'all') throw new UsageError(`--window takes only "all" (use --window-days N for a day window)`);
  const input = source === 'sentry-issue' ? { kind: source, id: v['sentry-issue']! } : { kind: source, path: v[source]! };
  return {
    repo: v.repo ?? '.',
    ...(v.rev ? { rev: v.rev } : {}),
    input,
    windowDays: positiveInt('window-days', v['window-days'], 14)!,
    minCommits: positiveInt('min-commits', v['min-commits'], DEFAULT_MIN_COMMITS)!,
    maxCommits: positiveInt('max-commits', v['max-commits'], 500)!,
    olderCommits: wholeNumber('older-commits', v['older-commits'], DEFAULT_OLDER_RELATED_COMMITS),
    windowAll: v.window === 'all',
    ...(v['previous-release'] ? { previousRelease: v['previous-release'] } : {}),
    top: positiveInt('top', v.top, 5)!,
    ...(v.workers !== undefined ? { workers: positiveInt('workers', v.workers, undefined) } : {}),
    ...(v['budget-ms'] !== undefined ? { budgetMs: positiveInt('budget-ms', v['budget-ms'], undefined) } : {}),
    explain: Boolean(v.explain),
    allowLlm: Boolean(v['allow-llm']),
    ...(v.repro ? { repro: { command: v.repro, top: positiveInt('repro-top', v['repro-top'], 3)!, ...(v['repro-symptom'] ? { symptom: v['repro-symptom'] } : {}) } } : {}),
    json: Boolean(v.json),
    sentryUrl: v['sentry-url'] ?? env.SENTRY_URL ?? 'https://sentry.io',
    ...((v['sentry-org'] ?? env.SENTRY_ORG) ? { sentryOrg: v['sentry-org'] ?? env.SENTRY_ORG } : {}),
  };
}
