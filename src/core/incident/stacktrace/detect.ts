// Picks which runtime printed a stack trace by counting lines that only that runtime's format
// produces; the stack parsers then read the text.

import type { StackFormat } from './common';
import { PYTEST_LOCATION } from './pytest';

interface Signature {
  format: StackFormat;
  pattern: RegExp;
  weight: number;
}

const SIGNATURES: Signature[] = [
  { format: 'python', pattern: /^\s*(?:\|\s*)?File ".+", line \d+(, in .+)?\s*$/, weight: 3 },
  { format: 'python', pattern: /^(The above exception was the direct cause|During handling of the above exception)/, weight: 3 },
  // pytest's report: `tests/test_x.py:12: in test_x`, `pkg/x.py:13: KeyError`, and its `E   ` exception lines.
  { format: 'python', pattern: PYTEST_LOCATION, weight: 3 },
  { format: 'python', pattern: /^E {2,}\S/, weight: 1 },
  { format: 'java', pattern: /^\s*at [\w$.\/@-]+\((?:[\w$-]+\.(?:java|kt|kts|scala|groovy|clj)(?::\d+)?|Native Method|Unknown Source)\)/, weight: 3 },
  { format: 'java', pattern: /^\s*Caused by: [\w$.]+/, weight: 2 },
  { format: 'java', pattern: /^\s*\.\.\. \d+ (more|common frames omitted)\s*$/, weight: 2 },
  { format: 'dotnet', pattern: /^\s*at .+\(.*\) in .+:line \d+\s*$/, weight: 3 },
  { format: 'dotnet', pattern: /^\s*at .+ \(.*\) \[0x[0-9a-fA-F]+\] in .+:\d+\s*$/, weight: 3 }, // Mono
  { format: 'dotnet', pattern: /^\s*--- End of (inner exception|stack trace from previous location)/, weight: 3 },
  { format: 'dotnet', pattern: /^\s*at [\w.`<>\[\],]+\((?:[\w.`<>\[\],&*]+ \w+(?:, )?)*\)\s*$/, weight: 1 },
  { format: 'v8', pattern: /^\s*at (?:.+ \()?.*:\d+:\d+\)?\s*\{?\s*$/, weight: 3 },
  { format: 'v8', pattern: /^\s*at (?:async )?[\w$.<>\[\] ]+ \((?:<anonymous>|native|index \d+)\)\s*$/, weight: 1 },
  { format: 'firefox', pattern: /^\s*(?:[^@\s(][^@(]*)?@(?:[a-z-]+:\/\/|\/|\[native code\]|.+ line \d+ > ).*?(?::\d+(?::\d+)?)?\s*$/, weight: 3 },
  { format: 'go', pattern: /^goroutine \d+ \[[^\]]*\]:?\s*$/, weight: 5 },
  { format: 'go', pattern: /^\s+\S+\.go:\d+(?: \+0x[0-9a-fA-F]+)?\s*$/, weight: 3 },
  { format: 'go', pattern: /^panic: /, weight: 1 },
  { format: 'ruby', pattern: /^\s*(?:\d+: )?from \S.*:\d+:in [`']/, weight: 3 },
  { format: 'ruby', pattern: /^\S.*\.(?:rb|erb|rake):\d+:in [`']/, weight: 3 },
  { format: 'php', pattern: /^\s*#\d+ (?:.+\(\d+\)|\[internal function\]): /, weight: 3 },
  { format: 'php', pattern: /^\s*#\d+ \{main\}\s*$/, weight: 3 },
  { format: 'php', pattern: /(?:PHP )?(?:Fatal error: +)?Uncaught .+ in .+:\d+\s*$/, weight: 2 },
];

/** Lines looked at: enough for a verdict without scanning a huge trace. */
const SAMPLE_LINES = 400;

/** The runtime whose stack format the text is in, or undefined when none is recognised. */
export function detectStackFormat(text: string | string[]): StackFormat | undefined {
  const lines = typeof text === 'string' ? sampleText(text).split(/\r?\n/) : text;
  const sample = lines.length > SAMPLE_LINES ? lines.slice(0, SAMPLE_LINES / 2).concat(lines.slice(-SAMPLE_LINES / 2)) : lines;
  const scores = new Map<StackFormat, number>();
  for (const raw of sample) {
    const line = raw.length > 2000 ? raw.slice(0, 2000) : raw;
    for (const s of SIGNATURES) {
      if (s.pattern.test(line)) scores.set(s.format, (scores.get(s.format) ?? 0) + s.weight);
    }
  }
  let best: StackFormat | undefined;
  let bestScore = 0;
  for (const [format, score] of scores) {
    if (score > bestScore) {
      best = format;
      bestScore = score;
    }
  }
  return bestScore >= 3 ? best : undefined;
}

/** The two ends of very long text, where the headers and the first frames of every format are. */
function sampleText(text: string): string {
  const half = 1 << 19;
  return text.length <= 2 * half ? text : `${text.slice(0, half)}\n${text.slice(text.length - half)}`;
}
