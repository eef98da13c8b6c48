// Code named by the failing test. When the only frames in the project are tests, the stack stops
// at the assertion; the test's name ("caret and tilde ranges", test_conditions_are_applied,
// testJsonEncoding) and its file's name still say which code it exercises, as naming conventions
// tie tests to the code under test. Product symbols whose names share those words are the
// suspects the calls from the test's own lines may not reach.

import { identifierParts, isInformative } from './errorWords';
import { isTestPath } from './paths';
import type { FrameAnchor } from './hypothesis';

/** Words in test names that describe testing, not the behaviour tested. */
const TESTING_WORDS = new Set(
  `test tests testing spec specs suite should must can does did when then given works work worked
  correctly properly handles handle handled returns returned check checks checking verify verifies
  ensure ensures case cases basic simple also all some any via get gets set sets has have make makes
  able unit smoke integration regression behaviour behavior scenario example examples helper helpers
  the and with for from into over using use uses`
    .split(/\s+/)
    .filter(Boolean),
);

/** Most symbols the test's name may point at: beyond this the words are too common to mean much. */
export const MAX_NAMED_SYMBOLS = 24;

/** The singular, lower-case form of a word, so `ranges` finds `Range` and `conditions` `EvalCondition`. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** The stems of the distinctive words of test names (titles, function, class and file names). */
export function testNameStems(names: readonly string[]): string[] {
  return [...new Set(distinctiveWords(names).map(stem))];
}

/**
 * The distinctive words of what a test says it checks (its titles and function name, as written
 * and as stems): the behaviour that failed, so a change that mentions it is suspect.
 */
export function testNameWords(names: readonly string[]): string[] {
  return [...new Set(distinctiveWords(names).flatMap((w) => [w, stem(w)]))];
}

function distinctiveWords(names: readonly string[]): string[] {
  const words: string[] = [];
  for (const name of names) {
    for (const token of name.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) {
      // identifierParts keeps the whole token first; when it has parts, they say it.
      const parts = identifierParts(token);
      for (const part of parts.length > 1 ? parts.slice(1) : parts) {
        if (isInformative(part) && !TESTING_WORDS.has(part)) words.push(part);
      }
    }
  }
  return words;
}

/** The names a test anchor goes by: its titles, function and class, and its file's name. */
export function testAnchorNames(anchor: Pick<FrameAnchor, 'path' | 'function' | 'symbol'>, titles: readonly string[]): string[] {
  const file = anchor.path.slice(anchor.path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  // `org.apache.cordova.smoke.BridgeSmoke.expect`: the package names the whole project, not the code under test.
  const fn = anchor.function?.split('.').slice(-2).join('.') ?? '';
  return [...titles, anchor.symbol?.name ?? '', fn, file].filter((n) => n && !/<anonymous>|^Test(?:Context)?\./.test(n));
}

export interface NamedCandidate {
  path: string;
  /** Bare name (`replaceCaret`); `qualifiedName` is what evidence shows. */
  name: string;
  qualifiedName: string;
  startLine: number;
  endLine: number;
}

/** Product symbols whose names share a stem with the test's words, most shared words first. */
export function symbolsNamedBy(stems: readonly string[], symbols: readonly NamedCandidate[]): (NamedCandidate & { shared: string[] })[] {
  const wanted = new Set(stems);
  const named: (NamedCandidate & { shared: string[] })[] = [];
  for (const symbol of symbols) {
    if (isTestPath(symbol.path)) continue;
    const shared = [...new Set(identifierParts(symbol.name).map(stem))].filter((s) => wanted.has(s));
    if (shared.length > 0) named.push({ ...symbol, shared });
  }
  return named.sort((a, b) => b.shared.length - a.shared.length).slice(0, MAX_NAMED_SYMBOLS);
}
