// Where the words of an error are in a commit's changed lines: one search per context finds
// them, and only the identifiers holding a match are split into parts (see errorWords.ts).

import { identifierParts, isIdentifierChar } from './errorWords';
import type { CandidateCommit, HypothesisContext } from './hypothesis';
import { isDocumentation, isTestPath, pathWords } from './paths';

/** A line that is only a comment (or blank) in the languages CauseLens reads. */
const COMMENT_LINE = /^\s*(?:$|\/\/|\/\*|\*|#|--|<!--|"""|''')/;

export function isCommentLine(line: string): boolean {
  return COMMENT_LINE.test(line);
}

/** Longer lines are minified or generated code: they hold every word and every pattern. */
const MAX_READABLE_LINE = 400;

export function readable(lines: readonly string[]): string[] {
  return lines.filter((line) => line.length <= MAX_READABLE_LINE);
}

export function onlyTestsOnStack(context: HypothesisContext): boolean {
  return context.anchors.length > 0 && context.anchors.every((a) => a.isTest);
}

/** The searches a context's error words need, built once per context (a batch shares one). */
interface WordSearches {
  /** Case-blind and global: where in a line the error words are (most lines hold none). */
  everyWord: RegExp;
  /** Per word naming the missing value: the word alone (a quick test), then an assignment of it. */
  missingValue: { word: string; mentions: RegExp; assigns: RegExp }[];
}

const wordSearches = new WeakMap<HypothesisContext, WordSearches>();

export function searchesFor(context: HypothesisContext): WordSearches {
  let searches = wordSearches.get(context);
  if (!searches) {
    const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const words = context.errorWords.map((w) => escape(w.word)).join('|');
    searches = {
      everyWord: new RegExp(words, 'gi'),
      missingValue: context.errorWords
        .filter((e) => e.missingValue)
        .map(({ word }) => {
          const name = escape(word);
          const assigns = new RegExp(`(?:^|[^\\w$.])(?:this\\.|self\\.|@)?${name}\\s*(?::(?!:)|=(?!=))|\\.${name}\\s*=(?!=)|\\bset${name}\\s*\\(`, 'i');
          return { word, mentions: new RegExp(name, 'i'), assigns };
        }),
    };
    wordSearches.set(context, searches);
  }
  return searches;
}

/**
 * The identifiers of `line` (as IDENTIFIER reads them) that hold a match of `search` (global):
 * only those can have an error word among their parts, and most identifiers of a line hold none.
 */
function identifiersHolding(line: string, search: RegExp): string[] {
  const found: string[] = [];
  let covered = -1;
  for (const m of line.matchAll(search)) {
    if (m.index < covered) continue;
    let start = m.index;
    while (start > 0 && isIdentifierChar(line.charCodeAt(start - 1))) start--;
    let end = m.index + m[0].length;
    while (end < line.length && isIdentifierChar(line.charCodeAt(end))) end++;
    covered = end;
    // An identifier does not start with a digit: `2fa_token` is read from `fa_token`.
    while (start < end && line.charCodeAt(start) >= 48 && line.charCodeAt(start) <= 57) start++;
    if (start < end) found.push(line.slice(start, end));
  }
  return found;
}

const errorWordSets = new WeakMap<HypothesisContext, ReadonlySet<string>>();

/** The context's error words (lower-case) as a set, built once per context. */
export function errorWordSet(context: HypothesisContext): ReadonlySet<string> {
  let set = errorWordSets.get(context);
  if (!set) errorWordSets.set(context, (set = new Set(context.errorWords.map((w) => w.word))));
  return set;
}

export function matchErrorWords(commit: CandidateCommit, context: HypothesisContext): string[] {
  if (context.errorWords.length === 0) return [];
  const crashLines = new Set(context.crashLineTexts ?? []);
  const wordSet = errorWordSet(context);
  const { everyWord } = searchesFor(context);
  const tokens = new Set<string>();
  // Words in a file the commit created or deleted are there by construction, and the crash
  // line's own words in the crash line itself prove nothing (the commit that wrote it is judged
  // by the location evidence): crash-line words count only in lines the change edited elsewhere.
  const tokensAwayFromCrashLines = new Set<string>();
  // Prose never runs, and another test's code does not run in this failure. When only tests are
  // on the stack, their words are the check's, not the behaviour's: only product code counts.
  const stackPaths = new Set(context.anchors.map((a) => a.path));
  const testsOnly = onlyTestsOnStack(context);
  for (const file of commit.files) {
    if (file.created || isDocumentation(file.path) || (isTestPath(file.path) && (testsOnly || !stackPaths.has(file.path)))) continue;
    // A file named after a word of the error (`stringify` -> lib/stringify.js) is that code.
    for (const part of pathWords(file.path).flatMap(identifierParts)) {
      tokens.add(part);
      tokensAwayFromCrashLines.add(part);
    }
    if (file.deleted) continue;
    for (const line of readable([...file.added, ...file.removed])) {
      // Every part of an identifier is a substring of the line, case aside: only the identifiers
      // holding an error word that way can match, and most lines of most commits hold none.
      const identifiers = identifiersHolding(line, everyWord);
      if (identifiers.length === 0 || isCommentLine(line)) continue;
      const away = !crashLines.has(line.trim());
      for (const identifier of identifiers) {
        for (const part of identifierParts(identifier)) {
          if (!wordSet.has(part)) continue;
          tokens.add(part);
          if (away) tokensAwayFromCrashLines.add(part);
        }
      }
    }
  }
  return context.errorWords.filter((w) => (w.fromCrashLine ? tokensAwayFromCrashLines : tokens).has(w.word)).map((w) => w.word);
}
