// The causelens command line: the same engine as the extension, for terminals, CI and benchmarks.

import { readFileSync } from 'node:fs';
import { isCauseLensError } from '../core/errors';
import { readIncident } from '../core/incident';
import { summarizeIncident } from '../core/investigation';

const USAGE = `Usage: causelens investigate --stack FILE [--json]
  --stack FILE   a stack trace as text (- for standard input)
  --json         print JSON instead of the human summary`;

export function runCli(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    out(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'investigate') {
    process.stderr.write(`causelens: unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }
  const stackIndex = rest.indexOf('--stack');
  const stackPath = stackIndex >= 0 ? rest[stackIndex + 1] : undefined;
  if (!stackPath) {
    process.stderr.write(`causelens: --stack FILE is required\n`);
    return 2;
  }
  try {
    const text = readFileSync(stackPath === '-' ? 0 : stackPath, 'utf8');
    const incident = readIncident(text);
    const summary = summarizeIncident(incident);
    if (rest.includes('--json')) out(`${JSON.stringify({ incident, summary }, null, 2)}\n`);
    else out(`${summary.title}\n  ${summary.frameCount} frames, ${summary.inAppFrameCount} in the application\n`);
    return 0;
  } catch (error) {
    if (isCauseLensError(error) && error.reason === 'bad-input') {
      process.stderr.write(`causelens: ${error.message}\n`);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write(`causelens: no such file: ${stackPath}\n`);
      return 2;
    }
    process.stderr.write(`causelens: internal error: ${(error as Error).stack ?? error}\n`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2));
}
