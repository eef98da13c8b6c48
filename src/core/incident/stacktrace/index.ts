// Entry point of the raw stack-trace parsers: detect the runtime, then read the text with its parser.

import { CauseLensError } from '../../errors';
import { boundedLines } from '../limits';
import { type ParsedStack, type StackFormat, type StackParser } from './common';
import { detectStackFormat } from './detect';
import { parseDotnet } from './dotnet';
import { parseFirefox } from './firefox';
import { parseGo } from './go';
import { parseJava } from './java';
import { stripLogPrefixes } from './logPrefix';
import { fromNodeTestTap, withoutSpecSummary } from './nodeTest';
import { parsePhp } from './php';
import { parsePython } from './python';
import { parseRuby } from './ruby';
import { parseV8 } from './v8';

export { FORMAT_PLATFORM, type ParsedStack, type StackFormat } from './common';
export { detectStackFormat } from './detect';

const PARSERS: Record<StackFormat, StackParser> = {
  v8: parseV8,
  firefox: parseFirefox,
  python: parsePython,
  java: parseJava,
  go: parseGo,
  dotnet: parseDotnet,
  ruby: parseRuby,
  php: parsePhp,
};

const FORMAT_NAMES = 'Node/Chrome (V8), Firefox/Safari, Python, Java/Kotlin, Go, .NET, Ruby or PHP';

/**
 * Parses stack-trace text in the given format, or the detected one. Throws a 'bad-input'
 * CauseLensError when no format is recognised or no frames are found.
 */
export function parseStackTrace(text: string, format?: StackFormat): ParsedStack {
  const warnings: string[] = [];
  const printed = stripLogPrefixes(boundedLines(text, warnings));
  const lines = fromNodeTestTap(printed) ?? withoutSpecSummary(printed);
  const chosen = format ?? detectStackFormat(lines);
  if (!chosen) {
    throw new CauseLensError(
      'bad-input',
      `No stack frames were found in the text. Paste the whole stack trace as the runtime printed it (${FORMAT_NAMES}), including its frame lines, or open a Sentry event or OTLP/Jaeger trace file.`,
    );
  }
  const parsed = PARSERS[chosen](lines);
  const frames = parsed.exceptions.reduce((n, e) => n + e.frames.length, 0);
  if (parsed.exceptions.length === 0 || frames === 0) {
    throw new CauseLensError(
      'bad-input',
      `The text looks like a ${chosen} stack trace but no frames could be read from it. Paste the whole trace, including the exception line and its frame lines.`,
    );
  }
  return { ...parsed, warnings: warnings.concat(parsed.warnings) };
}
